"""Page lifecycle signals → change log rows (search/outbox.py). Connected in SearchConfig.ready().

Every change to what anonymous readers can see produces rows, like a publish does: publishing (also
scheduled publishing and a translation's first publish), unpublishing (also expiry), moving, renaming a
slug, deleting (also a translation), adding, changing or removing a view restriction (password, login,
groups) on a page or any ancestor, and renaming a locale or moving a site's root. Saving a draft never
touches the index. Processing decides per page: a page no longer live or public is removed.
"""

from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import (
    copy_for_translation_done,
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

from hub.ingest.document_text import document_text_extracted, pages_using
from hub.organisations.models import OrganisationPage
from search.changes import log, outbox
from search.documents.pages import is_content_page


def on_published(sender, instance, **kwargs):
    if isinstance(instance, OrganisationPage):
        # Pages under an organisation carry its name: a renamed organisation renames their facet.
        outbox.enqueue_subtree(instance)
    else:
        outbox.enqueue_index([instance])


def on_unpublished(sender, instance, **kwargs):
    # "index" rather than "delete": processing finds the page no longer live and deletes it, and a
    # publish in the same transaction (e.g. a revision swap) still ends up indexed.
    outbox.enqueue_index([instance])


def on_subtree_changed(sender, instance, **kwargs):
    """A move or a new slug changes the URL of the page and of every page below it."""
    outbox.enqueue_subtree(instance)


def on_moved(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    # Moving under a private section changes the URL too; the subtree's privacy is decided on processing.
    if url_path_before != url_path_after:
        outbox.enqueue_subtree(instance)


def on_translation_copied(sender, source_obj, target_obj, **kwargs):
    # Wagtail's alias translations are created live, without a publish signal.
    if isinstance(target_obj, Page) and target_obj.live:
        outbox.enqueue_index([target_obj])


def on_deleted(sender, instance, **kwargs):
    # Deleting a page sends post_delete for its base Page row and its specific row; one is enough.
    if type(instance) is Page and is_content_page(instance):
        outbox.enqueue_delete([instance.pk])


def on_restriction_changed(sender, instance, **kwargs):
    """A view restriction hides (or, removed, shows) the page and everything below it."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        outbox.enqueue_subtree(page)


def remember_language_code(sender, instance, **kwargs):
    instance._language_code_before = (
        Locale.objects.filter(pk=instance.pk).values_list("language_code", flat=True).first()
        if instance.pk
        else None
    )


def on_locale_saved(sender, instance, created, **kwargs):
    """A locale's new code changes the language and URL of every page in it."""
    before = getattr(instance, "_language_code_before", None)
    if not created and before != instance.language_code:
        pages = Page.objects.filter(locale=instance, content_type__in=log.content_page_type_ids())
        outbox.enqueue(pages.values_list("pk", flat=True), outbox.IndexUpdate.Action.INDEX)


def on_site_saved(sender, instance, **kwargs):
    """A site's root page or hostname decides which pages have a public URL at all."""
    if instance.root_page_id:
        outbox.enqueue_subtree(instance.root_page)


def on_document_text_extracted(sender, document, **kwargs):
    # A document's text is extracted after upload: pages indexed before it arrived get it now.
    outbox.enqueue_index([page for page in pages_using(document) if page.live])


def connect():
    page_published.connect(on_published, dispatch_uid="search_page_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="search_page_unpublished")
    post_page_move.connect(on_moved, dispatch_uid="search_page_moved")
    page_slug_changed.connect(on_subtree_changed, dispatch_uid="search_page_slug_changed")
    copy_for_translation_done.connect(
        on_translation_copied, dispatch_uid="search_translation_copied"
    )
    post_delete.connect(on_deleted, sender=Page, dispatch_uid="search_page_deleted")
    post_save.connect(
        on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_saved"
    )
    post_delete.connect(
        on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_deleted"
    )
    pre_save.connect(remember_language_code, sender=Locale, dispatch_uid="search_locale_before")
    post_save.connect(on_locale_saved, sender=Locale, dispatch_uid="search_locale_saved")
    post_save.connect(on_site_saved, sender=Site, dispatch_uid="search_site_saved")
    document_text_extracted.connect(
        on_document_text_extracted, dispatch_uid="search_document_text_extracted"
    )
