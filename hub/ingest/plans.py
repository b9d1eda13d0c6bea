"""What an import will do, decided before anything is saved: one PagePlan per page a file becomes."""

from collections.abc import Callable
from dataclasses import dataclass

from wagtail.models import Page

from hub.ingest.models import PageKind
from hub.ingest.streamfield import body_blocks, summary_and_rest
from hub.manuals.models import ManualSourceDocument


@dataclass
class PagePlan:
    """One page a file becomes: its key among the file's pages, its title, how to fill it, and a page
    that already exists for it (updated instead of creating a new one)."""

    key: str
    title: str
    fill: Callable
    existing: Page | None = None


def plan_document_page(document, kind, original, previous_original):
    """The one page a manual or good practice file becomes, with its original file attached: a
    manual's source document (replacing the earlier version's link), a document block in a practice."""
    summary, body_document = summary_and_rest(document)
    attachments = [original.pk] if original and kind == PageKind.GOOD_PRACTICE else []
    body = body_blocks(body_document, attachments=attachments)

    def fill(page):
        page.summary = summary
        page.body = body
        if kind == PageKind.MANUAL and original is not None:
            link_source_document(page, original, previous_original)

    return PagePlan("", document.title, fill)


def link_source_document(page, original, previous_original):
    replaced = {original.pk} | ({previous_original.pk} if previous_original else set())
    kept = [link for link in page.source_documents.all() if link.document_id not in replaced]
    page.source_documents = [*kept, ManualSourceDocument(document=original)]
