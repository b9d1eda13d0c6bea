"""The FTS5 compiler: a QueryPlan (search/matching.py) as SQLite full-text expressions.

Each slot becomes one MATCH expression; the embedded backend (search/backends/embedded.py) runs one per
slot, so it knows which slots each passage matched and can apply a MatchLevel with weights in SQL. Words
reach FTS5 only as quoted phrases built from tokenised words, with quotes doubled: `NEAR(`, `*`, `-` or
`title:` typed by a user are just text.
"""

from search.analysis import tokens
from search.matching import EXACT_FORM_BOOST
from search.schema import PAGE_FIELDS, PASSAGE_FIELDS, TEXT_FIELDS

RAW_COLUMNS = tuple(field.name for field in TEXT_FIELDS)
STEM_COLUMNS = tuple(field.stem for field in TEXT_FIELDS)
FTS_COLUMNS = RAW_COLUMNS + STEM_COLUMNS
PASSAGE_RAW_COLUMNS = tuple(field.name for field in PASSAGE_FIELDS)
PASSAGE_STEM_COLUMNS = tuple(field.stem for field in PASSAGE_FIELDS)
PAGE_RAW_COLUMNS = tuple(field.name for field in PAGE_FIELDS)
PAGE_STEM_COLUMNS = tuple(field.stem for field in PAGE_FIELDS)
# bm25 weight per FTS column, in FTS_COLUMNS order.
COLUMN_WEIGHTS = tuple(field.weight * EXACT_FORM_BOOST for field in TEXT_FIELDS) + tuple(
    field.weight for field in TEXT_FIELDS
)
BM25 = f"bm25(fts, {', '.join(str(weight) for weight in COLUMN_WEIGHTS)})"


def phrase(words):
    """An FTS5 phrase; the words come from WORD_RE, and quotes are doubled anyway so nothing is syntax."""
    return '"' + " ".join(word.replace('"', '""') for word in words) + '"'


def in_columns(columns, expression):
    return "{" + " ".join(columns) + "} : " + expression


def any_of(expressions):
    return "(" + " OR ".join(expressions) + ")"


def all_of(expressions):
    return "(" + " AND ".join(expressions) + ")"


def slot_expression(planned, raw=RAW_COLUMNS, stem=STEM_COLUMNS):
    """A passage matches the slot through the exact form, every lemma, a synonym or a correction."""
    slot = planned.slot
    alternatives = [in_columns(raw, phrase([word.lower() for word in tokens(slot.surface)]))]
    if slot.terms:
        alternatives.append(all_of([in_columns(stem, phrase([term])) for term in slot.terms]))
    alternatives += [in_columns(stem, phrase(synonym)) for synonym in slot.synonyms if synonym]
    for correction in planned.corrections:
        alternatives.append(in_columns(raw, phrase([word.lower() for word in tokens(correction.spelling)])))
        alternatives.append(all_of([in_columns(stem, phrase([term])) for term in correction.terms]))
    if planned.prefix:
        alternatives.append(in_columns(stem, phrase([planned.prefix]) + " *"))
    return any_of(alternatives)


def own_expression(plan):
    """Passages that match some slot in their own heading or text, not only in the page text."""
    return any_of(
        [
            slot_expression(planned, PASSAGE_RAW_COLUMNS, PASSAGE_STEM_COLUMNS)
            for planned in plan.slots
            if planned.matchable
        ]
    )


def page_text_expression(planned):
    """The slot in the page's own text (title, summary, labels, facts), for ranking partial matches."""
    return slot_expression(planned, PAGE_RAW_COLUMNS, PAGE_STEM_COLUMNS)


def phrase_expression(plan):
    """All the query's terms next to each other, in order: a bonus, never a match on its own."""
    terms = plan.parsed.terms
    return in_columns(STEM_COLUMNS, phrase(terms)) if len(terms) >= 2 else None


def title_phrase_expression(plan):
    """The query as typed inside a page's title: a bonus."""
    words = plan.typed_words
    return in_columns(("title",), phrase(words)) if len(words) >= 2 else None


def title_prefix_expression(words):
    """Autocomplete: every word whole but the last, which may be a prefix."""
    return " ".join([phrase([word]) for word in words[:-1]] + [phrase([words[-1]]) + "*"])
