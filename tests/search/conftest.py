"""Backends under test: the embedded one in a temporary file, Elasticsearch under a unique test prefix."""

import uuid

import pytest
from django.conf import settings

from search.backends.base import SearchBackend
from tests.utils import require_service


@pytest.fixture
def embedded_backend(tmp_path):
    from search.backends.embedded import EmbeddedBackend

    return EmbeddedBackend(path=tmp_path / "search.sqlite3")


@pytest.fixture
def elasticsearch_backend():
    from search.backends.elasticsearch import ElasticsearchBackend

    url = settings.ELASTICSEARCH_URL
    require_service(bool(url), "Elasticsearch (ELASTICSEARCH_URL is not set)")
    # A prefix unique to this test keeps parallel runs apart; teardown deletes only indices under it.
    prefix = f"{settings.ELASTICSEARCH_INDEX_PREFIX}-{uuid.uuid4().hex[:8]}"
    backend = ElasticsearchBackend(url=url, index_prefix=prefix)
    require_service(backend.is_available(), f"Elasticsearch at {url}")
    yield backend
    backend.drop_indices()


@pytest.fixture(params=["embedded", "elasticsearch"])
def backend(request) -> SearchBackend:
    """Each contract test runs once per backend."""
    return request.getfixturevalue(f"{request.param}_backend")
