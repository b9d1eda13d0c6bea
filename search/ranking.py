"""From candidate passages to ranked pages and SearchHits, the same for every engine and every retriever.

A retriever (the lexical query of a backend today; a vector query can be another) returns a candidate list:
passages with scores, best first, each saying which query slots it matched and whether it matched through
its own heading or text (not only through the page text every passage of the page repeats). Ranking:

1. per list, group passages by page: a page scores as its best passage plus a small bonus for every further
   passage that matches on its own (a page that answers in several places is likelier the right one);
2. fuse the lists' page orders with reciprocal rank fusion (with one list, its order stands);
3. rank by how much of the query a page covers (its passages' slots together); among pages that miss
   words, a page whose title, summary or labels hold the words it has (a page *about* them) comes before
   one that mentions them in passing; then by the fused score.

`build_hits` is the one place a SearchHit is made.
"""

from dataclasses import dataclass, field

from search.backends.base import PassageLink, SearchHit, passage_id
from search.excerpts import make_excerpt

# Each further passage matching on its own adds this share of the best passage's score…
MORE_PASSAGES_BONUS = 0.1
# … for at most this many passages: a long manual mentioning a word everywhere is not more relevant.
MAX_BONUS_PASSAGES = 3
# Reciprocal rank fusion's constant (Cormack et al. 2009): damps the difference between top ranks.
RRF_K = 60
# "N more matches in this document" lists at most this many sections by name…
MAX_MORE_PASSAGES = 3
# … chosen among this many further passages (several passages of one long section share its link).
MORE_PASSAGES_LOOKED_AT = 8


@dataclass(frozen=True)
class Candidate:
    page_id: int
    position: int
    score: float
    slots: frozenset = frozenset()  # indexes of the plan's slots this passage matched
    own: bool = False  # matched through its own heading or text
    # Slots matched in the page's own text (title, summary, labels); asked for only when relaxing.
    page_slots: frozenset = frozenset()

    @property
    def passage_id(self):
        return passage_id(self.page_id, self.position)


@dataclass
class Retrieval:
    """One retriever's answer for one match level."""

    candidates: list[Candidate]  # best first
    total: int  # pages that match (not passages)
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # counts of pages


@dataclass(frozen=True)
class StoredPassage:
    """What a backend stores of a passage, to show it."""

    page_id: int
    position: int
    title: str
    url: str
    content_type: str
    locale: str
    anchor: str
    heading: tuple[str, ...]
    text: str
    translation_key: str = ""


@dataclass
class RankedPage:
    page_id: int
    best: Candidate  # the passage the result shows and links to
    others: list[Candidate]  # further passages that match on their own, best first
    slots: frozenset
    score: float
    coverage: float = 1.0
    about: float = 0.0  # share of the query's weight the page's own text holds (partial matches only)


def group_by_page(candidates):
    """{page id: RankedPage} of one candidate list, scored as best passage plus the bonus."""
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
        page.score = page.best.score * (1 + MORE_PASSAGES_BONUS * min(len(page.others), MAX_BONUS_PASSAGES))
    return pages


def rank_pages(candidate_lists, plan):
    """Pages of all candidate lists, best first."""
    grouped = [group_by_page(candidates) for candidates in candidate_lists]
    if len(grouped) == 1:
        merged = grouped[0]
    else:
        merged = {}
        for pages in grouped:
            ordered = sorted(pages.values(), key=lambda page: -page.score)
            for rank, page in enumerate(ordered, start=1):
                fused = merged.setdefault(page.page_id, RankedPage(page.page_id, page.best, [], frozenset(), 0.0))
                fused.score += 1 / (RRF_K + rank)
                fused.slots |= page.slots
                if page.best.own and not fused.best.own:
                    fused.best = page.best
                fused.others += [other for other in page.others if other.position != fused.best.position]
    ranked = list(merged.values())
    for page in ranked:
        page.coverage = plan.coverage(page.slots)
        if page.coverage < 1:
            page.about = plan.coverage(page.best.page_slots)
    # Python's sort is stable: pages tied on every key keep the engine's order (browse: newest first).
    ranked.sort(key=lambda page: (-round(page.coverage, 6), -round(page.about, 6), -page.score))
    return ranked


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


def build_hits(ranked_pages, stored, plan):
    """SearchHits for ranked pages, from their stored passages; the one place a SearchHit is made."""
    hits = []
    for page in ranked_pages:
        best = stored.get(page.best.passage_id)
        if best is None:  # removed between the two requests: the next search will not find it either
            continue
        more = more_links(page, stored, link(best))
        hits.append(
            SearchHit(
                page_id=page.page_id,
                title=best.title,
                url=best.url,
                excerpt=make_excerpt(plan, best.text),
                content_type=best.content_type,
                locale=best.locale,
                score=round(page.score, 4),
                passage=link(best) if plan.slots else None,
                more_passages=more[:MAX_MORE_PASSAGES],
                more_count=len(more),
                missing=plan.missing(page.slots) if plan.slots else (),
                translation_key=best.translation_key,
            )
        )
    return hits
