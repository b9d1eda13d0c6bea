"""Local development: `make run`. Debug on, a throwaway secret, embedded search."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "dev-only-not-secret")
os.environ.setdefault("DJANGO_DEBUG", "1")

from hub.settings.base import *  # noqa: E402,F403

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
