"""Answering a SearchQuery, the same way on every backend: the search never dead-ends.

1. Parse (search/query/parsing.py): stop words and fillers go, synonyms join their words. Towns typed in
   Cyrillic are searched by their Czech names as well (search/query/transliteration.py).
2. Ask the backend's vocabulary which words it knows; plan corrections, slot weights and match levels
   (search/query/matching.py).
3. Retrieve candidate passages for the strictest level; while fewer than RELAX_BELOW pages match, relax:
   most of the words, then any of them. Pages that miss words are ranked below those that do not, and say
   which words they miss.
4. Related lists (`related_lists`): for a Ukrainian or English query, the pages naming its glossary
   concepts by their other terms (search/vocabulary/glossary.py) in its language and in Czech, where most answers
   are written, and the Czech pages holding its words read as Czech; for every query, the passages nearest
   its meaning (vectors, when an embedder is configured) in its language and, for uk/en, in Czech.
   A precise query (one word the index holds, a number) is left to its words.
5. Rank pages from their passages, fusing the lists (search/query/ranking.py): a partial match counts by the
   share of the query it holds. Each result shows the passage with the most evidence in all lists, its
   excerpt cut around the words of every plan in its language; a page in another language is marked.
   On the first pages, the passage shown is the page's nearest to the question in meaning, holding the
   query's words counting as a little nearness (ranking.show_nearest_passages).
   Near-identical copies of one text are shown once, linking to the others (search/query/copies.py).
6. A Ukrainian or English query whose words no page in its language holds is answered from the Czech
   pages as a whole (`fallback_locale`), marked as such. A query written in another language than the
   interface's (search/query/language.py) is answered in that language, or from the Czech pages when the
   hub has none in it (`query_language`).
7. A question whose first result's passage is clearly its answer gets that passage quoted above the list
   (search/query/answers.py).
8. A query nothing answers (no word matched anywhere, no passage near its meaning; or, in plain Latin
   letters, most of its words on no page) says so (`weak`) and shows at most a few pages as "maybe
   related" instead of a full list dressed as answers.
"""

from dataclasses import replace

from django.conf import settings
from wagtail.models import Page

from hub.core.freshness import overdue_pages
from hub.regions.signpost import region_names
from hub.regions.tagging import page_region_codes
from search.documents.schema import LOCALE_FACET
from search.query.answers import answer_box
from search.query.copies import collapse_copies
from search.query.language import written_in
from search.query.matching import QueryPlan, is_incidental_word, plan_query
from search.query.parsing import glossary_query, parse_query
from search.query.ranking import (
    CandidateList,
    build_hits,
    names_first,
    passages_to_show,
    rank_pages,
    show_nearest_passages,
)
from search.query.transliteration import (
    regions_named,
    title_names_town,
    towns_named,
    with_czech_place_names,
)
from search.query.types import Retrieval, SearchQuery, SearchResults
from search.vectors.pages import query_vector

# Fewer pages than this matching every word: show pages that match most (then any) of them too.
RELAX_BELOW = 5
# Candidate passages fetched per result on the page: enough for a page's best passages and its rivals.
# Measured on Elasticsearch: 200 candidates cost 2–8× the time of 50 (fetching and naming matched
# queries per hit), while the first results page ranks the same.
CANDIDATES_PER_RESULT = 5
MIN_CANDIDATES = 50
# Elasticsearch's default max_result_window; deeper result pages are ranked on this many passages.
MAX_CANDIDATES = 10_000
# Content is written in Czech first; a uk/en query is also answered from Czech pages.
SOURCE_LOCALE = "cs"
# Nearest passages asked for per vector list: enough for ranking.MAX_RELATED_PAGES pages when a long
# manual holds several of them.
VECTOR_CANDIDATES = 40
# Fusion weights (the query's own lexical list weighs ranking.LEXICAL_WEIGHT = 1). Measured with
# `manage.py search_quality` on the judged paraphrase, uk and en queries (docs/semantic-search.md): cosine
# similarities of e5 are bunched (0.77–0.89), so a vector rank is weaker evidence than a lexical one.
VECTOR_WEIGHT = 0.8
# The Czech lists answer uk/en queries whose own language has little or nothing; e5 scores passages in
# the query's own language higher, which is why Czech is a list of its own rather than mixed in.
CROSS_LINGUAL_VECTOR_WEIGHT = 1.0
# For uk/en queries the vectors in their own language mostly find translations of the few translated
# pages, whatever the question (measured: all-language vectors 50–69 % success@5, Czech only 81–94 %).
OWN_LANGUAGE_VECTOR_WEIGHT = 0.5
GLOSSARY_WEIGHT = 0.9
# The query's words read as Czech, over Czech pages, for uk/en queries (what answered them before vectors).
CZECH_WORDS_WEIGHT = 0.9
# Cosine between a query and its nearest passage below which nothing is near in meaning. e5 scores are
# bunched, so the floor sits in a narrow gap, measured on the demo content with e5-small: the nearest
# passage of 12 nonsense queries (xqzvw, asdf qwer, an SQL fragment, Cyrillic keyboard mash) scored
# 0.78–0.82, that of the judged questions no word of which matches 0.835 and up.
MEANING_FLOOR = 0.825
# A question in a language the hub does not publish in lies further from every passage: Russian,
# Vietnamese, Polish and Romanian questions about the hub's topics scored 0.798–0.849, keyboard mash with
# those languages' letters 0.794–0.811 (demo + seeds).
FOREIGN_MEANING_FLOOR = 0.815
# Pages among the first this many that may move up when their titles name the query (names_first).
NAMED_LOOKAHEAD = 20
# Pages a query that nothing answers still shows, labelled "maybe related": a way on, not an answer.
MAYBE_RELATED_SHOWN = 3
# The first pages whose own passages are all weighed by meaning to choose the passage each shows (two
# results pages), and the passages read for them however long their manuals are.
FIRST_PAGES_READ = 20
PASSAGES_READ = 200


def answer(engine, query):
    language = written_in(query.text)
    if language is None or language == query.locale:
        return answer_as_asked(engine, query)
    # Asked in another language than the interface's: in one the hub publishes in, answered as if asked
    # there; in any other (Russian, Vietnamese), from the Czech pages, by meaning and by the names and
    # abbreviations it shares with them. The interface stays in the reader's language.
    content_languages = {code for code, _ in settings.LANGUAGES}
    published = language in content_languages
    asked = replace(query, locale=language if published else SOURCE_LOCALE)
    results = answer_as_asked(engine, asked, MEANING_FLOOR if published else FOREIGN_MEANING_FLOOR)
    results.query = query
    results.query_language = language
    for hit in results.hits:
        hit.cross_lingual = hit.locale != query.locale
    return results


def answer_as_asked(engine, query, floor=MEANING_FLOOR):
    """SearchResults for `query` read in its own locale (and, for uk/en, from Czech pages); below `floor`,
    the passages nearest in meaning are only maybe related."""
    # Czech pages name towns in Czech: a town typed in Cyrillic is searched by its Czech name too.
    as_czech = replace(query, locale=SOURCE_LOCALE, text=with_czech_place_names(query.text))
    asked = as_czech if query.locale == SOURCE_LOCALE else query
    results, own_language = answer_in_locale(engine, asked, floor)
    results.query = query
    if own_language or query.locale == SOURCE_LOCALE or not query.text.strip():
        return results
    # Nothing in the reader's language holds the words: the whole answer comes from Czech pages.
    czech, _ = answer_in_locale(engine, as_czech, floor)
    if not czech.total or (czech.weak and results.weak):
        return results
    czech.query = query
    czech.fallback_locale = SOURCE_LOCALE
    for hit in czech.hits:
        hit.cross_lingual = hit.locale != query.locale
    return czech


def answer_in_locale(engine, query, floor=MEANING_FLOOR):
    """(SearchResults, pages in the query's language that hold its words)."""
    parsed = parse_query(query)
    if parsed.is_browse:
        results = browse(engine, query, QueryPlan(parsed))
        return results, results.total
    plan = plan_query(parsed, engine.vocabulary(parsed))
    size = max(MIN_CANDIDATES, (parsed.offset + parsed.per_page) * CANDIDATES_PER_RESULT)
    retrieval, level = retrieve_relaxed(engine, plan, size)
    others = related_lists(engine, plan, retrieval)
    ranked = rank_pages(retrieval.candidates, plan, others, overdue_among(retrieval))
    # Pages with many matching passages can crowd a candidate list: look deeper for later result pages.
    while level and len(ranked) < min(parsed.offset + parsed.per_page, retrieval.total) and size < MAX_CANDIDATES:
        size *= 4
        retrieval = engine.retrieve(plan, level, min(size, MAX_CANDIDATES))
        ranked = rank_pages(retrieval.candidates, plan, others, overdue_among(retrieval))
    within = nearest_within(engine, plan, ranked, retrieval)
    if within is not None:
        # Only the passage each page shows changes: ranking the pages by these cosines too lifted
        # Ukrainian translations of general pages over Czech answers (uk success@5 0.92 → 0.64).
        show_nearest_passages(ranked[:FIRST_PAGES_READ], retrieval.candidates, within, plan)
    # A question in another language (Vietnamese, Russian) knows few words of the index by nature and
    # is answered by meaning; in plain Latin letters, mostly unknown words are noise.
    noise = plan.mostly_unknown and written_in(parsed.text) is None
    weak = noise or answers_nothing(plan, retrieval, others, floor)
    if weak:
        ranked = ranked[:MAYBE_RELATED_SHOWN]
    else:
        ranked = name_pages_first(engine, named_town_first(elsewhere_last(ranked, plan), plan), plan)
    shown = ranked[parsed.offset : parsed.offset + parsed.per_page]
    stored = engine.stored_passages(passages_to_show(shown))
    plans = [plan, *(other.plan for other in others if other.plan)]
    texts = {page.page_id: stored[page.best.passage_id].text for page in shown if page.best.passage_id in stored}
    hits = collapse_copies(build_hits(shown, stored, plan, plans[1:]), texts)
    results = SearchResults(
        query=query,
        # A weak answer is its few maybe related pages, however many pages held its incidental words.
        total=len(ranked) if weak else retrieval.total + sum(1 for page in ranked if page.related),
        hits=hits,
        facets={} if noise else retrieval.facets,  # not counts of pages holding an incidental word
        suggestion=plan.suggestion,
        partial=any(plan.missing(page.slots) for page in ranked if not page.related),
        weak=weak,
        unknown_words=plan.unknown_words if noise else (),
        answer=None if weak else answer_box(shown, hits, stored, plans, others, floor),
    )
    return results, retrieval.total


def nearest_within(engine, plan, ranked, retrieval):
    """A CandidateList of the passages of the first FIRST_PAGES_READ pages, nearest the query in meaning
    first; None for a precise query or without vectors. The vector lists hold the nearest passages of
    the whole index, so a page found by its words rarely has its own passages there, and without this
    its excerpt would quote whichever passage holds most words, not the one that answers."""
    if not ranked or is_precise(plan, retrieval):
        return None
    embedded = query_vector(plan.parsed.text)
    if embedded is None:
        return None
    model_name, vector = embedded
    page_ids = [page.page_id for page in ranked[:FIRST_PAGES_READ]]
    # The pages already passed the query's filters and languages.
    unfiltered = replace(plan.parsed, filters={})
    nearest = engine.nearest(unfiltered, vector, model_name, None, PASSAGES_READ, page_ids=page_ids)
    return CandidateList(nearest, 1.0, by_meaning=True)


def name_pages_first(engine, ranked, plan):
    """The first NAMED_LOOKAHEAD pages that hold every word, those whose titles name the query first
    (ranking.names_first), read from their best passages' stored titles."""
    head = [page for page in ranked[:NAMED_LOOKAHEAD] if page.coverage >= 1 and not page.related]
    if len(head) < 2:
        return ranked
    stored = engine.stored_passages([page.best.passage_id for page in head])
    titles = {
        page.page_id: (passage.title, passage.locale)
        for page in head
        if (passage := stored.get(page.best.passage_id))
    }
    return names_first(ranked[:NAMED_LOOKAHEAD], titles, plan) + ranked[NAMED_LOOKAHEAD:]


def elsewhere_last(ranked, plan):
    """A question naming a town or a region is not answered by a page about another place: among the
    first NAMED_LOOKAHEAD pages, those filed only under other regions move below the rest, in their
    order. Pages of the named region and nationwide pages (no region) keep their places. e5 weighs the
    topic of a question far above the town in it, so without this a Plzeň centre's Czech courses answer
    a question about courses in Ostrava."""
    named = regions_named(plan.parsed.text, region_names())
    if not named:
        return ranked
    head = ranked[:NAMED_LOOKAHEAD]
    filed = page_region_codes({page.page_id for page in head})
    elsewhere = {page.page_id for page in head if filed.get(page.page_id) and not filed[page.page_id] & named}
    if not elsewhere:
        return ranked
    moved = [page for page in head if page.page_id not in elsewhere] + [page for page in head if page.page_id in elsewhere]
    return moved + ranked[NAMED_LOOKAHEAD:]


def named_town_first(ranked, plan):
    """Among the first NAMED_LOOKAHEAD pages, those whose titles name a town the question names come
    first, in their order: asked about courses in Ostrava, CPIC Ostrava before CPIC Opava of the same
    region. Titles are read from the database, so both engines move the same pages."""
    towns = towns_named(plan.parsed.text)
    if not towns:
        return ranked
    head = ranked[:NAMED_LOOKAHEAD]
    titles = dict(Page.objects.filter(pk__in=[page.page_id for page in head]).values_list("pk", "title"))
    local = {page.page_id for page in head if title_names_town(titles.get(page.page_id, ""), towns)}
    if not local:
        return ranked
    moved = [page for page in head if page.page_id in local] + [page for page in head if page.page_id not in local]
    return moved + ranked[NAMED_LOOKAHEAD:]


def overdue_among(retrieval):
    """Pages of the candidates past their check-by date (hub/core/freshness.py): ranked a little lower."""
    return overdue_pages({candidate.page_id for candidate in retrieval.candidates})


def answers_nothing(plan, retrieval, others, floor=MEANING_FLOOR):
    """Whether no word of the query that names a topic matched, in its own list or any other, and no
    passage is near its meaning: what is left are vector neighbours of noise."""
    matched = retrieval.total or any(other.candidates for other in others if not other.by_meaning)
    if matched and plan.names_a_topic:
        return False
    nearest = (candidate.score for other in others if other.by_meaning for candidate in other.candidates)
    return max(nearest, default=0.0) < floor


def retrieve_relaxed(engine, plan, size):
    """(Retrieval, MatchLevel) of the strictest level that finds RELAX_BELOW pages, or the loosest one;
    an empty Retrieval and None when no word of the plan can match anything."""
    retrieval, level = Retrieval(candidates=[], total=0), None
    for level in plan.levels():
        retrieval = engine.retrieve(plan, level, min(size, MAX_CANDIDATES))
        if retrieval.total >= RELAX_BELOW:
            break
    return retrieval, level


def related_lists(engine, plan, retrieval):
    """The CandidateLists beside the query's own lexical one (see the module's docstring)."""
    parsed = plan.parsed
    czech_filters = filters_for(parsed, SOURCE_LOCALE) if parsed.locale != SOURCE_LOCALE else None
    lists = []
    if czech_filters is not None:
        # A Czech query has its synonym rules; a Ukrainian or English one, with few pages in its language,
        # is helped by the glossary's other terms in its language and in Czech, and by its words in Czech.
        lists.append(glossary_list(engine, plan, parsed.locale, parsed.filters))
        lists.append(glossary_list(engine, plan, SOURCE_LOCALE, czech_filters))
        lists.append(czech_words_list(engine, parsed, czech_filters))
    lists = [found for found in lists if found is not None]
    if is_precise(plan, retrieval):
        return lists
    embedded = query_vector(parsed.text)
    if embedded is None:
        return lists
    model_name, vector = embedded
    nearest = engine.nearest(parsed, vector, model_name, [parsed.locale], VECTOR_CANDIDATES)
    own_weight = VECTOR_WEIGHT if czech_filters is None else OWN_LANGUAGE_VECTOR_WEIGHT
    lists.append(CandidateList(nearest, own_weight, by_meaning=True))
    if czech_filters is not None:
        czech = replace(parsed, filters=czech_filters)
        nearest = engine.nearest(czech, vector, model_name, [SOURCE_LOCALE], VECTOR_CANDIDATES)
        lists.append(CandidateList(nearest, CROSS_LINGUAL_VECTOR_WEIGHT, by_meaning=True))
    return lists


def glossary_list(engine, plan, language, filters):
    """Pages in `language` naming the query's glossary concepts by their other terms, or None."""
    glossary = glossary_query(plan.parsed, language, filters)
    if glossary is None:
        return None
    glossary_plan = plan_query(glossary, engine.vocabulary(glossary))
    found, _ = retrieve_relaxed(engine, glossary_plan, MIN_CANDIDATES)
    return CandidateList(found.candidates, GLOSSARY_WEIGHT, glossary_plan, glossary_translates(plan, glossary))


def czech_words_list(engine, parsed, filters):
    """Czech pages holding the query's words read as Czech (names, abbreviations, Czech terms typed into
    a Ukrainian or English search), or None when no word is known there."""
    text = with_czech_place_names(parsed.text)
    czech = parse_query(SearchQuery(text=text, locale=SOURCE_LOCALE, filters=filters, per_page=parsed.per_page))
    czech_plan = plan_query(czech, engine.vocabulary(czech))
    if not czech_plan.levels():
        return None
    found, _ = retrieve_relaxed(engine, czech_plan, MIN_CANDIDATES)
    # A Czech page that holds only a function word of the question (Ukrainian «з» is no Czech stop word,
    # yet a Cyrillic name on the page may stand beside it) is no evidence, and its rank would push
    # pages that answer out of the list.
    topical = {index for index, planned in enumerate(czech_plan.slots) if not is_incidental_word(planned.slot.surface)}
    candidates = [candidate for candidate in found.candidates if (candidate.slots | candidate.page_slots) & topical]
    return CandidateList(candidates, CZECH_WORDS_WEIGHT, czech_plan)


def glossary_translates(plan, glossary):
    """Whether the glossary query names every word the query searches for (no word left untranslated)."""
    named = {word.lower() for slot in glossary.slots for word in slot.source.split()}
    return all(word.lower() in named for planned in plan.slots for word in planned.slot.surface.split())


def is_precise(plan, retrieval):
    """A query its words answer best: a number (a phone, a year, a case number), or one word the index
    holds on few pages (a name, an abbreviation) and some pages match. Neighbours in meaning of a phone
    number or a surname are noise, never answers."""
    slots = [planned for planned in plan.slots if planned.matchable]
    if slots and all(any(char.isdigit() for char in planned.slot.surface) for planned in plan.slots):
        return True
    return len(plan.slots) == 1 and bool(slots) and retrieval.total > 0 and not slots[0].is_common


def filters_for(parsed, language):
    """The query's filters for pages in `language`, or None when a language filter excludes it."""
    chosen = parsed.filters.get(LOCALE_FACET)
    if chosen and language not in chosen:
        return None
    return {name: values for name, values in parsed.filters.items() if name != LOCALE_FACET}


def browse(engine, query, plan):
    """No words: every page of the language and filters, newest first, one results page of them."""
    retrieval = engine.browse(plan)
    ranked = rank_pages(retrieval.candidates, plan, overdue=overdue_among(retrieval))
    hits = build_hits(ranked, engine.stored_passages(passages_to_show(ranked)), plan)
    return SearchResults(query=query, total=retrieval.total, hits=hits, facets=retrieval.facets)
