"""Rebuilding an index while editors keep publishing, without losing a change.

A rebuild reads the pages over minutes; a page published meanwhile may be read before its change, and
the change must still reach the new index. So the rebuild notes a position in the change log before it
reads anything (search/changes/outbox.py `replay_start`), loads the new index, then replays every change after
that position into it before it goes live (and, for Elasticsearch, once more right after the alias swap,
for what the worker wrote to the old index in between). An embedded file carries its position with it,
so after the swap its consumer simply goes on from there.

Only one rebuild per backend runs at a time (a lease renewed while it loads); leftovers of one that was
killed (an unfinished Elasticsearch index, a temporary SQLite file) are removed by the next.
"""

import socket
import time
from contextlib import contextmanager

from search.changes.consumers import LeasedConsumer, LocalCopyConsumer, ReplayConsumer, follow
from search.changes.log import replay_start
from search.documents.pages import iter_indexed_pages
from search.vectors.pages import with_vectors

# Renew the rebuild's lease at most this often (seconds) while it loads.
RENEW_EVERY = 10


class RebuildRunning(Exception):
    """Another rebuild of the same backend holds the lock."""


@contextmanager
def rebuild_lock(backend_name):
    lock = LeasedConsumer(f"lock:rebuild:{backend_name}")
    if lock.claim(force=True) is None:
        raise RebuildRunning(f"Another rebuild of the {backend_name} index is running.")
    last_renewal = [time.monotonic()]

    def renew():
        if time.monotonic() - last_renewal[0] > RENEW_EVERY:
            lock.renew()
            last_renewal[0] = time.monotonic()

    try:
        yield renew
    finally:
        lock.release()


def replay_from(start):
    """`catch_up(building)` for an index being built: replays every change after `start` into it.

    Elasticsearch calls it twice, before and right after the alias swap; the second call goes on from
    where the first stopped instead of replaying (and reading every page of) the whole log again.
    """
    consumer = None

    def catch_up(building):
        nonlocal consumer
        consumer = consumer or ReplayConsumer(building, start)
        follow(consumer)

    return catch_up


def lock_name(backend):
    """Elasticsearch is one index for all hosts; an embedded file is one per host and path."""
    if backend.name == "embedded":
        return f"embedded@{socket.gethostname()}:{backend.path}"
    return backend.name


def rebuild(backend, progress=None, pages=None, embedding=None):
    """Rebuild `backend` from the live pages and the change log; returns nothing, raises on failure.

    Passages the embedding cache lacks are embedded on the way (search/vectors/pages.py); `embedding`, an
    EmbeddingTally, adds up what that cost, and `progress(0)` is called as passages are embedded."""
    with rebuild_lock(lock_name(backend)) as renew:

        def advance(count=1):
            renew()
            if progress:
                progress(count)

        start = replay_start()
        pages = iter_indexed_pages() if pages is None else pages
        pages = with_vectors(pages, tally=embedding, progress=lambda: advance(0))
        if backend.name == "embedded":
            backend.rebuild(
                pages,
                progress=advance,
                start_position=start,
                # The new file is private until the swap: no file lock needed to follow the log.
                catch_up=lambda building: follow(LocalCopyConsumer(building, lock=False)),
            )
        else:
            backend.rebuild(pages, progress=advance, catch_up=replay_from(start))
