"""The change log's rows and positions: where the log ends, where a rebuild replays from, how a cursor
moves past rows (and the ids of transactions still open), and purging what every consumer applied.

Rows are IndexUpdate (search/models/outbox.py); outbox.py writes them, consumers.py reads them.
"""

import time
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db.models import Max, Q
from django.utils import timezone

from search.documents import schema
from search.models import IndexCursor, IndexUpdate

# A row id missing below the highest one read belongs to a transaction still open (ids are handed out
# before commit). Longer than any publish or import transaction, after which it must have rolled back.
GAP_TIMEOUT = timedelta(minutes=10)
# Beyond this many missing ids (a huge rolled-back import) the oldest are given up; the periodic
# check_search_index repairs whatever that could miss.
MAX_TRACKED_GAPS = 10_000

PURGE_MARK = "mark:purged"


def content_page_type_ids():
    from django.contrib.contenttypes.models import ContentType

    return [ContentType.objects.get_for_model(model).pk for model in schema.searchable_models()]


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
