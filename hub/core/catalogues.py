"""Completeness of locale/ catalogues for our own strings (not Django's or Wagtail's).

"Our strings" are entries with at least one occurrence in hub/, search/ or templates/. Used by
`manage.py check_catalogues` and by the test that keeps the catalogues complete.
"""

from dataclasses import dataclass
from pathlib import Path

import polib
from django.conf import settings

OUR_SOURCE_DIRS = ("hub/", "search/", "templates/")
PLURAL_FORMS_PLACEHOLDER = "nplurals=INTEGER"


@dataclass(frozen=True)
class CatalogueProblem:
    language: str
    problem: str
    msgid: str = ""
    occurrence: str = ""

    def __str__(self):
        where = f" ({self.occurrence})" if self.occurrence else ""
        return f"[{self.language}] {self.problem}: {self.msgid!r}{where}"


def catalogue_path(language_code, locale_dir=None):
    locale_dir = Path(locale_dir or settings.LOCALE_PATHS[0])
    return locale_dir / language_code / "LC_MESSAGES" / "django.po"


def is_our_entry(entry):
    return any(path.startswith(OUR_SOURCE_DIRS) for path, _line in entry.occurrences)


def our_entries(catalogue):
    return [entry for entry in catalogue if not entry.obsolete and is_our_entry(entry)]


def catalogue_problems(language_codes=None, locale_dir=None):
    """Every missing catalogue, placeholder plural rule, untranslated or fuzzy entry of our strings."""
    problems = []
    for code in language_codes or [code for code, _name in settings.LANGUAGES]:
        path = catalogue_path(code, locale_dir)
        if not path.exists():
            problems.append(CatalogueProblem(code, "missing catalogue", str(path)))
            continue
        catalogue = polib.pofile(str(path))
        if PLURAL_FORMS_PLACEHOLDER in catalogue.metadata.get(
            "Plural-Forms", PLURAL_FORMS_PLACEHOLDER
        ):
            problems.append(CatalogueProblem(code, "no Plural-Forms rule in the header"))
        for entry in our_entries(catalogue):
            occurrence = ":".join(entry.occurrences[0])
            if "fuzzy" in entry.flags:
                problems.append(CatalogueProblem(code, "fuzzy", entry.msgid, occurrence))
            elif not entry.translated():
                problems.append(CatalogueProblem(code, "untranslated", entry.msgid, occurrence))
    return problems


def fill_from_source(language_code, locale_dir=None):
    """Copy the English source text into empty msgstrs (for the English catalogue); returns a count."""
    path = catalogue_path(language_code, locale_dir)
    catalogue = polib.pofile(str(path))
    filled = 0
    for entry in our_entries(catalogue):
        if entry.translated() or "fuzzy" in entry.flags:
            continue
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        filled += 1
    catalogue.save(str(path))
    return filled
