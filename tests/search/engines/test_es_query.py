"""search/engines/elasticsearch/query.py: each component of the Elasticsearch request, on the JSON it produces."""

import json

import pytest

from search.documents.schema import facet_names
from search.engines.elasticsearch import query as components
from search.query.matching import Correction, MatchLevel, PlannedSlot, QueryPlan
from search.query.parsing import Slot, parse_query
from search.query.types import SearchQuery

pytestmark = pytest.mark.django_db  # parsing reads editor synonym rules

STEM = [
    "title_stem^10", "lead_stem^5", "labels_stem^3", "facts_stem^1",
    "heading_stem^4", "text_stem^2", "attachment_stem^1",
]
RAW = ["title^15", "lead^7.5", "labels^4.5", "facts^1.5", "heading^6", "text^3", "attachment^1.5"]


def plan(text, weights=None, **options):
    parsed = parse_query(SearchQuery(text=text, **options))
    weights = weights or [3] * len(parsed.slots)
    return QueryPlan(parsed, tuple(PlannedSlot(slot, weight) for slot, weight in zip(parsed.slots, weights, strict=True)))


def test_term_clause_uses_analysed_fields_with_the_schema_weights():
    assert components.term_clause("kurz").to_dict() == {
        "multi_match": {"query": "kurz", "fields": STEM, "type": "best_fields", "tie_breaker": 0.3}
    }


def test_exact_form_clause_matches_raw_fields_as_a_phrase():
    assert components.exact_form_clause("Češtiny pro cizince").to_dict() == {
        "multi_match": {"query": "češtiny pro cizince", "fields": RAW, "type": "phrase", "boost": 1.0}
    }


def test_slot_clause_offers_exact_form_lemmas_synonyms_and_corrections():
    slot = Slot("OSP", ("osp",), (("odborny", "socialni", "poradenstvi"),))
    clause = components.slot_clause(PlannedSlot(slot, 3), _name="slot-0").to_dict()["bool"]
    assert clause["minimum_should_match"] == 1 and clause["_name"] == "slot-0"
    exact_form, lemmas, synonym = clause["should"]
    assert exact_form["multi_match"]["fields"] == RAW
    assert lemmas == {"bool": {"must": [components.term_clause("osp").to_dict()]}}
    assert synonym["multi_match"]["boost"] == components.SYNONYM_BOOST

    typo = Correction("ochrna", "ochrana", ("ochrana",), is_typo=True, frequency=3)
    clause = components.slot_clause(PlannedSlot(Slot("ochrna", ("ochrna",)), 3, (typo,))).to_dict()["bool"]
    spelling, spelling_lemmas = clause["should"][2:]
    assert spelling["multi_match"]["query"] == "ochrana"
    assert spelling["multi_match"]["boost"] == spelling_lemmas["bool"]["boost"] == components.CORRECTION_BOOST


def test_every_word_level_requires_every_matchable_slot():
    query = plan("kurzy Jihlava")
    clause = components.level_clause(query, MatchLevel("all", 6)).to_dict()["bool"]
    assert [part["bool"]["_name"] for part in clause["must"]] == ["slot-0", "slot-1"]


def test_most_words_level_counts_weights_by_repeating_clauses_that_score_nothing():
    query = plan("kurzy češtiny Jihlava", weights=[1, 2, 3])
    clause = components.level_clause(query, MatchLevel("most", 4)).to_dict()["bool"]
    assert clause["minimum_should_match"] == 4
    named = [part for part in clause["should"] if "bool" in part]
    copies = [part for part in clause["should"] if "constant_score" in part]
    assert len(named) == 3 and len(copies) == (1 - 1) + (2 - 1) + (3 - 1)
    assert all(part["constant_score"]["boost"] == 0 for part in copies)


def test_a_slot_nobody_can_match_is_left_out():
    query = plan("kurzy xylofon", weights=[3, 0])
    clause = components.level_clause(query, MatchLevel("all", 3)).to_dict()["bool"]
    assert [part["bool"]["_name"] for part in clause["must"]] == ["slot-0"]


def test_own_clause_looks_only_at_the_passage_fields_and_scores_nothing():
    clause = components.own_clause(plan("kurzy")).to_dict()["bool"]
    assert clause["_name"] == "own" and clause["boost"] == 0
    fields = json.dumps(clause)
    assert "title" not in fields and "heading_stem^4" in fields and "text^3" in fields


def test_phrase_boosts_only_for_several_words():
    assert components.phrase_boost_clauses(plan("kurzy")) == []
    phrase, title = components.phrase_boost_clauses(plan("Domácí násilí"))
    assert phrase.to_dict()["multi_match"] == {
        "query": "domaci nasili",
        "fields": STEM,
        "type": "phrase",
        "boost": components.PHRASE_BOOST,
    }
    # The query as typed inside a title.
    assert title.to_dict()["multi_match"] == {
        "query": "domácí násilí",
        "fields": ["title^15"],
        "type": "phrase",
        "boost": components.TITLE_PHRASE_BOOST,
    }


def test_relaxed_levels_ask_which_slots_the_page_text_holds():
    query = plan("kurzy Jihlava")
    strict = components.retrieval_request(query, MatchLevel("all", 6), 10, "idx").to_dict()
    relaxed = components.retrieval_request(query, MatchLevel("any", 3), 10, "idx").to_dict()
    assert "page-0" not in json.dumps(strict)
    names = [part["bool"].get("_name") for part in relaxed["query"]["bool"]["should"] if "bool" in part]
    assert {"own", "page-0", "page-1"} <= set(names)


def test_filters_always_include_the_locale():
    parsed = plan("", locale="uk", filters={"region": ["praha", "liberecky"], "year": ["2024"]}).parsed
    assert [clause.to_dict() for clause in components.filter_clauses(parsed)] == [
        {"term": {"locale": "uk"}},
        {"terms": {"region": ["praha", "liberecky"]}},
        {"terms": {"year": ["2024"]}},
    ]


def test_totals_and_facets_count_pages():
    aggregations = {name: agg.to_dict() for name, agg in components.page_count_aggregations().items()}
    assert set(aggregations) == {"pages", *facet_names()}
    assert aggregations["pages"]["cardinality"]["field"] == "page_id"
    assert aggregations["region"]["terms"]["order"] == {"pages": "desc"}
    assert aggregations["region"]["aggs"]["pages"]["cardinality"]["field"] == "page_id"


def test_retrieval_request_asks_for_small_candidates():
    body = components.retrieval_request(plan("domácí násilí"), MatchLevel("all", 6), 200, "idx").to_dict()
    assert body["size"] == 200 and body["_source"] is False
    assert body["docvalue_fields"] == ["page_id", "position"] and body["track_total_hits"] is False
    assert body["query"]["bool"]["filter"] == [{"term": {"locale": "cs"}}]
    # The phrase bonus, the title phrase bonus and the own-section marker.
    assert len(body["query"]["bool"]["should"]) == 3


def test_browse_request_lists_first_passages_newest_first():
    body = components.browse_request(plan("", page=3).parsed, "idx").to_dict()
    assert body["sort"] == [{"published_at": {"order": "desc"}}, "page_id"]
    assert {"term": {"position": 0}} in body["query"]["bool"]["filter"]
    assert (body["from"], body["size"]) == (20, 10)


def test_vocabulary_request_counts_pages_per_term_and_prefix():
    body = components.vocabulary_request(["kurz"], ["do"], ["ubytovn"], "idx").to_dict()
    assert body["size"] == 0 and set(body["aggs"]) == {"pages", "t0", "r0", "p0"}
    assert body["aggs"]["t0"]["aggs"]["pages"]["cardinality"]["field"] == "page_id"
    assert body["aggs"]["p0"]["filter"]["multi_match"]["type"] == "phrase_prefix"


def test_spelling_request_asks_the_suggester_on_raw_words():
    body = components.spelling_request(["ochrna"], "idx").to_dict()
    assert body["suggest"]["w0"]["text"] == "ochrna"
    assert body["suggest"]["w0"]["term"]["field"] == "spelling"
    # The suggester never offers the word itself: a filter counts the passages that write it so.
    assert body["aggs"]["s0"] == {"filter": {"term": {"spelling": "ochrna"}}}


def test_user_text_never_reaches_a_query_parser():
    query = plan('title:(x) OR "a* ~2 \\')
    body = json.dumps(components.retrieval_request(query, MatchLevel("all", 9), 10, "idx").to_dict())
    assert "query_string" not in body and "simple_query_string" not in body


def test_autocomplete_request_folds_and_prefixes_the_last_word():
    body = components.autocomplete_request("Příručka pro soc", "cs", "idx", 5).to_dict()
    assert body["query"]["bool"]["must"] == [
        {"match_bool_prefix": {"title_suggest": {"query": "prirucka pro soc", "operator": "and"}}}
    ]
    assert body["size"] == 5
