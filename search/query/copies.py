"""One text, one result: near-identical copies among the results are shown once.

The same manual imported twice, a leaflet published under two organisations, a demo page pasted from a
seed document: each copy would take a place among the first results with the same excerpt. Two results
are copies when the passages they show, in the same language, share most of their word shingles (runs of
SHINGLE_WORDS words, compared by Jaccard similarity), whatever their titles. The first copy stays, and
links to the others as "also published as …".
"""

from search.query.types import PageLink
from search.vocabulary.analysis import fold, tokens

SHINGLE_WORDS = 4
# Jaccard similarity of shingles above which two passages are one text: copies with a changed date, a
# fixed typo or another header line stay above it; two sections on one topic share far fewer runs of four
# words.
NEAR_COPY = 0.8


def shingles(text):
    words = tokens(fold(text or ""))
    if len(words) <= SHINGLE_WORDS:
        return {tuple(words)} if words else set()
    return {tuple(words[index : index + SHINGLE_WORDS]) for index in range(len(words) - SHINGLE_WORDS + 1)}


def similarity(first, second):
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def collapse_copies(hits, texts):
    """`hits` with each near-copy of an earlier hit folded into it (in its `copies`); `texts` holds the
    text of the passage each hit shows, by page id."""
    kept = []
    for hit in hits:
        hit_shingles = shingles(f"{hit.title} {texts.get(hit.page_id, '')}")
        original = next(
            (
                earlier
                for earlier, earlier_shingles in kept
                if earlier.locale == hit.locale and similarity(earlier_shingles, hit_shingles) >= NEAR_COPY
            ),
            None,
        )
        if original is None:
            kept.append((hit, hit_shingles))
        else:
            original.copies.append(PageLink(title=hit.title, url=hit.url))
    return [hit for hit, _ in kept]
