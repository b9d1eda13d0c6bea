"""Previewing a Czech draft in the admin never claims the page is not translated into Czech."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from hub.manuals.models import ManualPage
from tests.form_data import edit_form_data
from tests.i18n.trees import build_home_tree

CZECH_NOTE = "do češtiny"  # from "Tato stránka zatím nebyla přeložena do češtiny…"


@pytest.fixture
def draft_manual(db, locales):
    _homes, library = build_home_tree(translate_home_to=("uk",))
    manual = ManualPage(title="Nová metodika", slug="nova-metodika", locale=Locale.get_default(), live=False)
    library.add_child(instance=manual)
    manual.save_revision()
    return manual


def preview(admin_client, page):
    """What the editor's preview panel shows: the edit form is posted, then the preview rendered."""
    form = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).context["form"]
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert admin_client.post(url, edit_form_data(form)).json()["is_valid"]
    return admin_client.get(url).content.decode()


def test_preview_of_an_unpublished_czech_page_is_in_czech(admin_client, draft_manual):
    html = preview(admin_client, draft_manual)

    assert "Nová metodika" in html
    assert CZECH_NOTE not in html
    # The other languages still lead to the honest "not translated yet" page.
    with translation.override("uk"):
        assert reverse("untranslated_page", args=[draft_manual.pk]) in html


def test_preview_of_a_ukrainian_draft_does_not_claim_it_is_not_ukrainian(admin_client, draft_manual, locales):
    translation = draft_manual.copy_for_translation(locales["uk"], copy_parents=True)
    translation.save_revision()

    html = preview(admin_client, translation)

    assert "ще не перекладено українською" not in html
