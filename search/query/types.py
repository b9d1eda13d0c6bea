"""What a query and its answer are, for every engine: engines build Candidates, Retrievals and
StoredPassages; the pipeline turns them into SearchResults of SearchHits. Engines import these types and
never the pipeline (search/query/pipeline.py), which calls them."""

from dataclasses import dataclass, field

from search.documents.indexed import passage_id


class QueryError(ValueError):
    """A parameter the user can fix (unknown filter, page out of range); the API answers 400."""


@dataclass
class SearchQuery:
    text: str
    locale: str = "cs"
    filters: dict[str, list[str]] = field(default_factory=dict)  # keys from schema.facet_names()
    page: int = 1
    per_page: int = 10


@dataclass(frozen=True)
class PassageLink:
    """Where in a page a result points: the section's heading path and its address on the page."""

    heading: tuple[str, ...]
    anchor: str
    url: str


@dataclass(frozen=True)
class PageLink:
    title: str
    url: str


@dataclass
class SearchHit:
    page_id: int
    title: str
    url: str
    excerpt: str  # HTML-safe: escaped text of the best passage with <mark> around matches
    content_type: str
    locale: str
    score: float
    passage: PassageLink | None = None  # the best passage; None when browsing
    more_passages: list[PassageLink] = field(default_factory=list)  # other matching sections, the first few
    more_count: int = 0  # how many other sections of the page match on their own
    missing: tuple[str, ...] = ()  # query words this page does not contain (a partial match)
    translation_key: str = ""  # shared by a page's translations (Wagtail's translation_key)
    related: bool = False  # found by meaning (vectors) or through another language, not by the words
    cross_lingual: bool = False  # in another language than the query's (a Czech answer to a uk question)
    copies: list[PageLink] = field(default_factory=list)  # the same text published again (query/copies.py)


@dataclass
class AnswerBox:
    """A passage that clearly answers a question, quoted above the results (search/query/answers.py)."""

    quote: str  # HTML-safe: 1–3 sentences of the passage as written, the question's words in <mark>
    page_id: int
    title: str
    link: PassageLink  # the section: heading path and the URL with its anchor
    locale: str
    confidence: float  # how much nearer the question in meaning it is than any other page (e5 cosines)


@dataclass
class SearchResults:
    query: SearchQuery
    total: int
    hits: list[SearchHit]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    suggestion: str | None = None
    # True when no page had all the query's words and pages with some of them are shown instead.
    partial: bool = False
    # Set (to "cs") when nothing matched in query.locale and these are Czech pages instead.
    fallback_locale: str | None = None
    # True when the primary engine could not answer and the backup engine (embedded index) did.
    from_backup: bool = False
    # True when no word of the query matched and no passage is near its meaning, or when most of its
    # words are no word at all: the few hits are only "maybe related", never answers (nonsense, a stray paste).
    weak: bool = False
    # When weak because most of the query's words are on no page: those words, as typed.
    unknown_words: tuple[str, ...] = ()
    # The language the query was written in, when it is not the interface's (a Russian question on the
    # Czech site); its answers come from pages in Czech or in that language.
    query_language: str | None = None
    # The quoted answer to a question, when its best passage clearly answers it (first results page only).
    answer: AnswerBox | None = None


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
