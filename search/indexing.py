"""The change log: page changes become numbered IndexUpdate rows, which each consumer applies in order.

Rows are written inside the transaction that publishes, unpublishes, restricts, moves or deletes a
page, so a change is never lost. Consumers each keep their own cursor (search/models/outbox.py):

- the primary engine (Elasticsearch): a cursor row in the database, leased by one process at a time
  (claimed with `skip_locked`), so any number of workers can run and none applies a change twice at once;
- an embedded index file (the backup copy on each host, or the primary in development): its cursor lives
  inside the file, written in the same SQLite transaction as the documents, so a rebuilt or restored
  copy knows exactly what it still lacks; a file lock lets one process per file follow the log;
- the worker's slow step (enrichment): extracts attachment text that nobody read yet, then logs the
  page again so every engine picks the text up. Passages' embedding vectors will be computed here too;
- a rebuild catching up (search/rebuilding.py): an in-memory cursor from the rebuild's start.

Several rows for one page collapse into the latest, and a page is serialised as it is when the batch is
read, so the outcome is always the page's current state. Engine calls happen outside any transaction.
The publishing request applies a small batch itself right after the commit (fresh within the request),
bounded in rows and time and skipping an engine whose breaker is open; the worker does the rest.
"""

import fcntl
import logging
import os
import socket
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from wagtail.models import Page

from search.backends import get_backup_backend, get_search_backend
from search.documents import OrganisationNames, content_type_key, document_for_page
from search.models import IndexCursor, IndexUpdate

logger = logging.getLogger(__name__)

BATCH_SIZE = 200
# The publishing request applies at most this many rows itself; a large subtree move leaves the rest
# to the worker, so publishing stays quick whatever it touches.
REQUEST_BATCH = 50
# A row id missing below the highest one read belongs to a transaction still open (ids are handed out
# before commit). Longer than any publish or import transaction, after which it must have rolled back.
GAP_TIMEOUT = timedelta(minutes=10)
# Beyond this many missing ids (a huge rolled-back import) the oldest are given up; the periodic
# check_search_index repairs whatever that could miss.
MAX_TRACKED_GAPS = 10_000
# A consumer's lease: longer than one batch takes, renewed per batch; a worker killed mid-batch is
# replaced after this.
LEASE = timedelta(seconds=60)
# Retry after 10 s, 20 s, 40 s… at most every 15 minutes; the worker retries at once when the engine
# answers a probe again.
FIRST_RETRY = timedelta(seconds=10)
MAX_RETRY = timedelta(minutes=15)
MAX_ERROR_LENGTH = 2000

ENRICHMENT = "step:enrichment"
PURGE_MARK = "mark:purged"


def retry_delay(failures):
    return min(FIRST_RETRY * 2 ** max(failures - 1, 0), MAX_RETRY)


# --- writing the log -----------------------------------------------------------------------------


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
    """Reindex hub content pages among `pages` (other page types have no search documents)."""
    enqueue([page.pk for page in pages if is_content_page(page)], IndexUpdate.Action.INDEX)


def enqueue_subtree(page):
    """The page and every content page below it: their URLs, privacy or organisation names changed."""
    descendants = Page.objects.descendant_of(page, inclusive=True).filter(
        content_type__in=content_page_type_ids()
    )
    enqueue(descendants.values_list("pk", flat=True), IndexUpdate.Action.INDEX)


def enqueue_delete(page_ids):
    enqueue(page_ids, IndexUpdate.Action.DELETE)


def is_content_page(page):
    return content_type_key(page.specific_class or type(page)) is not None


def content_page_type_ids():
    from django.contrib.contenttypes.models import ContentType

    from search.documents import indexable_models

    return [ContentType.objects.get_for_model(model).pk for model in indexable_models()]


def log_end():
    return IndexUpdate.objects.aggregate(end=Max("id"))["end"] or 0


def replay_start():
    """A position safely before every change a snapshot of the pages taken now could miss.

    Changes whose transaction may still be open (younger than GAP_TIMEOUT) lie after it, so replaying
    from here into an index loaded from a snapshot brings it up to date (search/rebuilding.py).
    """
    settled = IndexUpdate.objects.filter(created_at__lt=timezone.now() - GAP_TIMEOUT)
    # Purged rows were settled long ago: never start before them.
    return max(settled.aggregate(end=Max("id"))["end"] or 0, purged_through())


def purged_through():
    """The highest id purge_change_log deleted (0 when nothing was ever purged)."""
    return IndexCursor.objects.filter(consumer=PURGE_MARK).values_list("position", flat=True).first() or 0


# --- positions in the log ------------------------------------------------------------------------


@dataclass
class Cursor:
    position: int = 0
    gaps: dict[str, float] = field(default_factory=dict)  # missing id → epoch seconds first missed

    def rows(self, limit):
        """The next rows to apply: after the position, and the missing ids that appeared meanwhile."""
        wanted = Q(id__gt=self.position)
        if self.gaps:
            wanted |= Q(id__in=[int(gap) for gap in self.gaps])
        return list(IndexUpdate.objects.filter(wanted).order_by("id")[:limit])

    def advanced(self, rows, now=None):
        """The cursor after applying `rows` (as returned by rows())."""
        now = time.time() if now is None else now
        seen = {row.id for row in rows}
        top = max(seen | {self.position})
        gaps = {
            gap: first_missed
            for gap, first_missed in self.gaps.items()
            if int(gap) not in seen and now - first_missed < GAP_TIMEOUT.total_seconds()
        }
        for missing in range(self.position + 1, top):
            if missing not in seen and len(gaps) < MAX_TRACKED_GAPS:
                gaps.setdefault(str(missing), now)
        return Cursor(top, gaps)


@dataclass
class OutboxResult:
    indexed: int = 0
    deleted: int = 0
    failed_pages: int = 0  # pages that could not be serialised (logged with their traceback)
    rows: int = 0
    errors: dict[str, str] = field(default_factory=dict)  # consumer → error
    skipped: list[str] = field(default_factory=list)  # consumers busy elsewhere, in backoff or open

    @property
    def applied(self):
        return self.indexed + self.deleted

    def add(self, other):
        self.indexed += other.indexed
        self.deleted += other.deleted
        self.failed_pages += other.failed_pages
        self.rows += other.rows
        self.errors.update(other.errors)
        self.skipped += other.skipped


class DocumentCache:
    """Serialise each page once per step, however many consumers apply it."""

    def __init__(self):
        self.documents = {}  # page id → SearchDocument, or None when it must not be searchable
        self.broken = {}  # page id → error
        self.organisation_names = OrganisationNames()

    def resolve(self, latest_actions):
        """(documents, ids to delete, ids that failed) for {page id: latest action}."""
        wanted = [
            page_id
            for page_id, action in latest_actions.items()
            if action == IndexUpdate.Action.INDEX and page_id not in self.documents
        ]
        pages = {page.pk: page for page in Page.objects.filter(pk__in=wanted).specific()}
        for page_id in wanted:
            page = pages.get(page_id)
            try:
                self.documents[page_id] = (
                    document_for_page(page, self.organisation_names)
                    if page is not None
                    else None
                )
            except Exception as error:  # a bug or bad data in one page; logged with its traceback
                logger.exception("Page %s could not be serialised for search", page_id)
                self.broken[page_id] = f"{error.__class__.__name__}: {error}"
        documents, deleted = [], []
        for page_id, action in latest_actions.items():
            if page_id in self.broken:
                continue
            document = self.documents.get(page_id) if action == IndexUpdate.Action.INDEX else None
            if document is None:
                deleted.append(page_id)
            else:
                documents.append(document)
        broken = [page_id for page_id in latest_actions if page_id in self.broken]
        return documents, deleted, broken


# --- consumers -----------------------------------------------------------------------------------


class Consumer:
    """One reader of the change log with its own cursor."""

    name = "consumer"

    def claim(self, force=False):
        """This consumer's Cursor, now held by the caller; None when another process holds it,
        it waits for a retry (unless `force`), or it cannot follow the log yet."""
        raise NotImplementedError

    def store(self, rows, cursor, cache):
        """Apply `rows` and move to `cursor`; returns an OutboxResult. Raises on an engine failure."""
        raise NotImplementedError

    def release(self, error=None):
        """Let go of the cursor; `error` says why the last batch failed."""


def latest_actions(rows):
    # Rows are in id order, so the last action for a page wins.
    return {row.page_id: row.action for row in rows}


class EngineMixin:
    """Consumers that write search documents into a backend."""

    def apply_documents(self, rows, cache):
        documents, deleted, broken = cache.resolve(latest_actions(rows))
        return documents, deleted, OutboxResult(
            indexed=len(documents), deleted=len(deleted), failed_pages=len(broken), rows=len(rows)
        )

    def write_documents(self, rows, cache):
        """Index and delete through the backend's own calls; returns the OutboxResult."""
        documents, deleted, result = self.apply_documents(rows, cache)
        if documents:
            self.backend.index_documents(documents)
        if deleted:
            self.backend.delete_documents(deleted)
        return result


class LeasedConsumer(Consumer):
    """A cursor row in the database, held by one process at a time through a lease."""

    def __init__(self, name):
        self.name = name
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}:{uuid.uuid4().hex[:6]}"

    def _claimable(self, now, force):
        free = Q(lease_expires_at__isnull=True) | Q(lease_expires_at__lt=now) | Q(lease_owner=self.owner)
        rows = IndexCursor.objects.filter(free, consumer=self.name)
        if not force:
            rows = rows.filter(Q(retry_at__isnull=True) | Q(retry_at__lte=now))
        return rows

    def claim(self, force=False):
        IndexCursor.objects.get_or_create(consumer=self.name)
        now = timezone.now()
        with transaction.atomic():
            # skip_locked: a second worker claiming at this instant passes instead of waiting; the
            # conditional update makes the claim atomic on SQLite (which ignores FOR UPDATE) too.
            candidate = (
                self._claimable(now, force).select_for_update(skip_locked=True).values_list("pk", flat=True).first()
            )
            if candidate is None:
                return None
            claimed = self._claimable(now, force).filter(pk=candidate).update(
                lease_owner=self.owner, lease_expires_at=now + LEASE
            )
        if not claimed:
            return None
        row = IndexCursor.objects.get(pk=candidate)
        return Cursor(row.position, dict(row.gaps or {}))

    def save_position(self, cursor):
        """Move the cursor and renew the lease; False when the lease was lost (the batch is applied
        anyway, which is harmless: documents are the pages' current state)."""
        now = timezone.now()
        return bool(
            IndexCursor.objects.filter(consumer=self.name, lease_owner=self.owner).update(
                position=cursor.position,
                gaps=cursor.gaps,
                lease_expires_at=now + LEASE,
                failures=0,
                last_error="",
                retry_at=None,
                updated_at=now,
            )
        )

    def renew(self):
        IndexCursor.objects.filter(consumer=self.name, lease_owner=self.owner).update(
            lease_expires_at=timezone.now() + LEASE
        )

    def release(self, error=None):
        held = IndexCursor.objects.filter(consumer=self.name, lease_owner=self.owner)
        if error is None:
            held.update(lease_owner="", lease_expires_at=None)
            return
        row = held.first()
        if row is None:
            return
        row.failures += 1
        row.last_error = error[:MAX_ERROR_LENGTH]
        row.retry_at = timezone.now() + retry_delay(row.failures)
        row.lease_owner, row.lease_expires_at = "", None
        row.save(update_fields=["failures", "last_error", "retry_at", "lease_owner", "lease_expires_at"])


class EngineConsumer(EngineMixin, LeasedConsumer):
    """The primary engine (Elasticsearch): documents go to its alias, the cursor to the database."""

    def __init__(self, backend):
        super().__init__(f"engine:{backend.name}")
        self.backend = backend

    def store(self, rows, cursor, cache):
        result = self.write_documents(rows, cache)
        self.save_position(cursor)
        return result


class EnrichmentStep(LeasedConsumer):
    """The worker's slow step, never run in a request: makes sure the documents attached to changed
    pages have their text (hub.ingest extracts at upload, in the background; a text lost with a
    restarted web process is extracted here, and hub.ingest's signal then logs the page again).
    Computing passages' embedding vectors belongs here too.
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
        self.save_position(cursor)
        return OutboxResult(rows=len(rows))


class LocalCopyConsumer(EngineMixin, Consumer):
    """An embedded index file: its cursor is inside it; a file lock admits one writer process at a time."""

    def __init__(self, backend, lock=True):
        self.name = backend.name
        self.backend = backend
        self.lock = lock
        self._lock_file = None

    def needs_rebuild(self):
        """No known position, or so far behind that the rows it lacks were purged."""
        position, _ = self.backend.log_position()
        return position is None or position < purged_through()

    def claim(self, force=False):
        if self.lock:
            self.backend.path.parent.mkdir(parents=True, exist_ok=True)
            lock_file = open(f"{self.backend.path}.lock", "a")  # noqa: SIM115 (held until release)
            try:
                fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                lock_file.close()
                return None
            self._lock_file = lock_file
        position, gaps = self.backend.log_position()
        if position is None:
            self.release()
            return None
        return Cursor(position, gaps)

    def store(self, rows, cursor, cache):
        documents, deleted, result = self.apply_documents(rows, cache)
        self.backend.apply_changes(documents, deleted, cursor.position, cursor.gaps)
        return result

    def release(self, error=None):
        if self._lock_file is not None:
            fcntl.flock(self._lock_file, fcntl.LOCK_UN)
            self._lock_file.close()
            self._lock_file = None


class ReplayConsumer(EngineMixin, Consumer):
    """A rebuild catching up: an in-memory cursor, documents into the index being built."""

    def __init__(self, backend, start):
        self.name = f"replay:{backend.name}"
        self.backend = backend
        self.cursor = Cursor(start)

    def claim(self, force=False):
        return self.cursor

    def store(self, rows, cursor, cache):
        result = self.write_documents(rows, cache)
        self.cursor = cursor
        return result


def follow(consumer, cache=None, batch_size=BATCH_SIZE, max_batches=None, force=False):
    """Apply the log to one consumer from its cursor, batch by batch, until nothing is pending."""
    result = OutboxResult()
    cursor = consumer.claim(force=force)
    if cursor is None:
        result.skipped.append(consumer.name)
        return result
    cache = cache or DocumentCache()
    error = None
    try:
        batches = 0
        while max_batches is None or batches < max_batches:
            rows = cursor.rows(batch_size)
            if not rows:
                break
            following = cursor.advanced(rows)
            result.add(consumer.store(rows, following, cache))
            cursor = following
            batches += 1
            # Gap ids that keep coming back empty are re-read, never new work: stop there.
            if len(rows) < batch_size:
                break
    except Exception as failure:  # the engine failed: the cursor stays, the rows are retried
        error = f"{failure.__class__.__name__}: {failure}"
        logger.warning("Search consumer %s could not apply changes: %s", consumer.name, error)
        result.errors[consumer.name] = error
    finally:
        consumer.release(error)
    return result


# --- who follows the log in this process --------------------------------------------------------


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
    cache = DocumentCache()
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
    cache = DocumentCache()
    for consumer in consumers(include_backup):
        total.add(follow(consumer, cache, force=force))
    return total


def enrich_pending():
    return follow(EnrichmentStep(), batch_size=20)


def pending_count():
    """Changes the primary engine has not applied yet."""
    primary = consumers(include_backup=False)[0]
    if isinstance(primary, LocalCopyConsumer):
        position, _ = primary.backend.log_position()
    else:
        position = IndexCursor.objects.filter(consumer=primary.name).values_list("position", flat=True).first()
    return IndexUpdate.objects.filter(id__gt=position or 0).count()


def retry_now():
    """Forget every backoff: the next pass tries each consumer at once (`process_search_outbox --retry-now`)."""
    return IndexCursor.objects.exclude(retry_at=None).update(retry_at=None)


def engine_in_backoff(consumer):
    return IndexCursor.objects.filter(consumer=consumer.name, retry_at__gt=timezone.now()).exists()


def purge_change_log(now=None):
    """Delete rows every consumer applied and older than SEARCH_CHANGE_LOG_RETENTION_DAYS.

    Rows are kept that long so a host's backup copy that was away can catch up instead of rebuilding.
    Returns the number of rows deleted.
    """
    now = now or timezone.now()
    retention = timedelta(days=settings.SEARCH_CHANGE_LOG_RETENTION_DAYS)
    active = IndexCursor.objects.filter(
        Q(consumer__startswith="engine:") | Q(consumer__startswith="step:"), updated_at__gte=now - retention
    )
    horizon = active.order_by("position").values_list("position", flat=True).first()
    old = IndexUpdate.objects.filter(created_at__lt=now - retention)
    if horizon is not None:
        old = old.filter(id__lte=horizon)
    last = old.aggregate(end=Max("id"))["end"]
    if last is None:
        return 0
    deleted, _ = IndexUpdate.objects.filter(id__lte=last, created_at__lt=now - retention).delete()
    mark, _ = IndexCursor.objects.get_or_create(consumer=PURGE_MARK)
    IndexCursor.objects.filter(pk=mark.pk, position__lt=last).update(position=last)
    return deleted
