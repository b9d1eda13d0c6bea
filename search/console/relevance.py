"""Saved relevance checks: "this query finds this page in its first N results", run against the engine
readers use, so a synonym or ranking change that loses a known answer shows in the console that day.

A result counts when it is the page or one of its translations (a Czech page answering a Ukrainian
query is the right answer). A check whose page was deleted fails and says so.
"""

from django.utils import timezone
from wagtail.models import Page

from search.engines import failover
from search.models import RelevanceCheck
from search.query import pipeline
from search.query.types import SearchQuery
from search.vocabulary.analysis import fold

# Judged queries become checks that their first answering page is among the first results.
JUDGED_TOP = 5


def found_rank(check):
    """1-based rank of the check's page (or a translation of it) in the first `top` results, or None."""
    if check.page is None:
        return None
    query = SearchQuery(text=check.query, locale=check.language, per_page=check.top)
    results, _ = failover.answer(lambda engine: pipeline.answer(engine, query))
    key = str(check.page.translation_key)
    for rank, hit in enumerate(results.hits[: check.top], start=1):
        if hit.page_id == check.page_id or hit.translation_key == key:
            return rank
    return None


def run_checks(checks=None):
    """Run every check (or `checks`), store the outcome; returns (passed, failed)."""
    passed = failed = 0
    for check in checks if checks is not None else RelevanceCheck.objects.select_related("page"):
        check.rank = found_rank(check)
        check.passed = check.rank is not None
        check.last_run_at = timezone.now()
        check.save(update_fields=["rank", "passed", "last_run_at"])
        passed += check.passed
        failed += not check.passed
    return passed, failed


def load_judged(queries):
    """A check per judged query (search/quality/) whose answering page is live here: the page of its
    first answer found, in the query's language if there is one; returns how many were added."""
    pages = {}
    for page in Page.objects.live().select_related("locale").order_by("pk"):
        pages.setdefault(" ".join(fold(page.title).split()), []).append(page)
    added = 0
    for judged in queries:
        candidates = [page for answer in judged.answers for page in pages.get(" ".join(fold(answer.page).split()), [])]
        if not candidates:
            continue
        page = next((p for p in candidates if p.locale.language_code == judged.lang), candidates[0])
        _, created = RelevanceCheck.objects.get_or_create(
            language=judged.lang,
            query=judged.text,
            defaults={"page": page, "top": JUDGED_TOP, "note": f"search/quality/{judged.source} ({judged.category})"},
        )
        added += created
    return added
