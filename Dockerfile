# Rozcestník web application (gunicorn) for docker compose; see README, "Production with Docker".
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=hub.settings.production \
    ROZCESTNIK_VAR_DIR=/app/var \
    DJANGO_MEDIA_ROOT=/app/media \
    DJANGO_STATIC_ROOT=/app/staticfiles

WORKDIR /app

# Dependencies first, in their own layer, so a code change does not reinstall them.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

COPY . .
# The code runs from /app (templates/, static/ and locale/ sit beside the packages), so the
# project is installed in editable mode: one copy of the code, registered with pip.
RUN pip install --no-deps -e . \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin rozcestnik \
    && mkdir -p /app/var /app/media /app/staticfiles \
    && DJANGO_SECRET_KEY=build-only python manage.py collectstatic --noinput --verbosity 0 \
    && DJANGO_SECRET_KEY=build-only python manage.py compile_catalogues \
    && chown -R rozcestnik /app/var /app/media /app/locale

USER rozcestnik
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
    CMD ["python", "/app/docker/healthcheck.py"]
ENTRYPOINT ["/app/docker/entrypoint.sh"]
# Threads: a search or page waits on Elasticsearch and PostgreSQL; another thread serves meanwhile.
# No --preload: each worker starts its search backup feeder after the fork (search/changes/backup_feeder.py).
CMD ["gunicorn", "hub.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--threads", "4", "--timeout", "60", "--access-logfile", "-"]
