import pytest
from django.utils import translation


@pytest.fixture
def english():
    """Messages are asserted in their English source; the catalogues are the i18n tests' business."""
    with translation.override("en"):
        yield


@pytest.fixture
def home(db):
    """A home page that the default site serves, so pages under it answer at /cs/…."""
    from wagtail.models import Site

    from tests.hub.core.factories import HomePageFactory

    page = HomePageFactory(title="Rozcestník")
    Site.objects.filter(is_default_site=True).update(root_page=page)
    return page
