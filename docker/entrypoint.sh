#!/bin/sh
# Bring the database schema and the translation catalogues up to date, then run the command
# (gunicorn by default). The search worker sets DJANGO_MIGRATE=0 so only the app migrates.
set -eu

if [ "${DJANGO_MIGRATE:-1}" = "1" ]; then
    python manage.py migrate --noinput
fi
python manage.py compile_catalogues

exec "$@"
