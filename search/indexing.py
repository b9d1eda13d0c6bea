"""The outbox: page changes become IndexUpdate rows in the page's own transaction, then reach every backend.

Rows are written inside the transaction that publishes, unpublishes, moves or deletes a page, so an update
is never lost: it is applied right after the commit (the index is fresh within the request) and, if an
engine is down, kept with its error and retried with backoff by `process_search_outbox` (or by the next
commit). Several rows for one page collapse into the latest, and an "index" row whose page is no longer
indexable becomes a delete, so the outcome is always the page's state at processing time.
"""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from search import schema
from search.backends import all_backends
from search.models import IndexUpdate
from search.pages import Lookups, indexed_page, is_content_page

logger = logging.getLogger(__name__)

BATCH_SIZE = 200
# Retry after 10 s, 20 s, 40 s… but at least every 15 minutes while an engine stays down.
FIRST_RETRY = timedelta(seconds=10)
MAX_RETRY = timedelta(minutes=15)
MAX_ERROR_LENGTH = 2000


def retry_delay(attempts):
    return min(FIRST_RETRY * 2 ** max(attempts - 1, 0), MAX_RETRY)


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
    """The page and every content page below it: their URLs or organisation names may have changed."""
    descendants = Page.objects.descendant_of(page, inclusive=True).filter(
        content_type__in=content_page_type_ids()
    )
    enqueue(descendants.values_list("pk", flat=True), IndexUpdate.Action.INDEX)


def enqueue_delete(page_ids):
    enqueue(page_ids, IndexUpdate.Action.DELETE)


def content_page_type_ids():
    from django.contrib.contenttypes.models import ContentType

    return [ContentType.objects.get_for_model(model).pk for model in schema.searchable_models()]


def process_after_commit():
    """Apply pending rows now; a failure here must never turn the editor's publish into an error page."""
    try:
        process_pending()
    except Exception:
        logger.exception("Search outbox processing failed; the rows stay for process_search_outbox")


@dataclass
class OutboxResult:
    indexed: int = 0
    deleted: int = 0
    failed_rows: int = 0
    errors: dict[str, str] = field(default_factory=dict)  # backend name → error

    @property
    def applied(self):
        return self.indexed + self.deleted


def due_rows():
    now = timezone.now()
    return IndexUpdate.objects.filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))


def pending_count():
    return IndexUpdate.objects.count()


def process_pending(backends=None, batch_size=BATCH_SIZE, max_batches=None):
    """Apply due rows batch by batch until none are left (or `max_batches`); returns the totals."""
    total = OutboxResult()
    batches = 0
    while max_batches is None or batches < max_batches:
        result = process_batch(backends, batch_size)
        batches += 1
        total.indexed += result.indexed
        total.deleted += result.deleted
        total.failed_rows += result.failed_rows
        total.errors.update(result.errors)
        if result.errors or result.applied + result.failed_rows == 0:
            break  # an engine is down (retry later) or nothing is due
    return total


def process_batch(backends=None, batch_size=BATCH_SIZE):
    """Apply one batch of due rows to every backend; on failure keep the rows for a later retry."""
    with transaction.atomic():
        # skip_locked: a worker and a web process never apply the same rows twice (PostgreSQL);
        # SQLite serialises writers anyway and ignores the clause.
        rows = list(due_rows().select_for_update(skip_locked=True).order_by("id")[:batch_size])
        if not rows:
            return OutboxResult()
        # Rows are in id order, so the last action for a page wins.
        latest = {row.page_id: row.action for row in rows}
        pages, deleted_ids, broken = indexed_pages_for(latest)
        # A page that cannot be serialised waits for a fix without holding up the others.
        for page_id, error in broken.items():
            record_failure(
                [row for row in rows if row.page_id == page_id], {f"page {page_id}": error}
            )
        rows = [row for row in rows if row.page_id not in broken]
        errors = apply(backends if backends is not None else all_backends(), pages, deleted_ids)
        if errors:
            record_failure(rows, errors)
            return OutboxResult(failed_rows=len(rows) + len(broken), errors=errors)
        IndexUpdate.objects.filter(pk__in=[row.pk for row in rows]).delete()
        return OutboxResult(
            indexed=len(pages), deleted=len(deleted_ids), failed_rows=len(broken)
        )


def indexed_pages_for(latest_actions):
    """IndexedPages for pages to index now, pages to delete (including no longer indexable ones),
    and pages whose serialisation failed (page id → error)."""
    index_ids = [
        page_id for page_id, action in latest_actions.items() if action == IndexUpdate.Action.INDEX
    ]
    pages = {page.pk: page for page in Page.objects.filter(pk__in=index_ids).specific()}
    lookups = Lookups()
    indexed, deleted_ids, broken = [], [], {}
    for page_id in latest_actions:
        page = pages.get(page_id)
        try:
            serialised = indexed_page(page, lookups) if page is not None else None
        except Exception as error:  # a bug or bad data in one page; logged with its traceback
            logger.exception("Page %s could not be serialised for search", page_id)
            broken[page_id] = f"{error.__class__.__name__}: {error}"
            continue
        if serialised is None:
            deleted_ids.append(page_id)
        else:
            indexed.append(serialised)
    return indexed, deleted_ids, broken


def apply(backends, pages, deleted_ids):
    """Send the batch to each backend; an engine that fails does not stop the others from updating."""
    errors = {}
    for backend in backends:
        try:
            if pages:
                backend.index_pages(pages)
            if deleted_ids:
                backend.delete_pages(deleted_ids)
        except Exception as error:  # any engine failure: the rows stay and are retried
            logger.warning(
                "Search backend %s could not apply %d updates: %s",
                backend.name,
                len(pages) + len(deleted_ids),
                error,
            )
            errors[backend.name] = f"{error.__class__.__name__}: {error}"
    return errors


def record_failure(rows, errors):
    message = "; ".join(f"{name}: {error}" for name, error in errors.items())[:MAX_ERROR_LENGTH]
    now = timezone.now()
    for row in rows:
        row.attempts += 1
        row.last_error = message
        row.next_attempt_at = now + retry_delay(row.attempts)
    IndexUpdate.objects.bulk_update(rows, ["attempts", "last_error", "next_attempt_at"])
