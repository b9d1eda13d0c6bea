"""The outbox worker's loop (`process_search_outbox --loop`): survive anything transient, keep going.

Each pass: (1) the fast step, every consumer this process feeds follows the change log; an engine in
backoff is retried at once when it answers a cheap probe again; (2) housekeeping: a backup copy that
cannot follow the log (new, another layout, too far behind) is rebuilt, the indexes are compared with
the database every SEARCH_CHECK_INTERVAL seconds and repaired, old rows are purged hourly.
The slow step (attachment text a web process did not extract, later passage embeddings) runs in a
thread of its own, so a 20 MB PDF never delays a publish reaching the index, and at a lower CPU priority
(SEARCH_WORKER_NICENESS), so hours of embedding never slow readers' requests on the same cores. The
frequent jobs (immediate e-mail alerts, every SEARCH_ALERTS_INTERVAL seconds) run there too, so a slow
SMTP server never delays a publish either.

A database error (`database is locked`, a restarted PostgreSQL) or an engine failure is logged, the
pass ends, and the loop sleeps a little longer each time, up to MAX_PAUSE, then goes on.
"""

import logging
import os
import threading
import time

from django.conf import settings
from django.db import close_old_connections, connection

from search.changes import consumers, log, outbox
from search.changes.checking import check_index
from search.changes.rebuilding import RebuildRunning, rebuild
from search.engines.base import SearchUnavailable

logger = logging.getLogger(__name__)

# The longest pause after repeated failures; a failing pass is retried sooner at first.
MAX_PAUSE = 60
PURGE_INTERVAL = 3600
# The daily jobs the command hands in (the search console's log purge and relevance checks).
DAILY_INTERVAL = 24 * 3600


class Worker:
    """`find_consumers()` names what this loop feeds: by default every consumer of this process; a
    host's backup feeder passes only its local copy and no slow step (search/changes/backup_feeder.py)."""

    def __init__(
        self, interval=1.0, report=None, check_interval=None, find_consumers=None, slow_step=True, daily=None,
        frequent=None,
    ):
        self.daily = daily
        self.next_daily = time.monotonic()
        self.frequent = frequent
        self.next_frequent = time.monotonic()
        self.find_consumers = find_consumers or outbox.consumers
        self.slow_step = slow_step
        self.interval = interval
        self.report = report or (lambda line: None)
        self.check_interval = settings.SEARCH_CHECK_INTERVAL if check_interval is None else check_interval
        self.next_check = time.monotonic() + min(self.check_interval, 60)
        self.next_purge = time.monotonic()
        self.stopping = threading.Event()

    # --- one pass of each step -------------------------------------------------------------------

    def fast_pass(self):
        result = consumers.OutboxResult()
        cache = consumers.IndexedPageCache()
        for consumer in self.find_consumers():
            if isinstance(consumer, consumers.LocalCopyConsumer) and consumer.needs_rebuild():
                self.rebuild_copy(consumer.backend)
                continue
            force = log.engine_in_backoff(consumer) and consumer.backend.is_available()
            if force:
                self.report(f"{consumer.backend.name} answers again: retrying held-back changes now")
            result.add(consumers.follow(consumer, cache, force=force))
        return result

    def rebuild_copy(self, backend):
        self.report(f"{backend.name}: no usable position in the change log, rebuilding it")
        try:
            rebuild(backend)
        except RebuildRunning as error:
            self.report(str(error))

    def housekeeping(self):
        now = time.monotonic()
        if self.check_interval and now >= self.next_check:
            self.next_check = now + self.check_interval
            for consumer in self.find_consumers():
                try:
                    report = check_index(consumer.backend, repair=True)
                except SearchUnavailable as error:
                    self.report(f"{consumer.backend.name}: not checked: {error}")
                    continue
                if report.differences:
                    self.report(report.summary())
        if self.slow_step and now >= self.next_purge:
            self.next_purge = now + PURGE_INTERVAL
            purged = log.purge_change_log()
            if purged:
                self.report(f"{purged} processed changes older than the retention purged")
        if self.daily and self.slow_step and now >= self.next_daily:
            self.next_daily = now + DAILY_INTERVAL
            self.daily(self.report)

    def frequent_jobs(self):
        now = time.monotonic()
        if self.frequent and now >= self.next_frequent:
            self.next_frequent = now + settings.SEARCH_ALERTS_INTERVAL
            self.frequent(self.report)

    # --- loops -----------------------------------------------------------------------------------

    def run(self, once=False):
        if self.slow_step and not once:
            threading.Thread(target=self.slow_loop, name="search-enrichment", daemon=True).start()
        failures = 0
        while not self.stopping.is_set():
            refresh_connections()
            try:
                result = self.fast_pass()
                if result.applied or result.errors or result.failed_pages:
                    self.report(describe(result))
                self.housekeeping()
                failures = 1 if result.errors else 0
            except Exception:  # a database error or a bug: log it, pause, go on
                failures += 1
                logger.exception("Search outbox pass failed; retrying")
                refresh_connections()
            if once:
                return
            self.stopping.wait(min(self.interval * 2 ** max(failures - 1, 0), MAX_PAUSE))

    def slow_loop(self):
        lower_this_threads_priority(settings.SEARCH_WORKER_NICENESS)
        failures = 0
        while not self.stopping.is_set():
            refresh_connections()
            try:
                outbox.enrich_pending(self.stopping)
                self.frequent_jobs()
                failures = 0
            except Exception:
                failures += 1
                logger.exception("Search enrichment pass failed; retrying")
                refresh_connections()
            self.stopping.wait(min(self.interval * 2**failures, MAX_PAUSE))


def lower_this_threads_priority(niceness):
    """Run the calling thread at `niceness` (never raising its priority). On Linux niceness is per
    thread and inherited by the threads it starts, so the model's OpenMP threads, started by its first
    call here, yield the cores to the web processes too; elsewhere the whole process is lowered."""
    if not niceness or not hasattr(os, "setpriority"):
        return
    thread = threading.get_native_id() if os.uname().sysname == "Linux" else 0
    current = os.getpriority(os.PRIO_PROCESS, thread)
    os.setpriority(os.PRIO_PROCESS, thread, max(current, min(niceness, 19)))


def refresh_connections():
    """Drop database connections past their age or broken, as a request does; never inside a
    transaction the caller holds (a test, a management command wrapping the worker)."""
    if not connection.in_atomic_block:
        close_old_connections()


def describe(result):
    line = (
        f"{result.indexed} indexed, {result.deleted} deleted, {result.failed_pages} failed, "
        f"{outbox.pending_count()} pending"
    )
    if result.errors:
        line += " — " + "; ".join(f"{name}: {error}" for name, error in result.errors.items())
    return line
