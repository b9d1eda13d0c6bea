"""search/query/matching.py, search/query/ranking.py and the FTS5 compiler: the engine-neutral parts, unit by unit."""

import pytest

from search.engines.embedded import fts_query
from search.query.matching import (
    Correction,
    MatchLevel,
    PlannedSlot,
    QueryPlan,
    Vocabulary,
    corrected_query,
    is_inflection,
    plan_query,
    truncation,
)
from search.query.parsing import Slot, parse_query
from search.query.ranking import MAX_RELATED_PAGES, CandidateList, rank_pages
from search.query.types import Candidate, SearchQuery

pytestmark = pytest.mark.django_db  # parsing reads editor synonym rules


def parse(text):
    return parse_query(SearchQuery(text=text))


def vocabulary(documents, spellings=None, prefixes=None, pages=100):
    return Vocabulary(pages=pages, documents=documents, spellings=spellings or {}, prefixes=prefixes or {})


def test_rare_slots_weigh_more_and_unknown_ones_nothing():
    plan = plan_query(parse("kurzy Humpolec xylofon"), vocabulary({"kurz": 40, "humpolec": 2}))
    assert [slot.weight for slot in plan.slots] == [1, 3, 0]
    assert plan.matchable == [0, 1]
    assert plan.missing({0}) == ("Humpolec", "xylofon")


def test_levels_go_from_every_word_to_most_to_any():
    plan = QueryPlan(parse("a b c"), tuple(PlannedSlot(Slot(w, (w,)), weight) for w, weight in zip("abc", (3, 3, 1), strict=True)))
    assert plan.levels() == [MatchLevel("all", 7), MatchLevel("most", 5), MatchLevel("any", 1)]
    single = QueryPlan(parse("a"), (PlannedSlot(Slot("a", ("a",)), 3),))
    assert single.levels() == [MatchLevel("all", 3)]
    assert QueryPlan(parse("a"), (PlannedSlot(Slot("a", ("a",)), 0),)).levels() == []


@pytest.mark.parametrize(
    ("typed", "spellings", "expected", "is_typo"),
    [
        ("jihlave", [("jihlavě", 3), ("jihlava", 9)], "jihlavě", False),  # diacritics only, first
        ("ubytovny", [("ubytovnách", 4)], "ubytovnách", False),  # another ending
        ("ochrna", [("ochrany", 9), ("ochrana", 3)], "ochrana", True),  # closest before most frequent
        ("poradentsvím", [("poradenství", 50)], "poradenství", True),
        ("kurty", [("kurzy", 50)], None, None),  # a real word is not "corrected"
    ],
)
def test_corrections_of_unknown_words(typed, spellings, expected, is_typo):
    plan = plan_query(parse(typed), vocabulary({}, {typed: spellings}))
    corrections = plan.slots[0].corrections
    assert (corrections[0].spelling if corrections else None) == expected
    if expected:
        assert corrections[0].is_typo is is_typo


def test_only_typos_become_did_you_mean_keeping_capitals_and_other_words():
    plan = plan_query(
        parse("Dočasná OCHRNA v jihlave"),
        vocabulary({"docasny": 5}, {"ochrna": [("ochrana", 3)], "jihlave": [("jihlavě", 3)]}),
    )
    assert plan.suggestion == "Dočasná OCHRANA v jihlave"
    assert corrected_query("nic", {}) is None


def test_inflections_differ_only_in_an_ending_that_starts_with_a_vowel():
    assert is_inflection("ubytovny", "ubytovnach") and is_inflection("dotace", "dotaci")
    assert not is_inflection("metodikka", "metodika")  # a doubled letter is a typo
    assert not is_inflection("ochrna", "ochrana") and not is_inflection("kurty", "kurzy")


def test_an_unknown_word_also_matches_by_its_stem():
    assert truncation("ubytovny") == "ubytovn" and truncation("kurz") == ""
    plan = plan_query(parse("ubytovny"), vocabulary({}, prefixes={"ubytovn": 4}))
    assert plan.slots[0].prefix == "ubytovn" and plan.slots[0].weight > 0


def test_fts_expressions_quote_everything_a_user_types():
    planned = PlannedSlot(
        Slot('NEAR("x', ("near", "x")),
        3,
        (Correction("ochrna", "ochrana", ("ochrana",), is_typo=True, frequency=2),),
        prefix="ubytovn",
    )
    expression = fts_query.slot_expression(planned, fts_query.PASSAGE_TABLE)
    assert '"near x"' in expression and '"ochrana"' in expression and '"ubytovn" *' in expression
    assert "{heading text attachment}" in expression and "NEAR(" not in expression
    assert fts_query.phrase(['say', '"hi"']) == '"say ""hi"""'


def test_fts_bonuses_for_phrases_and_titles():
    plan = QueryPlan(parse("domácí násilí"), tuple(PlannedSlot(slot, 3) for slot in parse("domácí násilí").slots))
    assert fts_query.phrase_expression(plan, fts_query.PAGE_TABLE) == (
        '{title_stem lead_stem labels_stem facts_stem} : "domaci nasili"'
    )
    assert fts_query.title_phrase_expression(plan) == '{title} : "domácí násilí"'


def plan_of(*weights):
    slots = tuple(PlannedSlot(Slot(f"w{n}", (f"w{n}",)), weight) for n, weight in enumerate(weights))
    return QueryPlan(parse("x"), slots)


def test_a_page_ranks_by_its_best_passage_plus_a_small_bonus_for_more():
    plan = plan_of(3)
    candidates = [
        Candidate(1, 0, 10.0, frozenset({0}), own=True),
        Candidate(2, 3, 9.5, frozenset({0}), own=True),
        Candidate(2, 5, 4.0, frozenset({0}), own=True),
        Candidate(2, 7, 3.0, frozenset({0}), own=True),
    ]
    [first, second] = rank_pages(candidates, plan)
    assert (first.page_id, first.best.position, [other.position for other in first.others]) == (2, 3, [5, 7])
    assert second.page_id == 1


def test_an_overdue_page_ranks_a_little_lower_but_never_below_a_page_holding_less_of_the_query():
    plan = plan_of(3, 3)
    candidates = [
        Candidate(1, 0, 10.0, frozenset({0, 1}), own=True),
        Candidate(2, 0, 9.5, frozenset({0, 1}), own=True),
        Candidate(3, 0, 30.0, frozenset({0}), own=True),
    ]
    assert [page.page_id for page in rank_pages(candidates, plan)] == [1, 2, 3]
    assert [page.page_id for page in rank_pages(candidates, plan, overdue={1})] == [2, 1, 3]
    assert [page.page_id for page in rank_pages(candidates, plan, overdue={1, 2})] == [1, 2, 3]


def test_a_page_matched_only_by_its_text_is_shown_from_its_top():
    [page] = rank_pages([Candidate(1, 4, 5.0, frozenset({0}), own=False)], plan_of(3))
    assert page.best.position == 0


def test_pages_covering_more_of_the_query_come_first_then_pages_about_it():
    plan = plan_of(3, 3)
    candidates = [
        Candidate(1, 0, 20.0, frozenset({0}), own=True),  # half the query, in running text
        Candidate(2, 0, 5.0, frozenset({0, 1}), own=True),  # the whole query
        Candidate(3, 0, 8.0, frozenset({1}), own=True, page_slots=frozenset({1})),  # half, in its title
    ]
    assert [page.page_id for page in rank_pages(candidates, plan)] == [2, 3, 1]


def test_pages_found_by_meaning_join_partial_matches_by_fused_rank_never_complete_ones():
    plan = plan_of(3, 3)
    lexical = [
        Candidate(1, 0, 9.0, frozenset({0, 1}), own=True),  # every word
        Candidate(2, 0, 8.0, frozenset({0}), own=True),  # half the query
        Candidate(4, 0, 7.0, frozenset({1}), own=True),  # half, and near in meaning
    ]
    vectors = [
        Candidate(3, 2, 0.9, own=True),
        Candidate(4, 1, 0.88, own=True),
        Candidate(1, 0, 0.8, own=True),
    ]
    ranked = rank_pages(lexical, plan, [CandidateList(vectors, 0.8)])
    # Half the words count half: the page nearest in meaning passes the one holding half of them.
    assert [page.page_id for page in ranked] == [1, 4, 3, 2]
    assert [page.related for page in ranked] == [False, False, True, False]
    # The partial match still says which words it misses.
    assert ranked[1].slots == frozenset({1})


def test_a_result_shows_the_passage_with_the_most_evidence():
    plan = plan_of(3, 3)
    lexical = [
        Candidate(1, 0, 9.0, frozenset({0}), own=True),  # one word, scored highest by the engine
        Candidate(1, 5, 8.0, frozenset({0}), own=True),  # the same word, and nearest in meaning
        Candidate(2, 0, 7.0, frozenset({0, 1}), own=True),
    ]
    vectors = [Candidate(1, 5, 0.9, own=True), Candidate(3, 1, 0.88, own=True)]
    ranked = rank_pages(lexical, plan, [CandidateList(vectors, 0.8)])
    first = next(page for page in ranked if page.page_id == 1)
    assert first.best.position == 5
    assert [other.position for other in first.others] == [0]  # the engine's pick is a further match
    # Found by meaning alone, a page shows its nearest passage.
    assert next(page for page in ranked if page.page_id == 3).best.position == 1


def test_by_meaning_a_long_manual_does_not_pass_the_page_nearest_the_question():
    # e5's cosines are bunched: many passages of one manual lie a few hundredths apart, and counting them
    # as further evidence, as for words, lifted every long manual over the page that answers.
    manual = [Candidate(1, position, 0.85 - position / 1000, own=True) for position in range(6)]
    vectors = sorted([*manual, Candidate(2, 0, 0.87, own=True)], key=lambda candidate: -candidate.score)
    ranked = rank_pages([], plan_of(3), [CandidateList(vectors, 1.0, by_meaning=True)])
    assert [page.page_id for page in ranked] == [2, 1]


def test_a_related_list_adds_at_most_a_few_pages():
    candidates = [Candidate(page_id, 0, 1 - page_id / 100, own=True) for page_id in range(1, 40)]
    ranked = rank_pages([], plan_of(3), [CandidateList(candidates, 1.0)])
    assert [page.page_id for page in ranked] == list(range(1, MAX_RELATED_PAGES + 1))
