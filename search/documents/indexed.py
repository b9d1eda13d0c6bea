"""IndexedPage: one page in one language as every engine receives it, built by pages.py from the models."""

from dataclasses import dataclass, field
from datetime import datetime

from search.documents.passages import Passage
from search.documents.schema import LOCALE_FACET, TYPE_FACET


@dataclass
class IndexedPage:
    """One live page in one language as the index holds it: page text, passages and facet values."""

    page_id: int
    locale: str
    content_type: str  # stable key such as "manual", "good_practice", "organisation"
    title: str
    url: str
    texts: dict[str, str] = field(default_factory=dict)  # page text by role: lead, labels, facts
    passages: list[Passage] = field(default_factory=list)
    facets: dict[str, list[str]] = field(default_factory=dict)  # declared facets (schema.facet_names)
    published_at: datetime | None = None
    translation_key: str = ""
    # What the page's row says about this copy (search/fingerprint.py): check_search_index compares it.
    fingerprint: str = ""
    # One vector per indexed passage (None where not embedded yet), and the model they come from; none
    # at all while semantic search is off (search/vectors.py attaches them).
    vectors: list | None = None
    vector_model: str = ""

    def passage_id(self, position):
        return passage_id(self.page_id, position)

    def indexed_passages(self):
        """The passages as indexed; a page without text still has one (empty) passage to be found by."""
        return self.passages or [Passage(0, "", (), "")]

    def facet_values(self):
        """Values per facet, as both backends index and count them."""
        return {TYPE_FACET: [self.content_type], LOCALE_FACET: [self.locale], **self.facets}


def passage_id(page_id, position):
    return f"{page_id}-{position}"
