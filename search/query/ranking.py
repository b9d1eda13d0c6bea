"""From candidate passages to ranked pages and SearchHits, the same for every engine and every retriever.

A retriever (the lexical query of a backend today; a vector query can be another) returns a candidate list:
passages with scores, best first, each saying which query slots it matched and whether it matched through
its own heading or text (not only through the page text every passage of the page repeats). Ranking:

1. per list, group passages by page: a page scores as its best passage plus a small bonus for every further
   passage that matches on its own (a page that answers in several places is likelier the right one); in a
   list by meaning, as its best passage alone (e5's cosines are bunched, so a long manual has many
   passages near anything);
2. fuse the lists' page orders with reciprocal rank fusion (with one list, its order stands);
3. rank by how much of the query a page covers (its passages' slots together); among pages that miss
   words, a page whose title, summary or labels hold the words it has (a page *about* them) comes before
   one that mentions them in passing; then by the fused score.

`build_hits` is the one place a SearchHit is made.
"""

from dataclasses import dataclass

from search.query.excerpts import excerpt_with_slots, plans_in
from search.query.fusion import reciprocal_rank_fusion
from search.query.types import Candidate, PassageLink, SearchHit
from search.vocabulary.analysis import analyse, fold

# Each further passage matching on its own adds this share of the best passage's score…
MORE_PASSAGES_BONUS = 0.1
# … for at most this many passages: a long manual mentioning a word everywhere is not more relevant.
MAX_BONUS_PASSAGES = 3
# A page past its check-by date (hub/core/freshness.py) scores this share of what it would: below an
# equally good page that is current, never hidden, and never below a page holding more of the query.
OVERDUE_FACTOR = 0.9
# Fusion weights of the candidate lists' ranks: the query's own words count most; a page found only by
# meaning or through another language needs to rank high in its list to pass a weak lexical match.
LEXICAL_WEIGHT = 1.0
# Pages of one related list that take part in the fusion: deeper vector neighbours are rarely answers, and
# every page taken is a result the reader may page through.
MAX_RELATED_PAGES = 10
# Choosing the passage a page shows by meaning, holding every word of the query is worth this much e5
# cosine (passages of one page lie within a few hundredths of each other). Measured on the judged
# questions: 0 (meaning alone) lost 0.08 of Czech question success@5, 0.02–0.05 kept it and gained the
# paraphrases 0.04, 0.1 lost paraphrases at 1.
WORDS_WORTH = 0.02
# "N more matches in this document" lists at most this many sections by name…
MAX_MORE_PASSAGES = 3
# … chosen among this many further passages (several passages of one long section share its link).
MORE_PASSAGES_LOOKED_AT = 8


@dataclass
class RankedPage:
    page_id: int
    best: Candidate  # the passage the result shows and links to
    others: list[Candidate]  # further passages that match on their own, best first
    slots: frozenset
    score: float
    coverage: float = 1.0
    about: float = 0.0  # share of the query's weight the page's own text holds (partial matches only)
    related: bool = False  # found only by another list (by meaning, or through another language)
    complete: bool = False  # holds every word of the query (or of its full translation), set when fusing


def group_by_page(candidates, bonus=MORE_PASSAGES_BONUS):
    """{page id: RankedPage} of one candidate list, scored as best passage plus `bonus` per further one."""
    pages = {}
    for candidate in candidates:
        page = pages.get(candidate.page_id)
        if page is None:
            pages[candidate.page_id] = RankedPage(
                candidate.page_id, candidate, [], candidate.slots, candidate.score
            )
            continue
        page.slots |= candidate.slots
        if candidate.own and candidate.position != page.best.position:
            page.others.append(candidate)
    for page in pages.values():
        if not page.best.own:
            # Matched only through the page text: show the page from its top, not a random section.
            own = [other for other in page.others if other.own]
            top = Candidate(page.page_id, 0, page.best.score, page.slots, page_slots=page.best.page_slots)
            page.best = own.pop(0) if own else top
            page.others = own
        page.score = page.best.score * (1 + bonus * min(len(page.others), MAX_BONUS_PASSAGES))
    return pages


@dataclass
class CandidateList:
    """Candidates of another retriever than the query's own lexical one (vector neighbours, the glossary's
    Czech terms), with the weight its ranks carry in the fusion. Its pages cover none of the query's words
    by their slots: they are found by meaning or through another language.

    A list of words in another language (the glossary's) has its own `plan`; when its terms `translate`
    every word of the query, a page holding all of them answers as fully as an exact match does.
    """

    candidates: list[Candidate]
    weight: float
    plan: object = None  # search.query.matching.QueryPlan of the list's own words, if it has words
    translates: bool = False
    # Vector neighbours: their scores are cosines, which tell how near in meaning the best passage is.
    by_meaning: bool = False


def lexical_order(page):
    return (-round(page.coverage, 6), -round(page.about, 6), -page.score)


def rank_pages(lexical, plan, others=(), overdue=frozenset()):
    """Pages of the lexical candidates and of the other CandidateLists, best first.

    Alone, the lexical list is ordered by coverage, then by how much the page is about the words, then by
    score. With other lists, ranks are fused (search/query/fusion.py, weighted): pages that hold every word of
    the query stay first, so a match by meaning alone never outranks an exact match, and below them
    partial matches and pages found by meaning meet on their fused score. Pages in `overdue` (ids) score
    OVERDUE_FACTOR of their lexical score.
    """
    pages = group_by_page(lexical)
    for page in pages.values():
        if page.page_id in overdue:
            page.score *= OVERDUE_FACTOR
        page.coverage = plan.coverage(page.slots)
        if page.coverage < 1:
            page.about = plan.coverage(page.best.page_slots)
    # Python's sort is stable: pages tied on every key keep the engine's order (browse: newest first).
    ranked = sorted(pages.values(), key=lexical_order)
    if not others:
        return show_best_passages(ranked, lexical, plan, others)
    # Complete: every word found, including words no page in the query's language holds (which weigh
    # nothing in coverage, but a page in another language may answer them).
    for page in ranked:
        page.complete = not plan.missing(page.slots)
    lists, weights, found = [[page.page_id for page in ranked]], [LEXICAL_WEIGHT], dict(pages)
    for other in others:
        bonus = 0.0 if other.by_meaning else MORE_PASSAGES_BONUS
        nearest = sorted(group_by_page(other.candidates, bonus).values(), key=lambda page: -page.score)
        nearest = nearest[:MAX_RELATED_PAGES]
        lists.append([page.page_id for page in nearest])
        weights.append(other.weight)
        for page in nearest:
            if page.page_id not in found:
                page.complete = other.translates and not other.plan.missing(page.slots)
                page.coverage, page.related = 0.0, True
                found[page.page_id] = page
    # A page holding one word of five is weak evidence, however high the engine ranks it: its lexical rank
    # counts by the share of the query it holds, so a passage near in meaning can pass it.
    shares = [{page.page_id: page.coverage for page in ranked if not page.complete}] + [{}] * len(others)
    fused = reciprocal_rank_fusion(lists, weights=weights, shares=shares)
    lexical_rank = {page.page_id: rank for rank, page in enumerate(ranked)}
    result = []
    for item in fused:
        page = found[item.key]
        page.score = item.score
        result.append(page)
    # Complete pages keep the lexical order among themselves: meaning never reorders exact matches.
    result.sort(
        key=lambda page: (0, lexical_rank.get(page.page_id, 0), 0) if page.complete else (1, 0, -page.score)
    )
    return show_best_passages(result, lexical, plan, others)


def title_match(plan, title, locale):
    """How well a page's title names what the query asks for: None when it lacks one of the query's
    words, else (0 when it starts with the query's first word, else 1; words of the title the query does
    not ask for), lower is better. "SIMI" → "Sdružení … (SIMI)"; "Integrační centrum Praha" →
    "Integrační centrum Praha, o. p. s." before "Poslání Integračního centra Praha"."""
    slots = [planned for planned in plan.slots if planned.matchable]
    if not slots:
        return None
    terms = analyse(title, locale) + fold(title).split()
    held = [next((i for i, term in enumerate(terms) if term in planned.all_terms()), None) for planned in slots]
    if None in held:
        return None
    title_words = len(analyse(title, locale))
    return (0 if held[0] == 0 else 1, max(title_words - len(slots), 0))


def names_first(pages, titles, plan):
    """`pages` with the pages holding every word of the query whose titles name it (`title_match`) moved
    to the front, best named first. The rule reads only titles, never engine scores, so both engines
    agree on which page a name or an exact title query leads to. `titles`: {page id: (title, locale)}."""
    named = []
    for index, page in enumerate(pages):
        if page.related or page.coverage < 1 or page.page_id not in titles:
            continue
        match = title_match(plan, *titles[page.page_id])
        if match is not None:
            named.append((match, index))
    if not named:
        return pages
    first = [pages[index] for _, index in sorted(named)]
    moved = {index for _, index in named}
    return first + [page for index, page in enumerate(pages) if index not in moved]


def passage_evidence(lexical, plan, others):
    """{passage id: Candidate} and {passage id: fused score} of every passage any list found on its own.

    The passage a result shows is chosen on the same evidence as the page: its rank in the query's own
    words (by the share of the query it holds), in meaning, in the glossary's terms. A passage found by
    several lists is likelier the one that answers than the one the engine scored highest on words alone.
    """
    lists = [[candidate for candidate in lexical if candidate.own]]
    lists += [other.candidates for other in others]
    plans = [plan] + [other.plan for other in others]
    shares = [
        {candidate.passage_id: list_plan.coverage(candidate.slots) for candidate in found} if list_plan else {}
        for found, list_plan in zip(lists, plans, strict=True)
    ]
    found = {}
    for candidates in lists:
        for candidate in candidates:
            found.setdefault(candidate.passage_id, candidate)
    fused = reciprocal_rank_fusion(
        [[candidate.passage_id for candidate in candidates] for candidates in lists],
        weights=[LEXICAL_WEIGHT] + [other.weight for other in others],
        shares=shares,
    )
    return found, {item.key: item.score for item in fused}


def show_best_passages(pages, lexical, plan, others):
    """`pages`, each showing and linking to its passage with the most evidence (`passage_evidence`); the
    passage shown before becomes one of its further matches."""
    found, evidence = passage_evidence(lexical, plan, others)
    by_page = {}
    for candidate in found.values():
        by_page.setdefault(candidate.page_id, []).append(candidate)
    for page in pages:
        candidates = by_page.get(page.page_id)
        if not candidates:
            continue  # matched through the page's own text only: shown from its top
        best = max(candidates, key=lambda candidate: evidence[candidate.passage_id])
        if best.passage_id == page.best.passage_id:
            continue
        previous = [page.best] if page.best.own else []
        page.others = previous + [other for other in page.others if other.passage_id != best.passage_id]
        page.best = best
    return pages


def show_nearest_passages(pages, lexical, nearest, plan):
    """`pages`, each showing its passage nearest the question in meaning, a passage that holds all of
    the query's words counting WORDS_WORTH of cosine more (a share of it for some). `nearest`: a
    CandidateList of the pages' passages with their cosines. The passage shown before becomes one of
    the page's further matches."""
    words_found = {candidate.passage_id: candidate for candidate in lexical}
    held = {key: plan.coverage(candidate.slots) for key, candidate in words_found.items() if candidate.own}
    by_page = {}
    for candidate in nearest.candidates:
        by_page.setdefault(candidate.page_id, []).append(candidate)
    for page in pages:
        candidates = by_page.get(page.page_id)
        if not candidates:
            continue
        best = max(candidates, key=lambda candidate: candidate.score + WORDS_WORTH * held.get(candidate.passage_id, 0.0))
        if best.passage_id == page.best.passage_id:
            continue
        previous = [page.best] if page.best.own else []
        page.others = previous + [other for other in page.others if other.passage_id != best.passage_id]
        # The lexical candidate, when there is one, says which of the query's words the passage holds.
        page.best = words_found.get(best.passage_id, best)
    return pages


def more_links(page, stored, best):
    """Links to the other sections that match, one per section, never the best one's own."""
    links = {}
    for other in page.others:
        if other.passage_id in stored:
            found = link(stored[other.passage_id])
            if found.url != best.url:
                links.setdefault(found.url, found)
    return list(links.values())


def link(passage):
    url = f"{passage.url}#{passage.anchor}" if passage.anchor else passage.url
    return PassageLink(heading=passage.heading, anchor=passage.anchor, url=url)


def passages_to_show(ranked_pages):
    """Ids of the passages a results page shows: each page's best and its first further matches."""
    ids = []
    for page in ranked_pages:
        ids.append(page.best.passage_id)
        ids += [other.passage_id for other in page.others[:MORE_PASSAGES_LOOKED_AT]]
    return ids


def build_hits(ranked_pages, stored, plan, other_plans=()):
    """SearchHits for ranked pages, from their stored passages; the one place a SearchHit is made.

    A page in another language than the query's is marked `cross_lingual`; on one results page it gives
    way to its own translation in the query's language when both were found. Its excerpt is cut around
    the words of the plans in its language (`other_plans`: the query's words and glossary terms read in
    Czech), so a Czech passage answering a Ukrainian question shows the sentences that answer it.
    """
    locale = plan.parsed.locale
    translated = {
        passage.translation_key
        for page in ranked_pages
        if (passage := stored.get(page.best.passage_id)) and passage.locale == locale and passage.translation_key
    }
    hits = []
    for page in ranked_pages:
        best = stored.get(page.best.passage_id)
        if best is None:  # removed between the two requests: the next search will not find it either
            continue
        if best.locale != locale and best.translation_key in translated:
            continue
        more = more_links(page, stored, link(best))
        plans = plans_in([plan, *other_plans], best.locale)
        excerpt, marked = excerpt_with_slots(plans, best.text, title=best.title)
        found_slots = page.slots | (marked if plans[0] is plan else frozenset())
        hits.append(
            SearchHit(
                page_id=page.page_id,
                title=best.title,
                url=best.url,
                excerpt=excerpt,
                content_type=best.content_type,
                locale=best.locale,
                score=round(page.score, 4),
                passage=link(best) if plan.slots else None,
                more_passages=more[:MAX_MORE_PASSAGES],
                more_count=len(more),
                missing=plan.missing(found_slots) if plan.slots and not page.related else (),
                translation_key=best.translation_key,
                related=page.related,
                cross_lingual=best.locale != locale,
            )
        )
    return hits
