"""search/query.py: parsing what users type, and each component of the Elasticsearch request."""

import json

import pytest

from search import query as components
from search.backends.base import FACET_FIELDS, SearchQuery
from search.query import QueryError, Slot, parse_query

pytestmark = pytest.mark.django_db  # parsing reads editor synonym rules

STEM = ["title_stem^10", "summary_stem^5", "body_stem^2", "attachments_stem^1"]
RAW = ["title^10", "summary^5", "body^2", "attachments^1"]


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


def test_parse_attaches_synonyms_to_the_words_they_replace():
    parsed = parse("OSP Liberec")
    assert parsed.slots[0] == Slot("OSP", ("osp",), (("odborny", "socialni", "poradenstvi"),))
    assert parsed.slots[1] == Slot("Liberec", ("liberec",))


def test_parse_caps_length_and_treats_syntax_as_text(settings):
    settings.SEARCH_MAX_QUERY_LENGTH = 20
    parsed = parse('title:(x) OR "kurzy\x00\n' + "z" * 100)
    assert parsed.text == 'title:(x) OR "kurzy'
    assert [slot.surface for slot in parsed.slots] == ["title", "x", "OR", "kurzy"]


def test_empty_or_punctuation_only_query_is_browsing():
    assert parse("").is_browse and parse("  *?! ").is_browse
    assert not parse("do").is_browse  # only stop words: searched as typed


def test_long_queries_keep_the_first_words():
    assert len(parse(" ".join(f"slovo{n}" for n in range(40))).slots) == components.MAX_SLOTS


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


def test_exact_term_clause_uses_analysed_fields_with_weights():
    assert components.exact_term_clause("kurz").to_dict() == {
        "multi_match": {"query": "kurz", "fields": STEM, "type": "best_fields", "tie_breaker": 0.3}
    }


def test_fuzzy_clause_is_weighted_down_and_only_on_analysed_fields():
    clause = components.fuzzy_term_clause("tlumocnik").to_dict()["multi_match"]
    assert clause["fields"] == STEM
    assert clause["fuzziness"] == "AUTO" and clause["prefix_length"] == 1
    assert clause["boost"] == components.FUZZY_BOOST < 1


def test_exact_form_clause_matches_raw_fields_as_a_phrase():
    assert components.exact_form_clause("češtiny pro cizince").to_dict() == {
        "multi_match": {
            "query": "češtiny pro cizince",
            "fields": RAW,
            "type": "phrase",
            "boost": 1.5,
        }
    }


def test_slot_clause_offers_exact_form_lemmas_and_synonyms():
    slot = Slot("OSP", ("osp",), (("odborny", "socialni", "poradenstvi"),))
    clause = components.slot_clause(slot).to_dict()["bool"]
    assert clause["minimum_should_match"] == 1
    exact_form, lemmas, synonym = clause["should"]
    assert exact_form["multi_match"]["fields"] == RAW
    assert [
        part["bool"]["should"][1]["multi_match"]["fuzziness"] for part in lemmas["bool"]["must"]
    ] == ["AUTO"]
    assert synonym == {
        "multi_match": {
            "query": "odborny socialni poradenstvi",
            "fields": STEM,
            "type": "phrase",
            "boost": components.SYNONYM_BOOST,
        }
    }


def test_slot_without_terms_matches_only_the_exact_form():
    clause = components.slot_clause(Slot("DO", (), (("docasny", "ochrana"),))).to_dict()["bool"]
    assert [list(part["multi_match"].keys()) for part in clause["should"]][0] == [
        "query",
        "fields",
        "type",
        "boost",
    ]
    assert len(clause["should"]) == 2


def test_core_clause_requires_every_slot():
    parsed = parse("kurzy Jihlava")
    assert len(components.core_clause(parsed).to_dict()["bool"]["must"]) == 2


def test_phrase_boost_only_for_several_terms():
    assert components.phrase_boost_clauses(parse("kurzy")) == []
    [phrase] = components.phrase_boost_clauses(parse("domácí násilí"))
    assert phrase.to_dict()["multi_match"] == {
        "query": "domaci nasili",
        "fields": STEM,
        "type": "phrase",
        "boost": components.PHRASE_BOOST,
    }


def test_filters_always_include_the_locale():
    parsed = parse("", locale="uk", filters={"region": ["praha", "liberecky"], "year": ["2024"]})
    assert [clause.to_dict() for clause in components.filter_clauses(parsed)] == [
        {"term": {"locale": "uk"}},
        {"terms": {"region": ["praha", "liberecky"]}},
        {"terms": {"year": ["2024"]}},
    ]


def test_facets_count_every_facet_field():
    aggregations = {name: agg.to_dict() for name, agg in components.facet_aggregations().items()}
    assert set(aggregations) == set(FACET_FIELDS)
    assert aggregations["region"] == {"terms": {"field": "region", "size": components.FACET_SIZE}}


def test_suggestion_asks_for_missing_words_only():
    suggest = components.suggestion_request(parse("prirucka"))
    assert suggest["text"] == "prirucka"
    assert suggest["term"]["suggest_mode"] == "missing" and suggest["term"]["field"] == "body"


def test_search_request_for_a_query():
    body = components.search_request(parse("domácí násilí", page=3), "idx").to_dict()
    assert (body["from"], body["size"]) == (20, 10)
    assert body["query"]["bool"]["filter"] == [{"term": {"locale": "cs"}}]
    assert len(body["query"]["bool"]["should"]) == 1
    assert "spelling" in body["suggest"] and set(body["aggs"]) == set(FACET_FIELDS)
    assert "body" in body["_source"] and body["track_total_hits"] is True


def test_search_request_for_browsing_sorts_newest_first_without_scoring():
    body = components.search_request(parse(""), "idx").to_dict()
    assert body["sort"] == [{"published_at": {"order": "desc"}}, "page_id"]
    assert "must" not in body["query"]["bool"] and "suggest" not in body


def test_user_text_never_reaches_a_query_parser():
    body = json.dumps(components.search_request(parse('title:(x) OR "a* ~2 \\'), "idx").to_dict())
    assert "query_string" not in body and "simple_query_string" not in body


def test_autocomplete_request_folds_and_prefixes_the_last_word():
    body = components.autocomplete_request("Příručka pro soc", "cs", "idx", 5).to_dict()
    assert body["query"]["bool"]["must"] == [
        {"match_bool_prefix": {"title_suggest": {"query": "prirucka pro soc", "operator": "and"}}}
    ]
    assert body["size"] == 5
