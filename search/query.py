"""From what a user typed to what an engine runs.

`parse_query` turns a SearchQuery into a ParsedQuery: capped, analysed, synonyms found. Every character is
text: nothing here or downstream hands user input to a query-string parser, so `title:(x) OR "` or `*`
is just words. The small functions below each build one part of the Elasticsearch request and are
unit-tested on the JSON they produce; the embedded backend builds the same parts in FTS5 syntax.
"""

from dataclasses import dataclass, field

from django.conf import settings
from elasticsearch.dsl import A, Q, Search

from search.analysis import analysed_tokens, fold, tokens
from search.backends.base import FACET_FIELDS
from search.synonyms import synonym_set

# Ranking weights (docs/search-relevance.md): where a word occurs says how much the page is about it.
FIELD_WEIGHTS = {"title": 10, "summary": 5, "body": 2, "attachments": 1}
TEXT_FIELDS = tuple(FIELD_WEIGHTS)
# The exact word form as typed, on the raw fields, on top of the lemma match: "příručka" ranks pages
# that write "příručka" above pages that only write "příručky" or "prirucka".
EXACT_FORM_BOOST = 1.5
# All query words next to each other, in order.
PHRASE_BOOST = 3.0
# Typo tolerance may rescue a query but never outranks a page with the words spelled right.
FUZZY_BOOST = 0.2
# A synonym ("OSP" for "odborné sociální poradenství") is nearly as good as the word itself.
SYNONYM_BOOST = 0.8
# Longer queries stop adding precision but keep adding cost; the rest of the words are ignored.
MAX_SLOTS = 12
FACET_SIZE = 50
# Facet values are slugs and page titles (Wagtail caps titles at 255); longer is not a real filter,
# and Elasticsearch refuses terms past 32 kB, so the reader gets a clear 400 before any engine call.
MAX_FILTER_VALUE_LENGTH = 255
SOURCE_FIELDS = ["page_id", "title", "url", "summary", "body", "attachments", "type", "locale"]


class QueryError(ValueError):
    """A parameter the user can fix (unknown filter, page out of range); the API answers 400."""


@dataclass(frozen=True)
class Slot:
    """One thing a page must match: a word, or a phrase a synonym rule recognised, with its equivalents."""

    surface: str  # as typed, matched on the raw fields
    terms: tuple[str, ...]  # analysed, matched on the *_stem fields (empty for a stop-word abbreviation)
    synonyms: tuple[tuple[str, ...], ...] = ()  # analysed equivalent phrases, matched on *_stem fields


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    locale: str
    slots: tuple[Slot, ...]
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    page: int = 1
    per_page: int = 10

    @property
    def is_browse(self):
        """No words to search for: list everything (newest first) and let facets do the work."""
        return not self.slots

    @property
    def terms(self):
        return tuple(term for slot in self.slots for term in slot.terms)

    @property
    def offset(self):
        return (self.page - 1) * self.per_page


def clean_text(text):
    """Cap the length (settings.SEARCH_MAX_QUERY_LENGTH) and collapse whitespace and control characters."""
    text = "".join(char if char.isprintable() else " " for char in (text or ""))
    return " ".join(text[: settings.SEARCH_MAX_QUERY_LENGTH].split())


def clean_filters(filters):
    cleaned = {}
    for name, values in (filters or {}).items():
        if name not in FACET_FIELDS:
            raise QueryError(f"Unknown filter {name!r}; use one of {', '.join(FACET_FIELDS)}.")
        values = tuple(dict.fromkeys(str(value).strip() for value in values if str(value).strip()))
        if any(len(value) > MAX_FILTER_VALUE_LENGTH for value in values):
            raise QueryError(f"Filter values are at most {MAX_FILTER_VALUE_LENGTH} characters long.")
        if name == "year" and not all(value.isdigit() for value in values):
            raise QueryError("Filter 'year' takes years such as 2024.")
        if values:
            cleaned[name] = values
    return cleaned


def build_slots(text, locale):
    words = analysed_tokens(text, locale)
    matches = {match.start: match for match in synonym_set(locale).matches(words)}
    slots = []
    position = 0
    while position < len(words) and len(slots) < MAX_SLOTS:
        match = matches.get(position)
        if match:
            span = words[match.start : match.end]
            slots.append(
                Slot(
                    surface=" ".join(word.surface for word in span),
                    terms=tuple(word.term for word in span if not word.is_stop),
                    synonyms=match.alternatives,
                )
            )
            position = match.end
            continue
        word = words[position]
        if not word.is_stop:
            slots.append(Slot(surface=word.surface, terms=(word.term,)))
        position += 1
    if not slots:
        # Only stop words ("to be or not to be"): search their exact forms rather than list everything.
        slots = [Slot(surface=word.surface, terms=()) for word in words[:MAX_SLOTS]]
    return tuple(slots)


def parse_query(query):
    """A SearchQuery (search/backends/base.py) as the backends need it."""
    if query.page < 1 or query.per_page < 1 or query.per_page > 100:
        raise QueryError("Page must be 1 or more and per_page between 1 and 100.")
    text = clean_text(query.text)
    return ParsedQuery(
        text=text,
        locale=query.locale,
        slots=build_slots(text, query.locale),
        filters=clean_filters(query.filters),
        page=query.page,
        per_page=query.per_page,
    )


# --- Elasticsearch query components --------------------------------------------------------------


def weighted(fields, suffix=""):
    return [f"{name}{suffix}^{FIELD_WEIGHTS[name]}" for name in fields]


STEM_FIELDS = weighted(TEXT_FIELDS, "_stem")
RAW_FIELDS = weighted(TEXT_FIELDS)


def exact_term_clause(term):
    return Q("multi_match", query=term, fields=STEM_FIELDS, type="best_fields", tie_breaker=0.3)


def fuzzy_term_clause(term):
    """Typo tolerance on the analysed fields only: one edit from 3 letters on, two from 6, first letter fixed."""
    return Q(
        "multi_match",
        query=term,
        fields=STEM_FIELDS,
        fuzziness="AUTO",
        prefix_length=1,
        max_expansions=20,
        boost=FUZZY_BOOST,
    )


def stem_phrase_clause(terms, boost=1.0):
    return Q("multi_match", query=" ".join(terms), fields=STEM_FIELDS, type="phrase", boost=boost)


def exact_form_clause(surface):
    return Q("multi_match", query=surface, fields=RAW_FIELDS, type="phrase", boost=EXACT_FORM_BOOST)


def term_clause(term):
    return Q("bool", should=[exact_term_clause(term), fuzzy_term_clause(term)], minimum_should_match=1)


def slot_clause(slot):
    """A page matches the slot through the exact form, its words' lemmas (or near spellings), or a synonym."""
    alternatives = [exact_form_clause(slot.surface)]
    if slot.terms:
        alternatives.append(Q("bool", must=[term_clause(term) for term in slot.terms]))
    alternatives += [stem_phrase_clause(phrase, boost=SYNONYM_BOOST) for phrase in slot.synonyms]
    return Q("bool", should=alternatives, minimum_should_match=1)


def core_clause(parsed):
    """Every slot must match somewhere; "try fewer words" is the empty state's advice."""
    return Q("bool", must=[slot_clause(slot) for slot in parsed.slots])


def phrase_boost_clauses(parsed):
    """Pages with the query words together, in order, rank above pages where they are scattered."""
    if len(parsed.terms) < 2:
        return []
    return [stem_phrase_clause(parsed.terms, boost=PHRASE_BOOST)]


def filter_clauses(parsed):
    clauses = [Q("term", locale=parsed.locale)]
    clauses += [Q("terms", **{name: list(values)}) for name, values in parsed.filters.items()]
    return clauses


def facet_aggregations():
    return {name: A("terms", field=name, size=FACET_SIZE) for name in FACET_FIELDS}


def suggestion_request(parsed):
    """Spelling suggestions for words the raw text of the index does not contain."""
    return {
        "text": parsed.text,
        "term": {"field": "body", "suggest_mode": "missing", "min_word_length": 4, "max_edits": 2},
    }


def known_term_clause(term):
    """Pages holding `term` exactly in any analysed field (to tell typos from words indexed in another form)."""
    return Q("multi_match", query=term, fields=[field.split("^")[0] for field in STEM_FIELDS])


def search_request(parsed, index):
    """The whole Elasticsearch request for one results page."""
    search = Search(index=index).source(SOURCE_FIELDS).extra(track_total_hits=True)
    if parsed.is_browse:
        search = search.query(Q("bool", filter=filter_clauses(parsed))).sort("-published_at", "page_id")
    else:
        search = search.query(
            Q("bool", must=[core_clause(parsed)], should=phrase_boost_clauses(parsed), filter=filter_clauses(parsed))
        )
        search = search.suggest("spelling", **suggestion_request(parsed))
    for name, aggregation in facet_aggregations().items():
        search.aggs.bucket(name, aggregation)
    return search[parsed.offset : parsed.offset + parsed.per_page]


def autocomplete_request(prefix, locale, index, limit):
    """Titles whose words start with what was typed, diacritics optional.

    title_suggest holds the folded title with its word prefixes indexed (search/es_index.py), so the last,
    unfinished word is a cheap prefix lookup and the words before it must match whole.
    """
    typed = fold(" ".join(tokens(prefix)))
    return (
        Search(index=index)
        .source(["title", "url"])
        .query(
            Q(
                "bool",
                must=[Q("match_bool_prefix", title_suggest={"query": typed, "operator": "and"})],
                filter=[Q("term", locale=locale)],
            )
        )[:limit]
    )
