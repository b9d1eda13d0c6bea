"""Local development: `make run`. Debug on, a throwaway secret, embedded search."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "dev-only-not-secret")
os.environ.setdefault("DJANGO_DEBUG", "1")

from hub.settings.base import *  # noqa: E402,F403

# Mail is written to var/mail/ (one .log file per message), so `make run` can show what readers and
# editors would receive; setup_hub prints where.
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = VAR_DIR / "mail"  # noqa: F405
