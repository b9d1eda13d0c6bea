"""The explorer's translation buttons: the same as wagtail-localize's, at a fixed number of queries."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.models import Translation, TranslationSource

from hub.core.translation_buttons import translation_buttons
from tests.hub.organisations.factories import OrganisationIndexPageFactory, OrganisationPageFactory


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("spravce", "spravce@example.org", "heslo-pro-test")


@pytest.fixture
def directory(home, locales):
    """An organisation directory: one page translated (a synced source) and two Czech-only pages."""
    directory = OrganisationIndexPageFactory(parent=home)
    translated = OrganisationPageFactory(parent=directory, title="Městská část Praha 13")
    source, _created = TranslationSource.get_or_create_from_instance(translated)
    for code in ("uk", "en"):
        Translation.objects.create(source=source, target_locale=locales[code])
        translated.copy_for_translation(locales[code], copy_parents=True)
    OrganisationPageFactory.create_batch(2, parent=directory)
    return directory


def labels_and_urls(buttons):
    return [(str(button.label), button.url) for button in buttons]


def fresh(user):
    return get_user_model().objects.get(pk=user.pk)  # a new request's user, without cached states


def test_buttons_match_wagtail_localizes_for_sources_translations_and_untranslated_pages(directory, admin_user):
    pages = list(directory.get_children()) + list(directory.get_children().first().get_translations())
    assert len(pages) == 5

    for page in pages:
        ours = labels_and_urls(translation_buttons(page, fresh(admin_user), next_url="/admin/pages/"))
        theirs = labels_and_urls(
            localize_hooks.page_listing_more_buttons(page, admin_user, next_url="/admin/pages/")
        )
        assert ours == theirs, page.title


def explorer_queries(client, directory):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("wagtailadmin_explore", args=[directory.pk])).status_code == 200
    return len(queries)


def test_explorer_queries_do_not_grow_with_the_number_of_pages(client, directory, admin_user):
    client.force_login(admin_user)
    explorer_queries(client, directory)  # warm caches (content types, site root)
    with_three = explorer_queries(client, directory)

    OrganisationPageFactory.create_batch(6, parent=directory)

    assert explorer_queries(client, directory) == with_three
