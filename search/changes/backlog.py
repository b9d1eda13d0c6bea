"""The embedding backlog, shared by every worker on every machine: pages whose passages lack vectors.

The enrichment step (outbox.py), which follows the change log one worker at a time, only adds pages
here; embedding them is the slow part (hours for a new hub), so any number of workers take pages from
this table at once. A worker claims a few pages with SELECT … FOR UPDATE SKIP LOCKED (another worker
claiming at the same instant skips the locked rows instead of waiting or taking them too) and marks them
with a lease, embeds them, logs them again for the engines and deletes their rows. A killed worker's
pages are claimed again when its lease ends; the vectors it stored are in the cache, so the next one
goes on where it stopped. On SQLite (one machine) the write transaction serialises the claim instead.
"""

import os
import socket
import uuid
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from search.changes.consumers import IndexedPageCache
from search.models import EmbeddingTask, IndexUpdate
from search.vectors import pages as vectors

# Pages one claim takes: a few minutes of model time at most, so the work spreads over the workers.
CLAIM_PAGES = 5
# Longer than embedding CLAIM_PAGES long manuals takes; renewed after every call to the model.
LEASE = timedelta(minutes=5)


def add(pages):
    """Put IndexedPages whose passages lack vectors in the backlog (a page already there stays once)."""
    EmbeddingTask.objects.bulk_create(
        [EmbeddingTask(page_id=page.page_id, published_at=page.published_at) for page in pages],
        ignore_conflicts=True,
    )


def pending():
    return EmbeddingTask.objects.count()


class BacklogWorker:
    """One worker's share of the backlog: claim, embed, hand the pages back to the change log."""

    def __init__(self):
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"

    def claim(self, size=CLAIM_PAGES):
        """Page ids now held by this worker, newest pages first; [] when none is free."""
        now = timezone.now()
        free = Q(lease_expires_at__isnull=True) | Q(lease_expires_at__lt=now)
        with transaction.atomic():
            ids = list(
                EmbeddingTask.objects.filter(free)
                .select_for_update(skip_locked=True)
                .values_list("pk", flat=True)[:size]
            )
            # Conditional, so the claim holds on SQLite too, which ignores FOR UPDATE.
            EmbeddingTask.objects.filter(free, pk__in=ids).update(
                lease_owner=self.owner, lease_expires_at=now + LEASE
            )
        return list(
            EmbeddingTask.objects.filter(pk__in=ids, lease_owner=self.owner).values_list("page_id", flat=True)
        )

    def renew(self):
        EmbeddingTask.objects.filter(lease_owner=self.owner).update(lease_expires_at=timezone.now() + LEASE)

    def embed(self, page_ids, cache):
        """Embed what the cache lacks of these pages, log them again and drop them from the backlog."""
        from search.changes.outbox import enqueue  # outbox adds to this backlog: imported when used

        pages, _, _ = cache.resolve(dict.fromkeys(page_ids, IndexUpdate.Action.INDEX))
        embedded = vectors.embed_missing(pages, progress=lambda done, total: self.renew())
        if embedded is not None and pages:
            enqueue([page.page_id for page in pages], IndexUpdate.Action.INDEX)
        EmbeddingTask.objects.filter(page_id__in=page_ids, lease_owner=self.owner).delete()
        return embedded

    def run(self, stopping=None):
        """Work the backlog until it is empty (or `stopping` is set); returns pages done."""
        done = 0
        while not (stopping and stopping.is_set()):
            page_ids = self.claim()
            if not page_ids:
                return done
            self.embed(page_ids, IndexedPageCache())
            done += len(page_ids)
        return done
