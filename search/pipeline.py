"""Answering a SearchQuery, the same way on every backend: the search never dead-ends.

1. Parse (search/parsing.py): stop words and fillers go, synonyms join their words.
2. Ask the backend's vocabulary which words it knows; plan corrections, slot weights and match levels
   (search/matching.py).
3. Retrieve candidate passages for the strictest level; while fewer than RELAX_BELOW pages match, relax:
   most of the words, then any of them. Pages that miss words are ranked below those that do not, and say
   which words they miss.
4. Rank pages from their passages (search/ranking.py), fetch the shown passages and build the hits.
5. A Ukrainian or English query that finds nothing is answered from the Czech pages, marked as such.
"""

from dataclasses import replace

from search.backends.base import SearchResults
from search.matching import QueryPlan, plan_query
from search.parsing import parse_query
from search.ranking import build_hits, passages_to_show, rank_pages

# Fewer pages than this matching every word: show pages that match most (then any) of them too.
RELAX_BELOW = 5
# Candidate passages fetched per result on the page: enough for a page's best passages and its rivals.
# Measured on Elasticsearch: 200 candidates cost 2–8× the time of 50 (fetching and naming matched
# queries per hit), while the first results page ranks the same.
CANDIDATES_PER_RESULT = 5
MIN_CANDIDATES = 50
# Elasticsearch's default max_result_window; deeper result pages are ranked on this many passages.
MAX_CANDIDATES = 10_000
# Content is written in Czech first; a uk/en query with no match in its language is answered in Czech.
FALLBACK_LOCALE = "cs"


def answer(engine, query):
    results = answer_in_locale(engine, query)
    if results.total or query.locale == FALLBACK_LOCALE or not query.text.strip():
        return results
    czech = answer_in_locale(engine, replace(query, locale=FALLBACK_LOCALE))
    if not czech.total:
        return results
    czech.query = query
    czech.fallback_locale = FALLBACK_LOCALE
    return czech


def answer_in_locale(engine, query):
    parsed = parse_query(query)
    if parsed.is_browse:
        return browse(engine, query, QueryPlan(parsed))
    plan = plan_query(parsed, engine.vocabulary(parsed))
    levels = plan.levels()
    if not levels:
        return SearchResults(query=query, total=0, hits=[], suggestion=plan.suggestion)
    size = max(MIN_CANDIDATES, (parsed.offset + parsed.per_page) * CANDIDATES_PER_RESULT)
    for level in levels:
        retrieval = engine.retrieve(plan, level, min(size, MAX_CANDIDATES))
        if retrieval.total >= RELAX_BELOW:
            break
    ranked = rank_pages([retrieval.candidates], plan)
    # Pages with many matching passages can crowd a candidate list: look deeper for later result pages.
    while len(ranked) < min(parsed.offset + parsed.per_page, retrieval.total) and size < MAX_CANDIDATES:
        size *= 4
        retrieval = engine.retrieve(plan, level, min(size, MAX_CANDIDATES))
        ranked = rank_pages([retrieval.candidates], plan)
    shown = ranked[parsed.offset : parsed.offset + parsed.per_page]
    hits = build_hits(shown, engine.stored_passages(passages_to_show(shown)), plan)
    return SearchResults(
        query=query,
        total=retrieval.total,
        hits=hits,
        facets=retrieval.facets,
        suggestion=plan.suggestion,
        partial=any(plan.missing(page.slots) for page in ranked),
    )


def browse(engine, query, plan):
    """No words: every page of the language and filters, newest first, one results page of them."""
    retrieval = engine.browse(plan)
    ranked = rank_pages([retrieval.candidates], plan)
    hits = build_hits(ranked, engine.stored_passages(passages_to_show(ranked)), plan)
    return SearchResults(query=query, total=retrieval.total, hits=hits, facets=retrieval.facets)
