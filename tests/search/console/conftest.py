"""Searches over the embedded backend with the sample pages, and a fresh query-log queue per test."""

import pytest

from search.console import log
from search.engines.embedded import EmbeddedBackend
from tests.search import sample_pages as docs


@pytest.fixture(autouse=True)
def fresh_recorder(monkeypatch):
    """The queue and its per-minute caps are per process: one test's searches must not cap the next's."""
    recorder = log.Recorder()
    monkeypatch.setattr(log, "recorder", recorder)
    return recorder


@pytest.fixture
def index(settings, tmp_path, locales):
    settings.SEARCH_BACKEND = "embedded"
    settings.SEARCH_EMBEDDED_PATH = tmp_path / "search.sqlite3"
    backend = EmbeddedBackend.from_settings()
    backend.index_pages(docs.indexed(docs.ALL))
    return backend
