import pytest
from wagtail.models import Locale


@pytest.fixture
def locales(db):
    """The three content languages, Czech first."""
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("cs", "uk", "en")}


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues():
    """Compile locale/ before any test activates a language (Django caches catalogues per process)."""
    from django.core.management import call_command

    call_command("compile_catalogues", verbosity=0)


def pytest_report_header(config):
    """Name the database and search server of this run, so a CI log shows what the tests proved."""
    from django.conf import settings
    from django.db import connection

    database = settings.DATABASES["default"]
    location = f"{database['HOST']}:{database['PORT']}" if database.get("HOST") else "local file"
    return [
        f"database: {connection.vendor} ({location})",
        f"elasticsearch: {settings.ELASTICSEARCH_URL or 'not configured'}",
    ]


@pytest.fixture
def smtp_mailbox(settings):
    """Send this test's mail through a real SMTP server on loopback; the Mailbox shows what arrived."""
    from tests.mail import SMTPServer

    with SMTPServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = server.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        yield server.mailbox


def pytest_make_parametrize_id(config, val, argname):
    """Name generated file bytes by their argument: they differ per process (timestamps in a DOCX),
    and parallel workers (pytest-xdist) must collect the same test ids."""
    if isinstance(val, bytes | bytearray):
        return argname
    return None
