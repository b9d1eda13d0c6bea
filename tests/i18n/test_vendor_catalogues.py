"""Wagtail's admin in Czech: locale/vendor/ translates every message Wagtail's Czech catalogue lacks."""

import json

import polib
import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.admin.menu import reports_menu

from hub.core import vendor_catalogues
from hub.core.vendor_catalogues import supplement_problems, update_supplement


def test_every_wagtail_message_missing_in_czech_is_translated_in_the_supplement():
    problems = supplement_problems()
    assert not problems, "Run `make messages` and translate locale/vendor:\n" + "\n".join(map(str, problems[:20]))


def test_the_supplement_wins_for_python_and_template_messages():
    with translation.override("cs"):
        assert gettext("Search all pages…") == "Hledat ve všech stránkách…"
        assert gettext("Layout") == "Rozložení"


def test_the_supplement_wins_in_the_admins_javascript_catalogue(client):
    catalogue = client.get(reverse("wagtailadmin_javascript_catalog"), headers={"accept-language": "cs"})

    text = catalogue.content.decode()
    for english, czech in (("Collapse all", "Sbalit vše"), ("Insert a block", "Vložit blok")):
        assert json.dumps({english: czech})[1:-1] in text  # the catalogue is JSON with \u escapes


@pytest.fixture
def supplement_in(tmp_path, settings):
    settings.LOCALE_PATHS = [settings.LOCALE_PATHS[0], tmp_path / "vendor"]
    return tmp_path / "vendor"


def test_update_adds_new_gaps_keeps_translations_and_corrections_and_drops_the_rest(supplement_in, monkeypatch):
    gap = polib.POEntry(msgid="Collapse all", occurrences=[("client/src/x.js", "1")])
    stale = polib.POEntry(msgid="Translated upstream since", msgstr="Mezitím přeloženo")
    kept = polib.POEntry(msgid="Insert a block", msgstr="Vložit blok")
    correction = polib.POEntry(msgid="Submit", msgstr="Odeslat", comment="Correction: not 'Potvrdit'.")
    path = vendor_catalogues.supplement_path("cs", "djangojs")
    path.parent.mkdir(parents=True)
    old = polib.POFile()
    old.extend([stale, kept, correction])
    old.save(str(path))
    monkeypatch.setattr(vendor_catalogues, "vendor_gaps", lambda language, domain: [gap, polib.POEntry(msgid="Insert a block")])

    change = update_supplement("cs", "djangojs")

    assert (change.added, change.removed, change.untranslated) == (1, 1, 1)
    entries = {entry.msgid: entry.msgstr for entry in polib.pofile(str(path))}
    assert entries == {"Collapse all": "", "Insert a block": "Vložit blok", "Submit": "Odeslat"}


def test_the_translations_report_is_named_in_each_editors_language_whoever_opened_the_admin_first():
    # The reports menu is built once per process; here it is built while English is active.
    reports_menu.__dict__.pop("registered_menu_items", None)
    with translation.override("en"):
        reports_menu.registered_menu_items  # noqa: B018

    with translation.override("cs"):
        labels = {str(item.label) for item in reports_menu.registered_menu_items}
    assert "Překlady" in labels and "Translations" not in labels
