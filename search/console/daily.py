"""Daily counts of the query log, and its retention.

`aggregate()` sums each finished day's logged searches per language and query into SearchQueryDay
(the last summed day again, for clicks that came late); the reports read those rows for every summed
day and the raw log only after it, so they stay fast on a long log. `purge()` deletes logged searches
and clicks older than SEARCH_LOG_RETENTION_DAYS, once their day is summed: the counts outlive the rows.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from search.models import SearchClick, SearchLogEntry, SearchQueryDay

WITH_RESULTS = Q(results__gt=0)
# Answered, but only by pages holding part of the query, pages in another language, or by meaning alone.
WEAKLY = WITH_RESULTS & (Q(partial=True) | Q(cross_language=True) | Q(meaning_only=True))
COUNTS = {
    "searches": Count("id"),
    "zero_results": Count("id", filter=Q(results=0)),
    "weakly_answered": Count("id", filter=WEAKLY),
    "with_results": Count("id", filter=WITH_RESULTS),
    "clicked": Count("id", filter=WITH_RESULTS & Q(clicks__gt=0)),
}


def start_of(day):
    """The first moment of a local (Prague) day."""
    return timezone.make_aware(datetime.combine(day, time.min))


def summed_through():
    """The last day whose counts are in SearchQueryDay, or None."""
    return SearchQueryDay.objects.aggregate(last=Max("day"))["last"]


def aggregate(today=None):
    """Sum every finished day not summed yet (and the last summed one again); returns the days summed."""
    today = today or timezone.localdate()
    first = summed_through()
    if first is None:
        earliest = SearchLogEntry.objects.aggregate(first=Min("created_at"))["first"]
        if earliest is None:
            return 0
        first = timezone.localdate(earliest)
    days = 0
    day = first
    while day < today:
        aggregate_day(day)
        day += timedelta(days=1)
        days += 1
    return days


@transaction.atomic
def aggregate_day(day):
    rows = (
        SearchLogEntry.objects.filter(created_at__gte=start_of(day), created_at__lt=start_of(day + timedelta(days=1)))
        .values("language", "query")
        .annotate(**COUNTS)
        .order_by()
    )
    counts = [SearchQueryDay(day=day, **row) for row in rows]
    if not counts and SearchQueryDay.objects.filter(day=day).exists():
        return  # the day's rows were purged already: keep its counts
    SearchQueryDay.objects.filter(day=day).delete()
    SearchQueryDay.objects.bulk_create(counts, batch_size=2000)


def purge(today=None):
    """Delete logged searches and clicks older than the retention (their days summed first)."""
    today = today or timezone.localdate()
    aggregate(today)
    cutoff = start_of(today - timedelta(days=settings.SEARCH_LOG_RETENTION_DAYS))
    SearchClick.objects.filter(created_at__lt=cutoff).delete()
    deleted, _ = SearchLogEntry.objects.filter(created_at__lt=cutoff).delete()
    return deleted
