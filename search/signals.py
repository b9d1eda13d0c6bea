"""Page lifecycle signals → outbox rows (search/indexing.py). Connected in SearchConfig.ready().

Only changes to what readers can see produce rows: publishing (including a translation's first publish),
unpublishing, moving, renaming a slug and deleting. Saving a draft never touches the index.
"""

from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import (
    copy_for_translation_done,
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

from hub.ingest.document_text import document_text_extracted, pages_using
from hub.organisations.models import OrganisationPage
from search import indexing


def on_published(sender, instance, **kwargs):
    if isinstance(instance, OrganisationPage):
        # Pages under an organisation carry its name: a renamed organisation renames their facet.
        indexing.enqueue_subtree(instance)
    else:
        indexing.enqueue_index([instance])


def on_unpublished(sender, instance, **kwargs):
    # "index" rather than "delete": processing finds the page no longer live and deletes it, and a
    # publish in the same transaction (e.g. a revision swap) still ends up indexed.
    indexing.enqueue_index([instance])


def on_subtree_changed(sender, instance, **kwargs):
    """A move or a new slug changes the URL of the page and of every page below it."""
    indexing.enqueue_subtree(instance)


def on_moved(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    if url_path_before != url_path_after:
        indexing.enqueue_subtree(instance)


def on_translation_copied(sender, source_obj, target_obj, **kwargs):
    # Wagtail's alias translations are created live, without a publish signal.
    if isinstance(target_obj, Page) and target_obj.live:
        indexing.enqueue_index([target_obj])


def on_deleted(sender, instance, **kwargs):
    # Deleting a page sends post_delete for its base Page row and its specific row; one is enough.
    if type(instance) is Page and indexing.is_content_page(instance):
        indexing.enqueue_delete([instance.pk])


def on_document_text_extracted(sender, document, **kwargs):
    # A document's text is extracted after upload: pages indexed before it arrived get it now.
    indexing.enqueue_index([page for page in pages_using(document) if page.live])


def connect():
    page_published.connect(on_published, dispatch_uid="search_page_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="search_page_unpublished")
    post_page_move.connect(on_moved, dispatch_uid="search_page_moved")
    page_slug_changed.connect(on_subtree_changed, dispatch_uid="search_page_slug_changed")
    copy_for_translation_done.connect(
        on_translation_copied, dispatch_uid="search_translation_copied"
    )
    post_delete.connect(on_deleted, sender=Page, dispatch_uid="search_page_deleted")
    document_text_extracted.connect(
        on_document_text_extracted, dispatch_uid="search_document_text_extracted"
    )
