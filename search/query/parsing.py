"""What a user typed, as an engine-neutral ParsedQuery: capped, analysed, fillers dropped, synonyms found.

Every character is text: nothing here or downstream hands user input to a query-string parser, so
`title:(x) OR "` or `*` is just words. The Elasticsearch compiler (search/engines/elasticsearch/query.py) and the FTS5
compiler (search/engines/embedded/fts_query.py) each translate the same ParsedQuery.
"""

from dataclasses import dataclass, field

from django.conf import settings

from search.documents import schema
from search.query.transliteration import place_alternatives
from search.query.types import QueryError
from search.vocabulary.analysis import analysed_tokens, is_filler
from search.vocabulary.glossary import expand_query_terms
from search.vocabulary.synonyms import synonym_set

# Longer queries stop adding precision but keep adding cost; the rest of the words are ignored.
MAX_SLOTS = 12
# Facet values are slugs and page titles (Wagtail caps titles at 255); longer is not a real filter,
# and Elasticsearch refuses terms past 32 kB, so the reader gets a clear 400 before any engine call.
MAX_FILTER_VALUE_LENGTH = 255


@dataclass(frozen=True)
class Slot:
    """One thing the query asks for: a word, or a phrase a synonym rule recognised, with its equivalents."""

    surface: str  # as typed, matched on the raw fields
    terms: tuple[str, ...]  # analysed, matched on the *_stem fields (empty for a stop-word abbreviation)
    synonyms: tuple[tuple[str, ...], ...] = ()  # analysed equivalent phrases, matched on *_stem fields
    source: str = ""  # the words of the query a glossary slot translates (glossary_query)


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
    names = schema.facet_names()
    cleaned = {}
    for name, values in (filters or {}).items():
        if name not in names:
            raise QueryError(f"Unknown filter {name!r}; use one of {', '.join(names)}.")
        values = tuple(dict.fromkeys(str(value).strip() for value in values if str(value).strip()))
        if any(len(value) > MAX_FILTER_VALUE_LENGTH for value in values):
            raise QueryError(f"Filter values are at most {MAX_FILTER_VALUE_LENGTH} characters long.")
        if name == "year" and not all(value.isdigit() for value in values):
            raise QueryError("Filter 'year' takes years such as 2024.")
        if values:
            cleaned[name] = values
    return cleaned


def build_slots(text, locale):
    """Slots of the query: stop words and fillers ("kde", "potřebuji", "how") are dropped, synonym phrases
    become one slot, a town also matches its surroundings' name (search/query/transliteration.py). A query
    of nothing but such words is searched as typed rather than not at all."""
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
        if not word.is_stop and not is_filler(word, locale):
            slots.append(Slot(surface=word.surface, terms=(word.term,), synonyms=place_alternatives(word.surface)))
        position += 1
    if not slots:
        # Only stop words and fillers ("to be or not to be"): search their exact forms.
        slots = [Slot(surface=word.surface, terms=()) for word in words[:MAX_SLOTS]]
    return tuple(dict.fromkeys(slots))


def glossary_query(parsed, language, filters):
    """The glossary concepts `parsed` names, as a query in `language` (each concept one slot, its terms
    in that language the alternatives, never the words typed), for pages written in `language`; None when
    it names none. The typed words keep their own slots in the query itself: a glossary term adds a list
    of its own to the fusion rather than changing how the typed words match."""
    slots = []
    for match in expand_query_terms(parsed.text, parsed.locale):
        phrases = match.phrases(language)
        if phrases and len(slots) < MAX_SLOTS:
            slots.append(
                Slot(
                    surface=" ".join(phrases[0]), terms=phrases[0], synonyms=tuple(phrases[1:]), source=match.surface
                )
            )
    if not slots:
        return None
    return ParsedQuery(
        text=parsed.text, locale=language, slots=tuple(dict.fromkeys(slots)), filters=filters, page=1,
        per_page=parsed.per_page,
    )


def parse_query(query):
    """A SearchQuery (search/engines/base.py) as the pipeline needs it."""
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
