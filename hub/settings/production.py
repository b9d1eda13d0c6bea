"""Production (docker compose): secret required, hardened cookies and headers, compressed static files."""

from hub.settings.base import *  # noqa: F403
from hub.settings.env import env_bool, env_str

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}
# Behind a TLS-terminating proxy (README, "Production with Docker"): the proxy must set this header
# itself and drop any value the client sent, or a client could claim HTTPS over plain HTTP.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
# With DATABASE_CONN_MAX_AGE, a connection the database dropped is noticed before a request uses it.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "SAMEORIGIN"
# HSTS: browsers use HTTPS only for this long once they saw the header over HTTPS (Django sends it on
# secure requests only). A year is the usual value; 0 turns it off while TLS is being set up.
SECURE_HSTS_SECONDS = int(env_str("DJANGO_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
