"""Recording searches and clicks without slowing or failing a search.

A search is queued in memory while the request runs and written in bulk when the request has finished
(Django's request_finished signal, after the response went out), together with whatever other requests
of the process queued meanwhile. A failing write is logged and dropped: the reader got the results.

A search is counted once: its results page carries a signed search id (in the form, the pagination
links and the result links, never a cookie), and a request that brings back the id of the same query
within SEARCH_LOG_SESSION_SECONDS is a new page, filter or order of that search, not a new one.

Abuse: each process stores at most SEARCH_LOG_MAX_PER_MINUTE searches a minute, and an identical
query (same words, language and filters) at most SEARCH_LOG_REPEATS_PER_MINUTE times a minute; a
script hammering the API fills no more than that.
"""

import hashlib
import logging
import threading
import time
import uuid
from collections import Counter

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from search.console.privacy import normalised
from search.models import AutocompleteDay, SearchClick, SearchLogEntry

logger = logging.getLogger(__name__)
SIGNER_SALT = "search.console.log"
# Links the console opens to show an editor what readers saw carry this parameter: not a reader's search.
NOT_LOGGED_PARAM = "console"
PAGE, API = SearchLogEntry.Source.PAGE, SearchLogEntry.Source.API


class Recorder:
    """The process's queue of searches, clicks and autocomplete counts, and its per-minute caps."""

    def __init__(self):
        self.lock = threading.Lock()
        self.searches = []
        self.clicks = []
        self.autocomplete = Counter()
        self.minute = None
        self.stored_this_minute = 0
        self.repeats = Counter()

    def admit(self, key):
        """Whether the caps leave room for one more row this minute (and count it)."""
        minute = int(time.time() // 60)
        if minute != self.minute:
            self.minute, self.stored_this_minute = minute, 0
            self.repeats.clear()
        if self.stored_this_minute >= settings.SEARCH_LOG_MAX_PER_MINUTE:
            return False
        if key is not None:
            if self.repeats[key] >= settings.SEARCH_LOG_REPEATS_PER_MINUTE:
                return False
            self.repeats[key] += 1
        self.stored_this_minute += 1
        return True

    def add_search(self, entry, key):
        with self.lock:
            if self.admit(key):
                self.searches.append(entry)

    def add_click(self, click):
        with self.lock:
            if self.admit(None):
                self.clicks.append(click)

    def add_autocomplete(self, language):
        with self.lock:
            self.autocomplete[(timezone.localdate(), language)] += 1

    def take(self):
        with self.lock:
            taken = self.searches, self.clicks, self.autocomplete
            self.searches, self.clicks, self.autocomplete = [], [], Counter()
        return taken

    def flush(self):
        """Write what is queued; never raises: the reader already has the results."""
        if not (self.searches or self.clicks or self.autocomplete):
            return
        searches, clicks, autocomplete = self.take()
        try:
            with transaction.atomic():
                write(searches, clicks, autocomplete)
        except Exception:
            logger.exception("Search log: %s searches and %s clicks not written", len(searches), len(clicks))


recorder = Recorder()


def flush(**kwargs):
    """request_finished's receiver: write what this process queued."""
    recorder.flush()


def write(searches, clicks, autocomplete):
    SearchLogEntry.objects.bulk_create(searches)
    SearchClick.objects.bulk_create(clicks)
    for search_id, count in Counter(click.search_id for click in clicks).items():
        SearchLogEntry.objects.filter(search_id=search_id).update(clicks=F("clicks") + count)
    for (day, language), count in autocomplete.items():
        row, _ = AutocompleteDay.objects.get_or_create(day=day, language=language)
        AutocompleteDay.objects.filter(pk=row.pk).update(requests=F("requests") + count)


# --- search ids ---------------------------------------------------------------------------------


def query_hash(query, language):
    return hashlib.sha256(f"{language}|{query}".encode()).hexdigest()[:12]


def sign(search_id, query, language):
    return signing.TimestampSigner(salt=SIGNER_SALT).sign(f"{search_id}.{query_hash(query, language)}")


def unsign(token, max_age=None):
    """(search id, query hash) of a valid token, else None."""
    try:
        value = signing.TimestampSigner(salt=SIGNER_SALT).unsign(token or "", max_age=max_age)
    except signing.BadSignature:
        return None
    search_id, _, digest = value.partition(".")
    return search_id, digest


def continued_search(token, query, language):
    """The search id when `token` is a recent search id of the same query: another page or filter of it."""
    found = unsign(token, max_age=settings.SEARCH_LOG_SESSION_SECONDS)
    if found and found[1] == query_hash(query, language):
        return found[0]
    return None


# --- what the web room calls --------------------------------------------------------------------


def results_flags(results):
    """What the log says of an answer beside its count: partial, another language, meaning only."""
    hits = results.hits
    return {
        "partial": bool(results.partial),
        "cross_language": bool(results.fallback_locale or results.query_language)
        or any(hit.cross_lingual for hit in hits),
        "meaning_only": bool(hits) and (bool(results.weak) or all(hit.related for hit in hits)),
        "answer_shown": results.answer is not None,
    }


def log_search(params, query, results, latency, source):
    """Queue the search unless it continues one already logged; return its signed id for the links
    (None when it is not logged: an empty query, or opened from the console)."""
    text = normalised(query.text)
    if not text or params.get(NOT_LOGGED_PARAM):
        return None
    token = params.get("sid")
    if continued_search(token, text, query.locale):
        return token
    search_id = uuid.uuid4().hex
    backend = settings.SEARCH_BACKEND + (" (backup)" if results.from_backup else "")
    entry = SearchLogEntry(
        search_id=search_id,
        created_at=timezone.now(),
        source=source,
        language=query.locale,
        query_language=results.query_language or "",
        query=text,
        filters=query.filters,
        # The reader was told nothing matched: the editors' "without results" report is where it belongs.
        results=0 if results.weak else results.total,
        backend=backend[:40],
        latency_ms=round(latency * 1000),
        **results_flags(results),
    )
    key = (query.locale, text, tuple(sorted((name, tuple(values)) for name, values in query.filters.items())))
    recorder.add_search(entry, key)
    return sign(search_id, text, query.locale)


def log_click(token, url, position, page, promoted=False):
    """Queue a click on a result of a logged search; a forged or unknown id records nothing."""
    found = unsign(token)
    if not found:
        return
    recorder.add_click(
        SearchClick(
            search_id=found[0],
            created_at=timezone.now(),
            position=position,
            page=page,
            promoted=promoted,
            url=url[:500],
        )
    )


def log_autocomplete(language):
    recorder.add_autocomplete(language)


class Stopwatch:
    """Seconds a `with` block took: the latency the log records."""

    def __enter__(self):
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.started
