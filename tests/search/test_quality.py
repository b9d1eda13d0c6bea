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
