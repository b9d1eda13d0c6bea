"""The relevance harness: its judging, and a loose floor for both backends on the demo and seed content.

`manage.py search_quality` prints the full table; this only guards against a change that makes search
clearly worse. The corpus is loaded once for the module, inside a transaction rolled back at the end.
"""


import pytest
from django.db import transaction

from search import quality
from search.documents.pages import iter_indexed_pages
from search.management.commands.search_quality import SEEDS_DIR, load_corpus
from search.query.pipeline import answer
from search.query.types import SearchQuery
from search.vocabulary.analysis import AnalysisDataError
from tests.utils import require_service

pytestmark = pytest.mark.django_db

# Loose on purpose: the command's table is where relevance is tuned; this catches a collapse.
# First place 0.5: since the regions and reader content (journeys, richer organisation profiles) joined
# the demo, those pages compete for it on broad queries; s@1 fell from ~0.7 to ~0.6 (follow-up).
FLOOR = {("page", 5): 0.85, ("list", 5): 0.75, ("list", 1): 0.5}
# Both engines rank by the same rules (search/query/ranking.py) on their own bm25 scores. Measured on the
# judged queries of queries.yml (lexical, demo + seeds): the same first result for 84 % of them, the
# same first five in the same order for 52 %, and 0.92 of the first five shared on average.
SAME_FIRST, SHARED_TOP_FIVE = 0.8, 0.85


def test_every_query_file_is_valid_and_covers_the_categories():
    queries = quality.load_queries()
    assert len(queries) >= 80
    categories = {query.category for query in queries}
    assert {"exact", "no_diacritics", "inflection", "abbreviation", "question", "typo", "name_phone"} <= categories


def test_a_malformed_entry_names_the_file_and_the_query():
    with pytest.raises(AnalysisDataError, match="extra.yml, query 2"):
        quality.parse_queries(
            [{"q": "a", "lang": "cs", "category": "x", "answer": {"page": "P"}}, {"q": "b", "lang": "de"}],
            "extra.yml",
        )


def test_judging_on_the_list_needs_the_answer_words_in_title_or_excerpt():
    [query] = quality.parse_queries(
        [{"q": "x", "lang": "cs", "category": "c", "answer": {"page": "Manuál", "text": "dočasná ochrana"}}], "t"
    )
    shown = [quality.Shown("Jiná stránka", "dočasná ochrana"), quality.Shown("Manuál", "držitelé dočasné ochrany")]
    assert quality.first_hit(query, shown, on_list=True) == 2
    assert quality.first_hit(query, [quality.Shown("Manuál", "nic")], on_list=True) is None
    assert quality.first_hit(query, [quality.Shown("manual", "nic")], on_list=False) == 1


def test_a_nonsense_query_is_answered_by_saying_nothing_matched():
    [query] = quality.parse_queries([{"q": "xqzvw", "lang": "cs", "category": "nonsense", "answer": "none"}], "t")
    honest = quality.ResultList([quality.Shown("Manuál", "")], confident=False)
    dressed_up = quality.ResultList([quality.Shown("Manuál", "")], confident=True)
    assert quality.first_hit(query, honest, on_list=True) == 1
    assert quality.first_hit(query, dressed_up, on_list=True) is None


def test_held_out_queries_are_scored_apart():
    entry = {"q": "kurzy", "lang": "cs", "category": "exact", "answer": {"page": "Kurzy"}}
    queries = quality.parse_queries([entry], quality.HELD_OUT_SOURCE) + quality.parse_queries([entry], "other.yml")
    scores = quality.score(queries, lambda query: [quality.Shown("Kurzy")] if query.held_out else [])
    assert scores[("held-out", "page")].success(1) == 1.0
    assert scores[("tuned", "page")].success(1) == 0.0
    assert scores[("all", "page")].success(1) == 0.5


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    require_service(SEEDS_DIR.is_dir(), f"The seed documents ({SEEDS_DIR})")
    with django_db_blocker.unblock(), transaction.atomic():
        load_corpus()
        yield list(iter_indexed_pages())
        transaction.set_rollback(True)


@pytest.fixture(params=["embedded", "elasticsearch"])
def scored(request, corpus):
    backend = request.getfixturevalue(f"{request.param}_backend")
    backend.rebuild(corpus)

    def shown(query):
        results = answer(backend, SearchQuery(text=query.text, locale=query.lang))
        return [quality.Shown(hit.title, quality.plain(hit.excerpt)) for hit in results.hits]

    # The floor guards word matching; queries_semantic.yml waits for vectors (issue 10), so the
    # command reports it beside the others but it is not held to this floor yet.
    lexical = [query for query in quality.load_queries() if query.source == "queries.yml"]
    return quality.score(lexical, shown)


def test_both_backends_answer_most_judged_queries(scored):
    for (judged_on, cutoff), floor in FLOOR.items():
        assert scored[("all", judged_on)].success(cutoff) >= floor, (judged_on, cutoff)
    assert scored[("all", "list")].zero_results <= 3


def test_both_engines_put_the_same_pages_first(corpus, embedded_backend, elasticsearch_backend):
    embedded_backend.rebuild(corpus)
    elasticsearch_backend.rebuild(corpus)
    queries = [query for query in quality.load_queries() if query.source == "queries.yml"]
    same_first, shared = 0, 0.0
    for query in queries:
        asked = SearchQuery(text=query.text, locale=query.lang)
        first = [hit.page_id for hit in answer(embedded_backend, asked).hits[:5]]
        second = [hit.page_id for hit in answer(elasticsearch_backend, asked).hits[:5]]
        same_first += first[:1] == second[:1]
        shared += len(set(first) & set(second)) / max(len(first), len(second), 1)
    assert same_first / len(queries) >= SAME_FIRST
    assert shared / len(queries) >= SHARED_TOP_FIVE
