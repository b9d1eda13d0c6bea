"""search/query/parsing.py: what users type, as the engine-neutral query both compilers translate."""

import pytest

from search.query.parsing import MAX_SLOTS, Slot, parse_query
from search.query.types import QueryError, SearchQuery

pytestmark = pytest.mark.django_db  # parsing reads editor synonym rules


def parse(text, **options):
    return parse_query(SearchQuery(text=text, **options))


def test_parse_drops_stop_words_and_analyses_the_rest():
    parsed = parse("Kurzy češtiny pro děti")
    assert parsed.slots == (
        Slot("Kurzy", ("kurz",)),
        Slot("češtiny", ("cestina",)),
        Slot("děti", ("dite",)),
    )
    assert parsed.terms == ("kurz", "cestina", "dite")


@pytest.mark.parametrize(
    ("text", "locale", "kept"),
    [
        ("kde najdu bydlení pro rodinu", "cs", ["bydlení", "rodinu"]),
        ("potřebuji tlumočníka", "cs", ["tlumočníka"]),
        ("Můžu získat dotaci?", "cs", ["dotaci"]),
        ("proc muzu hledat kurzy", "cs", ["kurzy"]),
        ("де знайти курси", "uk", ["курси"]),
        ("how can I find a course", "en", ["course"]),
    ],
)
def test_fillers_are_dropped(text, locale, kept):
    assert [slot.surface for slot in parse(text, locale=locale).slots] == kept


def test_a_query_of_fillers_only_is_searched_as_typed():
    assert [slot.surface for slot in parse("kde najdu").slots] == ["kde", "najdu"]


def test_parse_attaches_synonyms_to_the_words_they_replace():
    parsed = parse("OSP Liberec")
    assert parsed.slots[0] == Slot("OSP", ("osp",), (("odborny", "socialni", "poradenstvi"),))
    # A town also matches the name of its surroundings ("na Liberecku").
    assert parsed.slots[1] == Slot("Liberec", ("liberec",), (("liberecka",), ("libereckem",), ("liberecko",), ("liberecku",)))
    assert parse("kurzy").slots[0].synonyms == ()


def test_a_synonym_typed_with_a_typo_keeps_its_right_spelling_as_alternative():
    [slot] = parse("dočasná ochrna").slots
    assert ("docasny", "ochrana") in slot.synonyms


def test_parse_caps_length_and_treats_syntax_as_text(settings):
    settings.SEARCH_MAX_QUERY_LENGTH = 20
    parsed = parse('title:(x) OR "kurzy\x00\n' + "z" * 100)
    assert parsed.text == 'title:(x) OR "kurzy'
    assert [slot.surface for slot in parsed.slots] == ["title", "x", "OR", "kurzy"]


def test_empty_or_punctuation_only_query_is_browsing():
    assert parse("").is_browse and parse("  *?! ").is_browse
    assert not parse("do").is_browse  # only stop words: searched as typed


def test_long_queries_keep_the_first_words():
    assert len(parse(" ".join(f"slovo{n}" for n in range(40))).slots) == MAX_SLOTS


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"filters": {"colour": ["red"]}}, "Unknown filter"),
        ({"filters": {"year": ["2024", "loni"]}}, "year"),
        ({"page": 0}, "Page"),
        ({"per_page": 1000}, "per_page"),
    ],
)
def test_bad_parameters_raise_query_error(options, message):
    with pytest.raises(QueryError, match=message):
        parse("kurzy", **options)


def test_filters_are_cleaned():
    parsed = parse("", filters={"region": ["praha", " praha ", ""], "type": []})
    assert parsed.filters == {"region": ("praha",)}
