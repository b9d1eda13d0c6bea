"""The console's reports over a date range and a language: summed days (search/console/daily.py) plus
the raw log of the days not summed yet (today)."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q, Sum
from django.db.models.functions import TruncDate

from search.console.daily import COUNTS, start_of, summed_through
from search.models import SearchLogEntry, SearchQueryDay

FIELDS = tuple(COUNTS)
LIMIT = 200


@dataclass
class Row:
    language: str
    query: str
    searches: int = 0
    zero_results: int = 0
    weakly_answered: int = 0
    with_results: int = 0
    clicked: int = 0

    def add(self, counts):
        for name in FIELDS:
            setattr(self, name, getattr(self, name) + (counts[name] or 0))


# Each report: the rows it keeps, as SQL over the summed days and as a test of a merged row, and the
# count it ranks them by (the first column after the query).
REPORTS = {
    "top": (Q(), lambda row: True, "searches"),
    "zero": (Q(zero_results__gt=0), lambda row: row.zero_results > 0, "zero_results"),
    "weak": (Q(weakly_answered__gt=0), lambda row: row.weakly_answered > 0, "weakly_answered"),
    "no_click": (Q(with_results__gt=0, clicked=0), lambda row: row.with_results > 0 and row.clicked == 0, "with_results"),
}


def sources(date_from, date_to, language):
    """(summed day rows, raw log rows) inside the range, split where the summed days end."""
    through = summed_through()
    summed = SearchQueryDay.objects.filter(day__gte=date_from, day__lte=date_to)
    raw_from = max(date_from, through + timedelta(days=1)) if through else date_from
    summed = summed.filter(day__lte=through) if through else summed.none()
    raw = SearchLogEntry.objects.filter(
        created_at__gte=start_of(raw_from), created_at__lt=start_of(date_to + timedelta(days=1))
    )
    if language:
        summed, raw = summed.filter(language=language), raw.filter(language=language)
    return summed, raw


def summed_totals(summed):
    return summed.values("language", "query").annotate(**{name: Sum(name) for name in FIELDS}).order_by()


def query_rows(report, date_from, date_to, language=None, limit=LIMIT):
    """The report's rows, most first: per language and query, the counts over the range.

    The summed days are ranked and cut in SQL; the few queries of the days not summed yet (today) are
    added to their summed counts. No query left out can rank higher: its count is all summed, and at
    most the last one kept.
    """
    condition, keep, ranked_by = REPORTS[report]
    summed, raw = sources(date_from, date_to, language)
    rows = {}

    def add(counts):
        key = (counts["language"], counts["query"])
        rows.setdefault(key, Row(*key)).add(counts)

    for counts in summed_totals(summed).filter(condition).order_by(f"-{ranked_by}", "query")[:limit]:
        add(counts)
    today = list(raw.values("language", "query").annotate(**COUNTS).order_by())
    pending = {(counts["language"], counts["query"]) for counts in today} - set(rows)
    for language_code in {key[0] for key in pending}:
        queries = [query for code, query in pending if code == language_code]
        for start in range(0, len(queries), 500):
            for counts in summed_totals(summed.filter(language=language_code, query__in=queries[start : start + 500])):
                add(counts)
    for counts in today:
        add(counts)
    kept = [row for row in rows.values() if keep(row)]
    kept.sort(key=lambda row: (-getattr(row, ranked_by), row.query))
    return kept[:limit]


@dataclass
class Week:
    start: object  # the Monday
    searches: int = 0
    zero_results: int = 0
    weakly_answered: int = 0
    with_results: int = 0
    clicked: int = 0

    add = Row.add


def weekly(date_from, date_to, language=None):
    """Searches, searches without results, weakly answered and clicked, per week (Monday first)."""
    summed, raw = sources(date_from, date_to, language)
    days = [*summed.values("day").annotate(**{name: Sum(name) for name in FIELDS}).order_by()]
    days += raw.annotate(day=TruncDate("created_at")).values("day").annotate(**COUNTS).order_by()
    weeks = {}
    for counts in days:
        monday = counts["day"] - timedelta(days=counts["day"].weekday())
        weeks.setdefault(monday, Week(monday)).add(counts)
    return [weeks[monday] for monday in sorted(weeks)]
