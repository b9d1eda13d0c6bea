"""Consumers of the change log, each with its own cursor, and `follow`, which applies the log to one.

- the primary engine (Elasticsearch): a cursor row in the database, leased by one process at a time
  (claimed with `skip_locked`), so any number of workers can run and none applies a change twice at once;
- an embedded index file (the backup copy on each host, or the primary in development): its cursor lives
  inside the file, written in the same SQLite transaction as the indexed pages, so a rebuilt or restored
  copy knows exactly what it still lacks; a file lock lets one process per file follow the log;
- a rebuild catching up (search/changes/rebuilding.py): an in-memory cursor from the rebuild's start.

Several rows for one page collapse into the latest, and a page is serialised as it is when the batch is
read, so the outcome is always the page's current state. Engine calls happen outside any transaction.
"""

import fcntl
import logging
import os
import socket
import threading
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from search.changes.log import Cursor, purged_through
from search.documents.pages import Lookups, indexable_pages_among, serialise
from search.models import IndexCursor, IndexUpdate
from search.vectors import pages as vectors

logger = logging.getLogger(__name__)

BATCH_SIZE = 200
# A consumer's lease: longer than one batch takes, renewed per batch; a worker killed mid-batch is
# replaced after this.
LEASE = timedelta(seconds=60)
# Retry after 10 s, 20 s, 40 s… at most every 15 minutes; the worker retries at once when the engine
# answers a probe again.
FIRST_RETRY = timedelta(seconds=10)
MAX_RETRY = timedelta(minutes=15)
MAX_ERROR_LENGTH = 2000


def retry_delay(failures):
    return min(FIRST_RETRY * 2 ** max(failures - 1, 0), MAX_RETRY)


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


class IndexedPageCache:
    """Serialise each page once per step, however many consumers apply it."""

    def __init__(self):
        self.pages = {}  # page id → IndexedPage, or None when it must not be searchable
        self.broken = {}  # page id → error
        self.lookups = Lookups()

    def resolve(self, latest_actions):
        """(IndexedPages, ids to delete, ids that failed) for {page id: latest action}."""
        wanted = [
            page_id
            for page_id, action in latest_actions.items()
            if action == IndexUpdate.Action.INDEX and page_id not in self.pages
        ]
        pages = indexable_pages_among(wanted, self.lookups)
        for page_id in wanted:
            page = pages.get(page_id)
            try:
                self.pages[page_id] = serialise(page, self.lookups) if page is not None else None
            except Exception as error:  # a bug or bad data in one page; logged with its traceback
                logger.exception("Page %s could not be serialised for search", page_id)
                self.broken[page_id] = f"{error.__class__.__name__}: {error}"
        # Vectors the cache holds already (unchanged passages); new text waits for the enrichment step.
        vectors.attach_cached(self.pages[page_id] for page_id in wanted if self.pages.get(page_id) is not None)
        indexed, deleted = [], []
        for page_id, action in latest_actions.items():
            if page_id in self.broken:
                continue
            page = self.pages.get(page_id) if action == IndexUpdate.Action.INDEX else None
            if page is None:
                deleted.append(page_id)
            else:
                indexed.append(page)
        broken = [page_id for page_id in latest_actions if page_id in self.broken]
        return indexed, deleted, broken


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
    """Consumers that write pages into a backend's index."""

    def resolve_pages(self, rows, cache):
        pages, deleted, broken = cache.resolve(latest_actions(rows))
        return pages, deleted, OutboxResult(
            indexed=len(pages), deleted=len(deleted), failed_pages=len(broken), rows=len(rows)
        )

    def write_pages(self, rows, cache):
        """Index and delete through the backend's own calls; returns the OutboxResult."""
        pages, deleted, result = self.resolve_pages(rows, cache)
        if pages:
            self.backend.index_pages(pages)
        if deleted:
            self.backend.delete_pages(deleted)
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
        anyway, which is harmless: what is written is the pages' current state)."""
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
    """The primary engine (Elasticsearch): pages go to its alias, the cursor to the database."""

    def __init__(self, backend):
        super().__init__(f"engine:{backend.name}")
        self.backend = backend

    def store(self, rows, cursor, cache):
        result = self.write_pages(rows, cache)
        self.save_position(cursor)
        return result


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
        pages, deleted, result = self.resolve_pages(rows, cache)
        self.backend.apply_changes(pages, deleted, cursor.position, cursor.gaps)
        return result

    def release(self, error=None):
        if self._lock_file is not None:
            fcntl.flock(self._lock_file, fcntl.LOCK_UN)
            self._lock_file.close()
            self._lock_file = None


class ReplayConsumer(EngineMixin, Consumer):
    """A rebuild catching up: an in-memory cursor, pages into the index being built."""

    def __init__(self, backend, start):
        self.name = f"replay:{backend.name}"
        self.backend = backend
        self.cursor = Cursor(start)

    def claim(self, force=False):
        return self.cursor

    def store(self, rows, cursor, cache):
        result = self.write_pages(rows, cache)
        self.cursor = cursor
        return result


def follow(consumer, cache=None, batch_size=BATCH_SIZE, max_batches=None, force=False):
    """Apply the log to one consumer from its cursor, batch by batch, until nothing is pending."""
    result = OutboxResult()
    cursor = consumer.claim(force=force)
    if cursor is None:
        result.skipped.append(consumer.name)
        return result
    cache = cache or IndexedPageCache()
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


