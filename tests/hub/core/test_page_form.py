"""The page editor's taxonomy pickers: default-language terms, named in the page's language, as checkboxes."""

import pytest
from django import forms
from django.contrib.auth import get_user_model
from django.urls import reverse

from hub.manuals.models import ManualPage
from tests.hub.manuals.factories import ManualPageFactory
from tests.hub.taxonomy.factories import RegionFactory


@pytest.fixture
def regions(locales):
    """Two Czech regions with their Ukrainian translations, and a Ukrainian-only leftover row."""
    vysocina = RegionFactory(name="Kraj Vysočina", slug="vysocina", locale=locales["cs"])
    praha = RegionFactory(name="Hlavní město Praha", slug="praha", locale=locales["cs"])
    for term, name in ((vysocina, "Край Височина"), (praha, "Столиця Прага")):
        translation = term.copy_for_translation(locales["uk"])
        translation.name = name
        translation.save()
    return {"vysocina": vysocina, "praha": praha}


def page_form(page):
    form_class = ManualPage.get_edit_handler().get_form_class()
    return form_class(instance=page, parent_page=page.get_parent(), for_user=get_user_model()(is_superuser=True))


def choice_labels(form, name):
    return [str(label) for _value, label in form.fields[name].choices]


def test_czech_page_offers_czech_terms_only_as_a_checkbox_list(home, regions):
    manual = ManualPageFactory(parent=home, regions=[regions["vysocina"]])

    form = page_form(manual)

    assert choice_labels(form, "regions") == ["Hlavní město Praha", "Kraj Vysočina"]
    assert isinstance(form.fields["regions"].widget, forms.CheckboxSelectMultiple)
    assert form["regions"].value() == [regions["vysocina"].pk]


def test_ukrainian_page_names_the_same_term_rows_in_ukrainian(home, regions, locales):
    manual = ManualPageFactory(parent=home, regions=[regions["praha"]])
    translation = manual.copy_for_translation(locales["uk"], copy_parents=True)

    form = page_form(translation)

    assert sorted(choice_labels(form, "regions")) == ["Край Височина", "Столиця Прага"]
    # The values stay the Czech rows every page refers to (search and templates rely on it).
    assert set(form.fields["regions"].queryset) == {regions["vysocina"], regions["praha"]}
    assert form["regions"].value() == [regions["praha"].pk]


def test_a_reference_to_another_languages_row_is_kept_selectable(home, regions, locales):
    ukrainian_row = regions["praha"].get_translation(locales["uk"])
    manual = ManualPageFactory(parent=home, regions=[ukrainian_row])

    form = page_form(manual)

    assert ukrainian_row in form.fields["regions"].queryset
    assert "Столиця Прага (ukrajinština)" in choice_labels(form, "regions")


def test_the_editor_shows_checkboxes_without_other_languages(admin_client, home, regions):
    manual = ManualPageFactory(parent=home)

    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[manual.pk])).content.decode()

    assert 'type="checkbox" name="regions"' in html
    assert "Kraj Vysočina" in html
    assert "Край Височина" not in html
