"""The cs, uk and en catalogues translate every string of ours, with nothing fuzzy."""

import polib
import pytest
from django.core.management import CommandError, call_command

from hub.core.catalogues import catalogue_problems, fill_from_source


def test_every_catalogue_translates_all_our_strings():
    problems = catalogue_problems()
    assert not problems, "Run `make messages` and translate:\n" + "\n".join(map(str, problems))


def write_catalogue(locale_dir, code, entries, plural_forms="nplurals=2; plural=(n != 1);"):
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Plural-Forms": plural_forms}
    for entry in entries:
        catalogue.append(entry)
    path = locale_dir / code / "LC_MESSAGES"
    path.mkdir(parents=True)
    catalogue.save(str(path / "django.po"))


def test_untranslated_fuzzy_and_placeholder_plurals_are_reported_for_our_strings_only(tmp_path):
    write_catalogue(
        tmp_path,
        "uk",
        [
            polib.POEntry(
                msgid="Helplines", msgstr="", occurrences=[("templates/includes/footer.html", "4")]
            ),
            polib.POEntry(
                msgid="Search",
                msgstr="Пошук",
                flags=["fuzzy"],
                occurrences=[("search/web/views.py", "9")],
            ),
            polib.POEntry(
                msgid="Region", msgstr="Область", occurrences=[("hub/taxonomy/models.py", "3")]
            ),
            polib.POEntry(msgid="Vendored", msgstr="", occurrences=[(".venv/lib/thing.py", "1")]),
        ],
        plural_forms="nplurals=INTEGER; plural=EXPRESSION;",
    )
    problems = {(p.problem, p.msgid) for p in catalogue_problems(["uk", "cs"], tmp_path)}
    assert problems == {
        ("no Plural-Forms rule in the header", ""),
        ("untranslated", "Helplines"),
        ("fuzzy", "Search"),
        ("missing catalogue", str(tmp_path / "cs" / "LC_MESSAGES" / "django.po")),
    }


def test_english_entries_can_be_filled_from_the_source_text(tmp_path):
    write_catalogue(
        tmp_path,
        "en",
        [
            polib.POEntry(msgid="Helplines", occurrences=[("templates/includes/footer.html", "4")]),
            polib.POEntry(
                msgid="%(count)s result",
                msgid_plural="%(count)s results",
                msgstr_plural={0: "", 1: ""},
                occurrences=[("search/web/views.py", "20")],
            ),
        ],
    )
    assert fill_from_source("en", tmp_path) == 2
    assert catalogue_problems(["en"], tmp_path) == []


def test_check_command_fails_while_something_is_missing(settings, tmp_path):
    settings.LOCALE_PATHS = [tmp_path]
    with pytest.raises(CommandError, match="3 catalogue problem"):
        call_command("check_catalogues")
