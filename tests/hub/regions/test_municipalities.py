"""The ORP list the chooser ships, and how typed text resolves to a region."""

from collections import Counter

import pytest

from hub.regions.municipalities import fold, municipalities, resolve

# Správní obvody ORP per region (ISO 3166-2:CZ), as the Czech Statistical Office counts them;
# Prague is one.
ORP_PER_REGION = {
    "CZ-10": 1, "CZ-20": 26, "CZ-31": 17, "CZ-32": 15, "CZ-41": 7, "CZ-42": 16, "CZ-51": 10,
    "CZ-52": 15, "CZ-53": 15, "CZ-63": 15, "CZ-64": 21, "CZ-71": 13, "CZ-72": 13, "CZ-80": 22,
}
REGION_NAMES = [
    ("Kraj Vysočina", "CZ-63"),
    ("Край Височина", "CZ-63"),
    ("Vysočina Region", "CZ-63"),
    ("Moravskoslezský kraj", "CZ-80"),
    ("Hlavní město Praha", "CZ-10"),
]


def test_the_list_has_206_orp_in_the_14_regions():
    places = municipalities()
    assert len(places) == 206
    assert Counter(place.region_code for place in places) == ORP_PER_REGION


def test_orp_names_are_unique_and_written_with_diacritics():
    names = [place.name for place in municipalities()]
    assert len(set(names)) == len(names)
    assert "Třebíč" in names and "Frýdek-Místek" in names and "Ústí nad Labem" in names


def test_folding_drops_czech_diacritics_case_and_hyphens_but_keeps_cyrillic():
    assert fold("Frýdek-Místek") == "frydek mistek"
    assert fold("  ŽĎÁR  nad Sázavou ") == "zdar nad sazavou"
    assert fold("Височина") == "височина"


@pytest.mark.parametrize(
    ("typed", "region"),
    [
        ("Třebíč", "CZ-63"),
        ("trebic", "CZ-63"),  # without diacritics
        ("TŘEBÍČ", "CZ-63"),
        ("Havl", "CZ-63"),  # the beginning of Havlíčkův Brod
        ("Frydek-Mistek", "CZ-80"),
        ("Vysočina", "CZ-63"),  # a word of the region's name
        ("Височина", "CZ-63"),  # in Ukrainian
        ("Praha 13", "CZ-10"),  # a city district: the trailing words are dropped
        ("Třebíč, Kraj Vysočina", "CZ-63"),
        ("Ostrava-Poruba", "CZ-80"),
    ],
)
def test_typed_places_resolve_to_their_region(typed, region):
    assert resolve(typed, REGION_NAMES).region_code == region


def test_text_that_fits_several_regions_offers_the_candidates():
    resolution = resolve("Nové", REGION_NAMES)
    assert resolution.region_code == ""
    assert ("Nové Město na Moravě", "CZ-63") in resolution.candidates
    assert ("Nové Město nad Metují", "CZ-52") in resolution.candidates


@pytest.mark.parametrize("typed", ["", "   ", "xy", "Lhota u Nikde", "x" * 5000])
def test_unknown_or_too_short_text_resolves_to_nothing(typed):
    resolution = resolve(typed, REGION_NAMES)
    assert resolution.region_code == ""
    assert resolution.candidates == []
    assert len(resolution.query) <= 100
