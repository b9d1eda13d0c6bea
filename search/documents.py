"""Turning live pages into SearchDocuments (search/backends/base.py).

`document_for_page(page)` serialises one page (None when it must not be searchable); `iter_documents()`
serialises every indexable page for a rebuild with a fixed number of queries per chunk of pages.
"""

from wagtail import blocks
from wagtail.rich_text import get_text_for_indexing

from hub.ingest.document_text import extracted_pages
from hub.organisations.models import OrganisationPage
from search.backends.base import SearchDocument
from search.fingerprint import page_fingerprint

# Stable keys for content types: used in the index, in ?type= filters and in the JSON API.
CONTENT_TYPES = {
    "manuals.manualpage": "manual",
    "practices.goodpracticepage": "good_practice",
    "organisations.organisationpage": "organisation",
    "goals.operationalgoalspage": "goals",
    "events.eventpage": "event",
    "journeys.journeypage": "journey",
}

# Text fields beyond summary and body that readers search for, on whichever type has them
# (rich text is stripped of markup): where a practice happened and what came of it, what an
# organisation offers and where it is, where an event takes place, how goals are evaluated.
EXTRA_TEXT_FIELDS = (
    "audience",
    "municipality",
    "outcomes",
    "funding_source",
    "services",
    "address",
    "languages_spoken",
    "place",
    "responsible_person",
    "evaluation_method",
    "evaluation",
)
# Inline child objects whose text belongs to the page: each goal with its target, each branch office.
CHILD_TEXT_FIELDS = {
    "goals": ("text", "target", "progress_notes"),
    "places": ("label", "address"),
}
TAXONOMIES = {"regions": "regions", "topics": "topics", "target_groups": "target_groups"}
# A page with many long attachments is still one search result; past this the text adds cost, not recall.
MAX_ATTACHMENT_CHARS = 500_000
ITER_CHUNK = 200


def indexable_models():
    from django.apps import apps

    return [apps.get_model(label) for label in CONTENT_TYPES]


def content_type_key(page):
    return CONTENT_TYPES.get(page._meta.label_lower)


def is_indexable(page):
    """Live, of a hub content type, and not behind a view restriction (on it or an ancestor)."""
    if content_type_key(page) is None or not page.live:
        return False
    return type(page).objects.filter(pk=page.pk).public().exists()


def document_for_page(page, organisation_names=None):
    """The SearchDocument for a page, or None for drafts, private pages and non-content pages."""
    page = page.specific
    if not is_indexable(page):
        return None
    return serialise(page, organisation_names or OrganisationNames())


def iter_documents():
    """SearchDocuments of every indexable page, type by type, in tree order."""
    organisation_names = OrganisationNames.preloaded()
    for model in indexable_models():
        for page in indexable_pages(model).iterator(chunk_size=ITER_CHUNK):
            document = serialise(page, organisation_names)
            if document is not None:
                yield document


def count_indexable_pages():
    return sum(indexable_pages(model).count() for model in indexable_models())


def indexable_pages(model):
    """Live public pages of one content model with everything serialise() reads prefetched."""
    relations = {field.name for field in model._meta.get_fields()}
    prefetches = [*TAXONOMIES]
    prefetches += [name for name in ("organisations", *CHILD_TEXT_FIELDS) if name in relations]
    if "source_documents" in relations:
        prefetches.append("source_documents__document")
    related = [name for name in ("organisation", "operator") if name in relations]
    return (
        model.objects.live()
        .public()
        .select_related("locale", *related)
        .prefetch_related(*prefetches)
        .order_by("path")
    )


def serialise(page, organisation_names):
    url_parts = page.get_url_parts()
    if url_parts is None:  # not under any site root: it has no public address
        return None
    return SearchDocument(
        page_id=page.pk,
        locale=page.locale.language_code,
        content_type=content_type_key(page),
        title=page.title,
        url=url_parts[2],
        summary=page.summary,
        body=body_text(page),
        attachments=attachments_text(page),
        regions=[term.slug for term in page.regions.all()],
        topics=[term.slug for term in page.topics.all()],
        target_groups=[term.slug for term in page.target_groups.all()],
        organisations=organisation_names.for_page(page),
        year=page_year(page),
        published_at=page.first_published_at or page.last_published_at,
        translation_key=str(page.translation_key),
        fingerprint=page_fingerprint(page),
    )


def body_text(page):
    parts = []
    # Long-form pages have a body; an "I am …" journey has its steps.
    body = getattr(page, "body", None) or getattr(page, "steps", None)
    if body:
        parts += block_texts(body.stream_block, body)
    for name in EXTRA_TEXT_FIELDS:
        value = getattr(page, name, "")
        if value:
            parts.append(get_text_for_indexing(str(value)))
    for relation, fields in CHILD_TEXT_FIELDS.items():
        if hasattr(page, relation):
            for child in getattr(page, relation).all():
                parts += [getattr(child, name) for name in fields if getattr(child, name)]
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def block_texts(block, value):
    """Readable text of a StreamField value; choice labels ("Heading 2", "Tip") are not content."""
    if value is None or isinstance(block, blocks.ChoiceBlock | blocks.MultipleChoiceBlock):
        return []
    if isinstance(block, blocks.StreamBlock):
        return [text for child in value for text in block_texts(child.block, child.value)]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in block_texts(block.child_block, item)]
    if isinstance(block, blocks.StructBlock):
        return [
            text
            for name, child in block.child_blocks.items()
            for text in block_texts(child, value.get(name))
        ]
    return [get_text_for_indexing(text) for text in block.get_searchable_content(value)]


def page_year(page):
    """The year a page is about, for the "Rok" facet: the goals' year, the event's date, the year a good
    practice began; an organisation has none (a directory entry is about no year); other pages fall
    back to the year of publication."""
    if isinstance(page, OrganisationPage):
        return None
    if getattr(page, "year", None):
        return page.year
    for date_field in ("start", "start_date"):
        date = getattr(page, date_field, None)
        if date:
            return date.year
    published = page.first_published_at or page.last_published_at
    return published.year if published else None


class OrganisationNames:
    """Names of the organisations a page belongs to: itself (an organisation), the organisation it lives
    under, the one it names (goals) and those involved (good practice), plus an organisation's operator.
    """

    def __init__(self, titles_by_path=None):
        self.titles_by_path = titles_by_path  # None: looked up per page

    @classmethod
    def preloaded(cls):
        return cls(dict(OrganisationPage.objects.live().values_list("path", "title")))

    def ancestor_titles(self, page):
        steps = page.steplen
        paths = [page.path[:length] for length in range(steps, len(page.path), steps)]
        if self.titles_by_path is None:
            found = dict(
                OrganisationPage.objects.live().filter(path__in=paths).values_list("path", "title")
            )
        else:
            found = self.titles_by_path
        return [found[path] for path in paths if path in found]

    def for_page(self, page):
        names = self.ancestor_titles(page)
        if isinstance(page, OrganisationPage):
            names.append(page.title)
        for name in ("organisation", "operator"):
            related = getattr(page, name, None)
            if isinstance(related, OrganisationPage):
                names.append(related.title)
        if hasattr(page, "organisations"):
            names += [organisation.title for organisation in page.organisations.all()]
        return list(dict.fromkeys(names))


def attachments_text(page):
    texts = [attachment_text(document) for document in page.attached_documents()]
    return "\n\n".join(text for text in texts if text)[:MAX_ATTACHMENT_CHARS]


def attachment_text(document):
    """Text of one Wagtail document as hub.ingest extracted it at upload ("" until it has).

    When the text arrives after the page was indexed, hub.ingest's `document_text_extracted` signal
    reindexes the page (search/signals.py).
    """
    pages = extracted_pages(document)
    return "\n\n".join(text for _number, text in pages or [])
