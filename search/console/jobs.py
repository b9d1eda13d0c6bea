"""The console's jobs, run by the worker (`process_search_outbox --loop`, search/changes/worker.py):
daily ones, and the frequent ones (every SEARCH_ALERTS_INTERVAL seconds) of e-mail alerts."""

from hub.organisations.reminders import send_check_reminders
from search.alerts.jobs import daily as alerts_daily
from search.alerts.jobs import frequent as alerts_frequent
from search.console import daily
from search.console.relevance import run_checks


def daily_jobs(report):
    """Sum and purge the query log, run the relevance checks, send the weekly alerts, remind editors of
    overdue pages; a line each."""
    deleted = daily.purge()
    passed, failed = run_checks()
    report(f"search console: {deleted} old logged searches deleted; relevance checks {passed} passed, {failed} failed")
    report(alerts_daily())
    report(send_check_reminders().line())


def frequent_jobs(report):
    report(alerts_frequent())
