"""The FTS5 compiler: a QueryPlan (search/query/matching.py) as SQLite full-text expressions.

Each slot becomes one MATCH expression per table (page text, passage text); the embedded backend
(search/engines/embedded/) runs them one by one, so it knows which slots each passage and each page
matched and applies a MatchLevel with weights in SQL. Words
reach FTS5 only as quoted phrases built from tokenised words, with quotes doubled: `NEAR(`, `*`, `-` or
`title:` typed by a user are just text.
"""

from search.documents.schema import PAGE_FIELDS, PASSAGE_FIELDS
from search.query.matching import EXACT_FORM_BOOST
from search.vocabulary.analysis import tokens


class Table:
    """One FTS5 table of the embedded index: the raw and the analysed column of each of its fields."""

    def __init__(self, name, fields):
        self.name = name
        self.raw = tuple(field.name for field in fields)
        self.stem = tuple(field.stem for field in fields)
        self.columns = self.raw + self.stem
        # bm25 weight per column, in `columns` order: exact forms count a little more than lemmas.
        weights = [field.weight * EXACT_FORM_BOOST for field in fields] + [field.weight for field in fields]
        self.bm25 = f"bm25({name}, {', '.join(str(weight) for weight in weights)})"


# Page text is stored once per page, each passage's own text once per passage: a word in a title is one
# row to score, not one per passage of the page (what makes the embedded backend fast on long manuals).
PAGE_TABLE = Table("page_fts", PAGE_FIELDS)
PASSAGE_TABLE = Table("fts", PASSAGE_FIELDS)
# The passage columns that say what a passage is about: its heading path.
HEADING_COLUMNS = Table("fts", [field for field in PASSAGE_FIELDS if field.name == "heading"])


def phrase(words):
    """An FTS5 phrase; the words come from WORD_RE, and quotes are doubled anyway so nothing is syntax."""
    return '"' + " ".join(word.replace('"', '""') for word in words) + '"'


def in_columns(columns, expression):
    return "{" + " ".join(columns) + "} : " + expression


def any_of(expressions):
    return "(" + " OR ".join(expressions) + ")"


def all_of(expressions):
    return "(" + " AND ".join(expressions) + ")"


def slot_expression(planned, table):
    """A row matches the slot, in the columns of `table`, through the exact form, every lemma, a synonym
    or a correction."""
    raw, stem = table.raw, table.stem
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


def phrase_expression(plan, table):
    """All the query's terms next to each other, in order: a bonus, never a match on its own."""
    terms = plan.parsed.terms
    return in_columns(table.stem, phrase(terms)) if len(terms) >= 2 else None


def title_phrase_expression(plan):
    """The query as typed inside a page's title (a PAGE_TABLE expression): a bonus."""
    words = plan.typed_words
    return in_columns(("title",), phrase(words)) if len(words) >= 2 else None


def title_prefix_expression(words):
    """Autocomplete: every word whole but the last, which may be a prefix."""
    return " ".join([phrase([word]) for word in words[:-1]] + [phrase([words[-1]]) + "*"])
