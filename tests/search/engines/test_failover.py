"""A frozen or failing Elasticsearch costs readers a few short waits, then the backup engine answers.

The frozen engine is a real socket that accepts connections and never answers, as a node stopped with
SIGSTOP does; counting its connections shows which searches still waited on it.
"""

import socket
import threading
import time

import pytest
from elasticsearch import ConnectionError as EngineConnectionError
from elasticsearch import Elasticsearch

from search.changes import log, outbox
from search.engines.breaker import CircuitBreaker
from search.engines.elasticsearch.engine import SearchRejected
from search.engines.embedded import EmbeddedBackend
from search.query.matching import plan_query
from search.query.parsing import parse_query
from search.query.pipeline import answer
from search.query.types import SearchQuery
from tests.search import sample_pages as docs

pytestmark = pytest.mark.django_db


class FrozenEngine:
    """Accepts TCP connections and never answers; counts the connections."""

    def __init__(self):
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(64)
        self.url = f"http://127.0.0.1:{self.server.getsockname()[1]}"
        self.connections = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            self.connections.append(connection)

    def close(self):
        self.server.close()
        for connection in self.connections:
            connection.close()


@pytest.fixture
def backup_index(settings, tmp_path, locales):
    settings.SEARCH_EMBEDDED_PATH = tmp_path / "backup.sqlite3"
    backup = EmbeddedBackend.from_settings()
    backup.index_pages(docs.indexed(docs.ALL))
    return backup


@pytest.fixture
def frozen_engine(settings, backup_index):
    engine = FrozenEngine()
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = engine.url
    settings.ELASTICSEARCH_SEARCH_TIMEOUT = 0.2
    settings.SEARCH_BREAKER_FAILURES = 3
    settings.SEARCH_BREAKER_PROBE_INTERVAL = 3600  # no probe during the test
    yield engine
    engine.close()


def test_after_a_few_timeouts_searches_stop_waiting_for_a_frozen_engine(client, frozen_engine):
    for _ in range(10):
        response = client.get("/api/search/", {"q": "tlumočníci", "lang": "cs"})
        assert response.status_code == 200
        assert response.json()["backup_engine"] is True
        assert response.json()["results"][0]["title"] == docs.LANGUAGE_COURSES.title

    # Three searches waited for their (short) timeout; the other seven never touched the engine.
    assert len(frozen_engine.connections) == 3


def test_autocomplete_and_the_home_page_do_not_wait_once_the_breaker_is_open(
    client, frozen_engine
):
    for _ in range(3):
        client.get("/api/search/", {"q": "kurzy", "lang": "cs"})
    waited = len(frozen_engine.connections)

    response = client.get("/api/search/autocomplete/", {"q": "tlum", "lang": "cs"})

    assert response.status_code == 200
    assert docs.LANGUAGE_COURSES.title in [item["title"] for item in response.json()["results"]]
    assert len(frozen_engine.connections) == waited


def test_readers_are_told_discreetly_that_the_backup_engine_answered(client, frozen_engine):
    html = client.get("/cs/search/", {"q": "tlumočníci"}).content.decode()
    assert "search-backup" in html
    assert docs.LANGUAGE_COURSES.title in html


def test_no_notice_when_the_primary_engine_answers(client, backup_index, settings):
    settings.SEARCH_BACKEND = "embedded"
    html = client.get("/cs/search/", {"q": "tlumočníci"}).content.decode()
    assert "search-backup" not in html
    assert docs.LANGUAGE_COURSES.title in html


def test_a_failure_between_the_matching_and_the_excerpts_falls_back(
    client, elasticsearch_backend, backup_index, settings, monkeypatch
):
    """The node finds the passages, then fails on reading their text (it died in between)."""
    elasticsearch_backend.index_pages(docs.indexed(docs.ALL))
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = elasticsearch_backend.url
    settings.ELASTICSEARCH_INDEX_PREFIX = elasticsearch_backend.index_prefix

    def node_gone(self, *args, **kwargs):
        raise EngineConnectionError("connection refused")

    monkeypatch.setattr(Elasticsearch, "mget", node_gone)

    response = client.get("/cs/search/", {"q": "metodikka liberec"})

    assert response.status_code == 200
    assert "search-backup" in response.content.decode()


def test_a_query_the_engine_rejects_is_the_readers_error_not_an_outage(
    elasticsearch_backend,
):
    elasticsearch_backend.index_pages(docs.indexed(docs.ALL))
    parsed = parse_query(SearchQuery(text="kurzy"))
    plan = plan_query(parsed, elasticsearch_backend.vocabulary(parsed))
    # Beyond Elasticsearch's result window (10,000): the node answers 400.
    with pytest.raises(SearchRejected):
        elasticsearch_backend.retrieve(plan, plan.levels()[0], 20_000)
    assert elasticsearch_backend.breaker.failures == 0


def test_a_huge_filter_value_is_a_400_on_the_page_and_the_api(client, backup_index, settings):
    settings.SEARCH_BACKEND = "embedded"
    huge = "x" * 100_000
    api = client.get("/api/search/", {"q": "kurzy", "lang": "cs", "region": huge})
    page = client.get("/cs/search/", {"q": "kurzy", "region": huge})
    assert api.status_code == 400 and "255" in api.json()["error"]
    assert page.status_code == 400


def wait_until(condition, seconds=5.0):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)
    return condition()


def test_breaker_opens_after_the_threshold_and_a_probe_closes_it():
    engine_answers = threading.Event()
    closed = threading.Event()
    breaker = CircuitBreaker("test", engine_answers.is_set, failure_threshold=3, probe_interval=0.01)
    breaker.on_close(closed.set)

    breaker.record_failure()
    breaker.record_failure()
    assert breaker.allows()
    breaker.record_failure()
    assert not breaker.allows()

    engine_answers.set()
    assert wait_until(breaker.allows)
    assert closed.wait(5)
    assert breaker.failures == 0


def test_a_success_resets_the_count_of_failures():
    breaker = CircuitBreaker("test", lambda: False, failure_threshold=3, probe_interval=60)
    breaker.record_failure()
    breaker.record_failure()
    breaker.record_success()
    breaker.record_failure()
    assert breaker.allows()


def test_the_api_answers_json_when_the_database_fails(client, backup_index, settings, monkeypatch):
    from django.db import OperationalError

    settings.SEARCH_BACKEND = "embedded"

    def database_locked(locale):
        raise OperationalError("database is locked")

    monkeypatch.setattr("search.query.parsing.synonym_set", database_locked)
    response = client.get("/api/search/", {"q": "kurzy", "lang": "cs"})

    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert "unavailable" in response.json()["error"]


def test_pages_that_do_not_search_and_publishing_never_wait_on_a_frozen_engine(
    client, frozen_engine, settings, django_capture_on_commit_callbacks
):
    from hub.manuals.models import ManualPage
    from tests.search.conftest import build_content_tree

    tree = build_content_tree()
    settings.SEARCH_EMBEDDED_PATH.unlink()  # the backup copy starts following the log from here
    backup = EmbeddedBackend.from_settings()
    backup.apply_changes([], [], position=log.log_end(), gaps={})
    assert client.get("/cs/prirucky/").status_code == 200  # a listing: no engine involved
    assert frozen_engine.connections == []
    for _ in range(3):  # readers' searches open the breaker
        client.get("/api/search/", {"q": "kurzy", "lang": "cs"})
    waited = len(frozen_engine.connections)
    page = tree.manuals.add_child(instance=ManualPage(title="Tlumočníci v nemocnici", slug="t", live=False))

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    assert len(frozen_engine.connections) == waited  # the publish request skipped the engine
    assert answer(backup, SearchQuery(text="tlumočníci")).total == 1  # the backup copy has it
    assert outbox.pending_count() == 1  # Elasticsearch gets it from the worker
