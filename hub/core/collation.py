"""Sorting names the way Czech, Ukrainian and English readers expect, the same on SQLite and PostgreSQL.

Databases sort text by code point (SQLite) or by whatever locale the server was built with (PostgreSQL),
so "CPIC České Budějovice" lands after "CPIC Zlín" and "chata" before "hrad". ICU would do it right, but
PyICU needs system libraries this project does not ship. This module is a small Unicode collation for our
three languages, after the CLDR tailorings:

- Czech: č, ř, š, ž are letters of their own after c, r, s, z; "ch" is one letter after h; the other
  diacritics (á, ď, é, ě, í, ň, ó, ť, ú, ů, ý) only break ties ("dama" < "dáma" < "daň").
- Ukrainian: the Ukrainian alphabet order (ґ after г, є after е, і and ї after и, й after ї), and
  Cyrillic names before Latin ones.
- English: a to z, every diacritic only breaks ties.

Names are compared word by word (a space sorts before any letter) and numbers by value ("Praha 2" before
"Praha 13"); other punctuation and letter case only break ties. Lists are sorted in Python with
`collation_key`; `sorted_by_name` and `CollatedPages` are what listings, template tags and facets call.
"""

import re
import unicodedata
from collections.abc import Sequence

from django.utils import translation

# Primary alphabets, in order. A multi-letter entry ("ch") is one letter; letters with a diacritic listed
# here are letters of their own, any other diacritic is only a secondary difference.
LATIN = "a b c d e f g h i j k l m n o p q r s t u v w x y z".split()
CZECH_LATIN = "a b c č d e f g h ch i j k l m n o p q r ř s š t u v w x y z ž".split()
# Ukrainian order, with the letters of other Cyrillic alphabets where the Unicode collation puts them.
CYRILLIC = "а б в г ґ д ђ ѓ е є ж з ѕ и і ї й ј к л љ м н њ о п р с т ћ ќ у ў ф х ц ч џ ш щ ъ ы ь э ю я".split()

# Which script a language lists first: CLDR puts Cyrillic first for Ukrainian, Latin first otherwise.
SCRIPT_ORDER = {"uk": ("cyrillic", "latin")}
DEFAULT_SCRIPT_ORDER = ("latin", "cyrillic")
LATIN_ALPHABETS = {"cs": CZECH_LATIN}

# Primary groups: word separators, then numbers, then letters (by script), then letters of other scripts.
SEPARATOR, NUMBER, LETTER, OTHER_LETTER = range(4)
# Lowercase before uppercase at the last level, as in CLDR's default.
LOWER, UPPER = 0, 1

_ELEMENT = re.compile(r"\d+|ch|\s+|.", re.IGNORECASE | re.DOTALL)


class Alphabet:
    """The primary weights of one language: {letter: (group, rank)}, built once per language."""

    def __init__(self, language):
        scripts = SCRIPT_ORDER.get(language, DEFAULT_SCRIPT_ORDER)
        letters = {"latin": LATIN_ALPHABETS.get(language, LATIN), "cyrillic": CYRILLIC}
        self.weights = {}
        for script_rank, script in enumerate(scripts):
            for rank, letter in enumerate(letters[script]):
                self.weights[letter] = (LETTER, script_rank * 1000 + rank)
        self.digraphs = {letter for letter in self.weights if len(letter) > 1}

    def weigh(self, element):
        """(primary, secondary, tertiary) of one element of NFC text, or None when it only breaks ties."""
        lower = element.lower()
        tertiary = UPPER if element != lower else LOWER
        if element.isspace():
            return (SEPARATOR, 0), (), tertiary
        if element.isdecimal():
            return (NUMBER, int(element)), (), tertiary
        if len(element) > 1 and lower not in self.digraphs:
            return None  # "ch" in a language without that letter: weighed letter by letter
        if lower in self.weights:
            return self.weights[lower], (), tertiary
        decomposed = unicodedata.normalize("NFD", lower)
        base, marks = decomposed[0], tuple(ord(mark) for mark in decomposed[1:])
        if base in self.weights:
            return self.weights[base], marks, tertiary
        if base.isalpha():
            return (OTHER_LETTER, ord(base)), marks, tertiary
        return None  # punctuation and symbols


_alphabets = {}


def alphabet_for(language):
    code = (language or "").split("-")[0].lower()
    if code not in _alphabets:
        _alphabets[code] = Alphabet(code)
    return _alphabets[code]


def collation_key(text, language=None):
    """A sort key for `text` in `language` (the active language by default); compare keys, not texts."""
    alphabet = alphabet_for(language or translation.get_language())
    text = unicodedata.normalize("NFC", str(text or "")).strip()
    primary, secondary, tertiary = [], [], []
    for match in _ELEMENT.finditer(text):
        element = match.group()
        weights = alphabet.weigh(element)
        if weights is None and len(element) > 1:
            parts = [alphabet.weigh(letter) for letter in element]
        else:
            parts = [weights]
        for part in parts:
            if part is None:
                continue
            primary.append(part[0])
            secondary.append(part[1])
            tertiary.append(part[2])
    # The text itself last: two names that differ only in punctuation still sort the same every time.
    return tuple(primary), tuple(secondary), tuple(tertiary), text


def sorted_by_name(items, name=lambda item: item, language=None):
    """`items` sorted by `name(item)` with the collation of `language` (the active one by default)."""
    language = language or translation.get_language()
    return sorted(items, key=lambda item: collation_key(name(item), language))


class CollatedPages(Sequence):
    """The objects of a queryset in collated order of one field (within groups of `leading`, when
    given), fetched a slice at a time.

    For paginated listings: only (pk, field) of every row is read to sort; a page of the list loads its
    objects with one query. Works wherever Django's Paginator takes a list.
    """

    def __init__(self, queryset, field="title", language=None, leading=None):
        self.queryset = queryset
        rows = queryset.order_by().values_list("pk", field, *([leading] if leading else [])).distinct()
        rows = sorted_by_name(rows, name=lambda row: row[1], language=language)
        if leading:
            rows.sort(key=lambda row: row[2])  # stable: collated order within each group
        self.pks = [row[0] for row in rows]

    def __len__(self):
        return len(self.pks)

    def __getitem__(self, index):
        if isinstance(index, slice):
            pks = self.pks[index]
            objects = self.queryset.order_by().in_bulk(pks)
            return [objects[pk] for pk in pks if pk in objects]
        return self[index : index + 1 or None][0]
