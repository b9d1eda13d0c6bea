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
