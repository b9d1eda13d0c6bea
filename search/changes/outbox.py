"""The outbox: page changes become numbered IndexUpdate rows, and this process applies them.

Rows are written inside the transaction that publishes, unpublishes, restricts, moves or deletes a
page, so a change is never lost (signals.py). The publishing request applies a small batch itself right
after the commit (fresh within the request), bounded in rows and time and skipping an engine whose
breaker is open; the worker (worker.py) does the rest, and its slow step, enrichment: it extracts
attachment text that nobody read yet and embeds the passages the embedding cache lacks, then logs those
pages again so every engine picks the text and the vectors up.
"""

import logging

from django.conf import settings
from django.db import transaction
from wagtail.models import Page

from search.changes import backlog
from search.changes.consumers import (
    EngineConsumer,
    IndexedPageCache,
    LeasedConsumer,
    LocalCopyConsumer,
    OutboxResult,
    follow,
    latest_actions,
)
from search.changes.log import content_page_type_ids
from search.documents.pages import is_content_page
from search.engines import get_backup_backend, get_search_backend
from search.models import IndexCursor, IndexUpdate, PassageEmbedding
from search.vectors import pages as vectors
from search.vectors.embedding import get_embedder

logger = logging.getLogger(__name__)

# The publishing request applies at most this many rows itself; a large subtree move leaves the rest
# to the worker, so publishing stays quick whatever it touches.
REQUEST_BATCH = 50

ENRICHMENT = "step:enrichment"
# A mark per embedding model the whole site was logged for re-embedding (reembed_after_model_change).
REEMBED_MARK = "mark:reembed:"


def enqueue(page_ids, action):
    """Record that these pages must be (re)indexed or removed, and apply it once the transaction commits."""
    page_ids = list(dict.fromkeys(page_ids))
    if not page_ids:
        return
    IndexUpdate.objects.bulk_create(
        [IndexUpdate(page_id=page_id, action=action) for page_id in page_ids]
    )
    transaction.on_commit(process_after_commit)


def enqueue_index(pages):
    """Reindex hub content pages among `pages` (other page types are not searchable)."""
    enqueue([page.pk for page in pages if is_content_page(page)], IndexUpdate.Action.INDEX)


def enqueue_subtree(page):
    """The page and every content page below it: their URLs, privacy or organisation names changed."""
    descendants = Page.objects.descendant_of(page, inclusive=True).filter(
        content_type__in=content_page_type_ids()
    )
    enqueue(descendants.values_list("pk", flat=True), IndexUpdate.Action.INDEX)


def enqueue_delete(page_ids):
    enqueue(page_ids, IndexUpdate.Action.DELETE)



class EnrichmentStep(LeasedConsumer):
    """The worker's slow step, never run in a request: makes sure the documents attached to changed
    pages have their text (hub.ingest extracts at upload, in the background; a text lost with a
    restarted web process is extracted here, and hub.ingest's signal then logs the page again), then
    embeds the passages the embedding cache lacks and logs those pages again, so every engine indexes
    them with their vectors (search/vectors.py).
    """

    def __init__(self):
        super().__init__(ENRICHMENT)

    def store(self, rows, cursor, cache):
        from hub.ingest.document_text import extract_if_missing

        page_ids = [
            page_id for page_id, action in latest_actions(rows).items() if action == IndexUpdate.Action.INDEX
        ]
        for page in Page.objects.filter(pk__in=page_ids, live=True).specific():
            for document in getattr(page, "attached_documents", list)():
                extract_if_missing(document.pk)
        self.embed(page_ids, cache)
        self.save_position(cursor)
        return OutboxResult(rows=len(rows))

    def embed(self, page_ids, cache):
        """Pages whose passages the cache lacks go to the shared backlog (backlog.py), which every
        worker embeds from; this step, one worker at a time, only reads the log."""
        if get_embedder() is None:
            return
        pages, _, _ = cache.resolve(dict.fromkeys(page_ids, IndexUpdate.Action.INDEX))
        backlog.add(page for page in pages if vectors.missing_count([page]))


def consumers(include_backup=True):
    """The consumers this process feeds: the primary engine and, when it keeps one, the local copy."""
    primary = get_search_backend()
    found = [LocalCopyConsumer(primary) if primary.name == "embedded" else EngineConsumer(primary)]
    backup = get_backup_backend() if include_backup else None
    if backup is not None:
        found.append(LocalCopyConsumer(backup))
    return found


def process_after_commit():
    """The publishing request's share: one small batch per consumer, never waiting on a down engine.

    A failure here must never turn the editor's publish into an error page: the worker retries.
    """
    cache = IndexedPageCache()
    for consumer in consumers():
        try:
            backend = consumer.backend
            if backend.breaker is not None and not backend.breaker.allows():
                continue  # the engine is known to be down; the worker catches up when it answers
            consumer.backend = backend.with_timeout(settings.ELASTICSEARCH_SEARCH_TIMEOUT)
            result = follow(consumer, cache, batch_size=REQUEST_BATCH, max_batches=1)
            if backend.breaker is not None:
                if consumer.name in result.errors:
                    backend.breaker.record_failure()
                elif result.rows:
                    backend.breaker.record_success()
        except Exception:
            logger.exception("Search outbox processing failed; the worker will apply the changes")


def process_pending(force=False, include_backup=True):
    """Apply every pending change to every consumer of this process (commands, the worker, tests)."""
    total = OutboxResult()
    cache = IndexedPageCache()
    for consumer in consumers(include_backup):
        total.add(follow(consumer, cache, force=force))
    return total


def enrich_pending(stopping=None):
    """The slow step of one worker: read the log for pages to enrich, then embed from the shared
    backlog beside any other worker until it is empty (or `stopping` is set)."""
    reembed_after_model_change()
    result = follow(EnrichmentStep(), batch_size=20)
    backlog.BacklogWorker().run(stopping)
    return result


def reembed_after_model_change():
    """When the configured embedder has embedded nothing yet but another model has, the model changed:
    log every content page once, so the enrichment step embeds them all again (the engines keep
    answering lexically, and never compare vectors of two models, meanwhile). Returns pages logged."""
    embedder = get_embedder()
    if embedder is None:
        return 0
    embedded = PassageEmbedding.objects.filter(model_name=embedder.model_name)
    if embedded.exists() or not PassageEmbedding.objects.exists():
        return 0
    mark, created = IndexCursor.objects.get_or_create(consumer=f"{REEMBED_MARK}{embedder.model_name}"[:200])
    if not created:
        return 0
    page_ids = list(Page.objects.filter(content_type__in=content_page_type_ids()).values_list("pk", flat=True))
    enqueue(page_ids, IndexUpdate.Action.INDEX)
    return len(page_ids)


def pending_changes():
    """The changes the primary engine has not applied yet (all of them while its position is unknown)."""
    primary = consumers(include_backup=False)[0]
    if isinstance(primary, LocalCopyConsumer):
        position, _ = primary.backend.log_position()
    else:
        position = IndexCursor.objects.filter(consumer=primary.name).values_list("position", flat=True).first()
    return IndexUpdate.objects.filter(id__gt=position or 0)


def pending_count():
    return pending_changes().count()


