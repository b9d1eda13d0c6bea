"""Tests: fast hashing, isolated files, deterministic search; DATABASE_URL may point to PostgreSQL."""

import os
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-not-secret")
os.environ["DJANGO_DEBUG"] = "0"
os.environ.setdefault("ROZCESTNIK_VAR_DIR", tempfile.mkdtemp(prefix="rozcestnik-test-"))

from hub.settings.base import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# Tests that touch Elasticsearch only ever create and delete indices under this prefix.
ELASTICSEARCH_INDEX_PREFIX = "test-rozcestnik"
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["*"]
# Lexical unless a test opts in: only the tests about semantic search load and run the model.
SEARCH_EMBEDDER = "none"
# Extract document text at once, inside the saving request: deterministic tests.
INGEST_EXTRACT_IN_BACKGROUND = False
