"""What readers can find on a page, declared on the page model: the one place search/ learns it from.

The vocabulary extends Wagtail's own index classes (`wagtail.search.index`, i.e. django-modelsearch), so one
`search_fields` list serves Wagtail's admin search and the public search alike. Hub never imports search/;
search/ reads these declarations generically (search/documents/schema.py), so adding a text field or a facet is one
edit on the model.

A page is found through:
- its **page text** (title, summary, names, facts): the same on every passage of the page, so it is found
  together with words of any section (`PageText`, `RowText`, the labels of `TermFacet`/`PageFacet`);
- its **sections** (`BodySections`, `FieldSection`, `RowSections`, `AttachmentSections`): the parts of the
  rendered page that have an id, which search splits into passages and links to (`page_url#anchor`);
- its **facets** (`TermFacet`, `PageFacet`, `OwnerFacet`, `ValueFacet`): the filters of the search page.

Each text has a Role: where a word stands says how much the page is about it (docs/search-relevance.md).
"""

from dataclasses import dataclass

from wagtail.search import index


@dataclass(frozen=True)
class Role:
    """Where a word stands on a page; `boost` is its weight in ranking."""

    name: str
    boost: float


# The title says what a page is about.
TITLE = Role("title", 10)
# The editor's two-sentence abstract.
LEAD = Role("lead", 5)
# The heading path of a section: a word there names what the section is about.
HEADING = Role("heading", 4)
# Names readers search by: topics and regions (in every language), organisations, towns, places.
LABEL = Role("labels", 3)
# Running text of a section mentions many things in passing.
TEXT = Role("text", 2)
# Contact details and other small facts: addresses, phone numbers, who is responsible.
FACT = Role("facts", 1)
# Text extracted from attached files: long and least focused.
ATTACHMENT = Role("attachment", 1)

PAGE_ROLES = (TITLE, LEAD, LABEL, FACT)  # repeated on every passage of the page
PASSAGE_ROLES = (HEADING, TEXT, ATTACHMENT)  # each passage's own


# --- page text ------------------------------------------------------------------------------------


class PageText(index.SearchField):
    """A field (or method) whose text belongs to the whole page; a LEAD text also opens the page's passages."""

    def __init__(self, field_name, role):
        super().__init__(field_name, boost=role.boost)
        self.role = role


class RowText(index.RelatedFields):
    """Fields of child rows that describe the whole page, e.g. a branch's offices: {field: role}."""

    def __init__(self, relation, roles):
        super().__init__(relation, [index.SearchField(name, boost=role.boost) for name, role in roles.items()])
        self.roles = dict(roles)


class TermLabels(index.SearchField):
    """A translatable term (FK or many-to-many) whose names, in every language, are searchable text."""

    def __init__(self, field_name, role=LABEL):
        super().__init__(field_name, boost=role.boost)
        self.role = role


# --- sections: what a search result links into ---------------------------------------------------


class BodySections(index.SearchField):
    """A StreamField, split into sections at its heading blocks (hub.core.blocks.stream_anchors)."""


class FieldSection(index.SearchField):
    """A text field rendered as its own section with id `anchor` under the heading `heading`."""

    def __init__(self, field_name, anchor, heading):
        super().__init__(field_name)
        self.anchor = anchor
        self.heading = heading  # lazy translatable text, rendered in the page's language


class RowSections(index.RelatedFields):
    """Each child row is a section: `{anchor}-{n}` on the page, headed `heading % {"number": n}`."""

    def __init__(self, relation, fields, anchor, heading):
        super().__init__(relation, [index.SearchField(name) for name in fields])
        self.field_names = tuple(fields)
        self.anchor = anchor
        self.heading = heading


class AttachmentSections(index.BaseField):
    """Files attached to the page (a method returning Wagtail documents), by file and by PDF page.

    Their entries on the page have the id `attachment-<document id>`. Not a SearchField: Wagtail's own
    index would store the list of files as text.
    """

    def __init__(self, field_name="attached_documents"):
        super().__init__(field_name)


# --- facets ---------------------------------------------------------------------------------------


class Facet(index.FilterField):
    """A filter of the search page, `name` in URLs and the API, `title` on the page."""

    def __init__(self, name, field_name, title):
        super().__init__(field_name)
        self.name = name
        self.title = title


class TermFacet(Facet):
    """Taxonomy terms (many-to-many): filtered by slug; their names in every language are searchable."""

    def __init__(self, name, field_name, title, role=LABEL):
        super().__init__(name, field_name, title)
        self.role = role


class PageFacet(Facet):
    """Related pages (FK or many-to-many), e.g. organisations involved: filtered and found by title."""

    def __init__(self, name, field_name, title, role=LABEL):
        super().__init__(name, field_name, title)
        self.role = role


class OwnerFacet(Facet):
    """The titles of the page's ancestors of `model` (and the page itself, when it is one): the
    organisation a page lives under. Filtered and found by title."""

    def __init__(self, name, model, title, role=LABEL):
        super().__init__(name, "path", title)
        self.model = model  # "app_label.ModelName"
        self.role = role


class ValueFacet(Facet):
    """A plain value of a field or method, e.g. the year a reader filters by."""
