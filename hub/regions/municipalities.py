"""Which region a place typed into the region chooser lies in: "Třebíč" → Kraj Vysočina.

The hub knows the 206 municipalities with extended powers (ORP, data/orp.csv, from the Czech
Statistical Office's list) and the regions' names in every language, so a social worker can type
their town, with or without diacritics, in Czech, Ukrainian or English. A smaller village is not
in the list; the chooser then says so and offers the regions to pick from.
"""

import csv
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ORP_FILE = Path(__file__).resolve().parent / "data" / "orp.csv"
# Shorter input matches too much ("no" is in half of the names); below this, only exact names count.
MIN_PREFIX_LENGTH = 3
# An ambiguous text offers this many places to pick from; more is a list nobody reads on a phone.
MAX_CANDIDATES = 12


@dataclass(frozen=True)
class Municipality:
    name: str
    region_code: str


@dataclass(frozen=True)
class PlaceName:
    """A name the chooser understands: an ORP or a region's name in some language."""

    name: str
    region_code: str
    folded: str


@dataclass
class Resolution:
    """What the chooser made of the reader's text: one region, several candidates, or nothing."""

    query: str
    region_code: str = ""
    matched_name: str = ""
    # (name, region code) for text that fits places in several regions, such as "Nové".
    candidates: list = field(default_factory=list)


@cache
def municipalities():
    """The ORP list as shipped, in file order (comments and the header skipped)."""
    with ORP_FILE.open(encoding="utf-8") as file:
        rows = csv.DictReader(line for line in file if not line.startswith("#"))
        return tuple(Municipality(row["orp"], row["kraj"]) for row in rows)


def fold(text):
    """Lower case without diacritics, hyphens and extra spaces: "Frýdek-Místek" → "frydek mistek".

    Only Latin letters lose their marks: "Височина" keeps its "й"-like letters and still matches itself.
    """
    letters = []
    for character in text.casefold():
        if "LATIN" in unicodedata.name(character, ""):
            character = "".join(
                part for part in unicodedata.normalize("NFD", character) if not unicodedata.combining(part)
            )
        letters.append(character)
    spaced = "".join(letters).replace("-", " ").replace(",", " ").replace(".", " ")
    return " ".join(spaced.split())


def place_names(region_names):
    """Every name the chooser matches: the ORPs and `region_names` ((name, code) in all languages)."""
    names = [PlaceName(m.name, m.region_code, fold(m.name)) for m in municipalities()]
    names += [PlaceName(name, code, fold(name)) for name, code in region_names if code]
    return names


def resolve(text, region_names):
    """Resolve `text` to a region code using the ORP list and `region_names` ((name, code) pairs)."""
    query = " ".join(text.split())[:100]
    resolution = Resolution(query=query)
    names = place_names(region_names)
    for attempt in _attempts(query):
        matches = _matches(attempt, names)
        codes = {match.region_code for match in matches}
        if len(codes) == 1:
            resolution.region_code = codes.pop()
            resolution.matched_name = min((match.name for match in matches), key=len)
            return resolution
        if matches:
            ordered = sorted({(match.name, match.region_code) for match in matches})
            resolution.candidates = ordered[:MAX_CANDIDATES]
            return resolution
    return resolution


def _attempts(query):
    """The whole text, then each comma-separated part, then the text without trailing words.

    "Třebíč, Kraj Vysočina" resolves by its parts and "Praha 13" as "Praha".
    """
    folded = fold(query)
    if not folded:
        return
    yield folded
    for part in query.split(","):
        if fold(part) and fold(part) != folded:
            yield fold(part)
    words = folded.split()
    for length in range(len(words) - 1, 0, -1):
        yield " ".join(words[:length])


def _matches(folded_query, names):
    exact = [name for name in names if name.folded == folded_query]
    if exact or len(folded_query) < MIN_PREFIX_LENGTH:
        return exact
    starting = [name for name in names if name.folded.startswith(folded_query)]
    if starting:
        return starting
    return [
        name
        for name in names
        if any(word.startswith(folded_query) for word in name.folded.split())
    ]
