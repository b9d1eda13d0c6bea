import pytest
from wagtail.models import Locale


@pytest.fixture
def locales(db):
    """The three content languages, Czech first."""
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("cs", "uk", "en")}
