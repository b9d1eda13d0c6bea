"""A circuit breaker per process in front of the primary search engine.

A frozen or dying Elasticsearch must not take the site down: without a breaker every search waits for
its timeout and holds a web worker meanwhile, so two workers serve a dozen requests in 25 seconds.
After `SEARCH_BREAKER_FAILURES` consecutive failures the breaker opens: searches go straight to the
backup engine and the publish request skips the engine, nobody waits. A background thread probes the
engine every `SEARCH_BREAKER_PROBE_INTERVAL` seconds (the cool-down); the first answer closes the
breaker, and listeners (the outbox worker) hear it so held-back updates are retried at once.

State lives in the process (a few attributes read without a lock on the hot path): each gunicorn
worker learns about an outage from its own first few failures, which costs a few short timeouts.
"""

import logging
import threading
import time

from django.conf import settings

logger = logging.getLogger(__name__)


class CircuitBreaker:
    def __init__(self, name, probe, failure_threshold, probe_interval):
        self.name = name
        self.probe = probe  # callable → bool: does the engine answer?
        self.failure_threshold = failure_threshold
        self.probe_interval = probe_interval
        self.failures = 0
        self.opened_at = None  # monotonic time, None while closed
        self._lock = threading.Lock()
        self._prober = None
        self._listeners = []

    @property
    def is_open(self):
        return self.opened_at is not None

    def allows(self):
        """True when callers may use the engine; cheap enough for every request."""
        return self.opened_at is None

    def record_success(self):
        if self.failures or self.opened_at is not None:
            with self._lock:
                self.failures = 0
                was_open, self.opened_at = self.opened_at is not None, None
            if was_open:
                self._closed()

    def record_failure(self):
        with self._lock:
            self.failures += 1
            if self.opened_at is not None or self.failures < self.failure_threshold:
                return
            self.opened_at = time.monotonic()
            logger.warning(
                "Search engine %s failed %d times in a row: searches use the backup engine "
                "and it is probed every %.1f s",
                self.name,
                self.failures,
                self.probe_interval,
            )
            if self._prober is None or not self._prober.is_alive():
                self._prober = threading.Thread(
                    target=self._probe_until_closed, name=f"breaker-probe-{self.name}", daemon=True
                )
                self._prober.start()

    def on_close(self, listener):
        """Call `listener()` whenever the engine answers again after an outage."""
        self._listeners.append(listener)

    def _probe_until_closed(self):
        while self.opened_at is not None:
            time.sleep(self.probe_interval)
            try:
                answers = self.probe()
            except Exception:  # a probe must never kill its thread; the engine is still down
                answers = False
            if answers:
                self.record_success()

    def _closed(self):
        logger.warning("Search engine %s answers again: breaker closed", self.name)
        for listener in list(self._listeners):
            try:
                listener()
            except Exception:
                logger.exception("Breaker listener failed")


_breakers = {}
_breakers_lock = threading.Lock()


def breaker_for(key, probe):
    """The process's breaker for one engine (`key`, e.g. its URL), created on first use."""
    breaker = _breakers.get(key)
    if breaker is None:
        with _breakers_lock:
            breaker = _breakers.get(key)
            if breaker is None:
                breaker = _breakers[key] = CircuitBreaker(
                    key,
                    probe,
                    failure_threshold=settings.SEARCH_BREAKER_FAILURES,
                    probe_interval=settings.SEARCH_BREAKER_PROBE_INTERVAL,
                )
    return breaker


def reset_breakers():
    """Forget every breaker (tests: one outage must not leak into the next test)."""
    with _breakers_lock:
        for breaker in _breakers.values():
            breaker.opened_at = None  # stops its prober
        _breakers.clear()
