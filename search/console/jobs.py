"""The console's daily jobs, run by the worker (`process_search_outbox --loop`, search/changes/worker.py)."""

from hub.organisations.reminders import send_check_reminders
from search.console import daily
from search.console.relevance import run_checks


def daily_jobs(report):
    """Sum and purge the query log, run the relevance checks, remind editors of overdue pages; a line each."""
    deleted = daily.purge()
    passed, failed = run_checks()
    report(f"search console: {deleted} old logged searches deleted; relevance checks {passed} passed, {failed} failed")
    report(send_check_reminders().line())
