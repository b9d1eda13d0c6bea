"""Fill the search console's query log with generated rows and time its reports.

Why a script and not a test: speed is measured and printed, never asserted (machines differ).
It runs in a throwaway database (Django's test-database machinery: in-memory SQLite, or
test_<name> on PostgreSQL when DATABASE_URL says so), writes --rows logged searches spread over
--days days (bulk_create), sums the finished days (search/console/daily.py), and prints the wall
time of each report over the last 30 days and the whole period, and of the raw log's first page:

    .venv/bin/python bench/search_log.py --rows 1000000
"""

import argparse
import os
import random
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

BATCH = 10_000
# A long tail of distinct queries, searched by Zipf's law (a few very often, most once or twice).
DISTINCT_QUERIES = 20_000
WORDS = (
    "kurzy češtiny bydlení azyl pobyt víza tlumočník práce škola dávky zdravotní pojištění ukrajina "
    "dočasná ochrana osp cpic praha brno ostrava liberec jihlava zlín poradna rodina děti obec kraj "
    "курси житло робота школа захист lawyer housing work permit school insurance"
).split()


def generated_queries(rng):
    return [" ".join(rng.sample(WORDS, rng.randint(1, 4))) for _ in range(DISTINCT_QUERIES)]


def fill(rows, days, rng):
    from search.models import SearchLogEntry

    queries = generated_queries(rng)
    weights = [1 / rank for rank in range(1, len(queries) + 1)]
    now = timezone.now()
    started = time.perf_counter()
    for start in range(0, rows, BATCH):
        texts = rng.choices(queries, weights, k=min(BATCH, rows - start))
        batch = []
        for text in texts:
            results = 0 if rng.random() < 0.15 else rng.randint(1, 200)
            batch.append(
                SearchLogEntry(
                    search_id=uuid.uuid4().hex,
                    created_at=now - timedelta(seconds=rng.randint(0, days * 86400)),
                    source="page" if rng.random() < 0.8 else "api",
                    language=rng.choices(("cs", "uk", "en"), (7, 2, 1))[0],
                    query=text,
                    results=results,
                    partial=results > 0 and rng.random() < 0.1,
                    cross_language=rng.random() < 0.1,
                    meaning_only=rng.random() < 0.05,
                    backend="elasticsearch",
                    latency_ms=rng.randint(20, 400),
                    clicks=int(results > 0 and rng.random() < 0.6),
                )
            )
        SearchLogEntry.objects.bulk_create(batch)
    return time.perf_counter() - started


def timed(label, call):
    started = time.perf_counter()
    result = call()
    elapsed = (time.perf_counter() - started) * 1000
    print(f"  {label:<46} {elapsed:8.0f} ms")
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--days", type=int, default=180)
    args = parser.parse_args()
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        run(args)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run(args):
    from django.contrib.auth import get_user_model

    from search.console import daily, reports

    print(f"Database: {connection.vendor}")
    seconds = fill(args.rows, args.days, random.Random(19))
    print(f"Filled {args.rows:,} logged searches over {args.days} days in {seconds:.1f} s ({args.rows / seconds:,.0f} rows/s)")
    today = timezone.localdate()
    recent, whole = today - timedelta(days=29), today - timedelta(days=args.days)
    print("Reports on the raw log alone (nothing summed yet):")
    timed("top queries, last 30 days", lambda: reports.query_rows("top", recent, today))
    summed = timed("summing the finished days (daily.aggregate)", daily.aggregate)
    from search.models import SearchQueryDay

    print(f"  {summed} days summed into {SearchQueryDay.objects.count():,} daily rows")
    print("Reports with the daily counts (today from the raw log):")
    for report in reports.REPORTS:
        for label, start in (("last 30 days", recent), (f"{args.days} days", whole)):
            timed(f"{report}, {label}", lambda report=report, start=start: reports.query_rows(report, start, today))
            timed(f"{report}, {label}, Czech only", lambda report=report, start=start: reports.query_rows(report, start, today, "cs"))
    timed(f"trend per week, {args.days} days", lambda: reports.weekly(whole, today))
    admin = get_user_model().objects.create_superuser("bench", password="bench-only-password-1")
    client = Client()
    client.force_login(admin)
    print("Admin pages (whole request):")
    timed("reports page: zero results, last 30 days", lambda: client.get("/admin/search-console/", {"report": "zero"}))
    timed("raw log page, last 30 days", lambda: client.get("/admin/search-console/log/"))


if __name__ == "__main__":
    main()
