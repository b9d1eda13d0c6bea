"""The Elasticsearch index layout: mapping as code, alias swaps, and deletes that stay under their prefix."""

import pytest
from elasticsearch import Elasticsearch

from search import es_index
from search.backends.base import SearchQuery
from tests.search import documents as docs

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]


@pytest.fixture
def client(elasticsearch_backend):
    return elasticsearch_backend.client


@pytest.fixture
def prefix(elasticsearch_backend):
    return elasticsearch_backend.index_prefix


def indices_under(client, prefix):
    return sorted(client.indices.get(index=es_index.index_pattern(prefix), allow_no_indices=True))


def stored_ids(client, prefix):
    """Ids of the documents readers can find through the alias."""
    response = client.search(index=es_index.alias_name(prefix), size=100, source=False)
    return {hit["_id"] for hit in response["hits"]["hits"]}


def test_first_write_creates_the_versioned_index_behind_the_alias(client, prefix):
    es_index.index_documents(client, prefix, [docs.MANUAL])

    [name] = es_index.live_indices(client, prefix)
    assert name.startswith(f"{prefix}-pages-v{es_index.INDEX_VERSION}-")
    mapping = client.indices.get_mapping(index=name)[name]["mappings"]
    assert mapping["_meta"] == {"version": es_index.INDEX_VERSION}
    assert mapping["dynamic"] == "strict"
    assert mapping["properties"]["title_stem"]["type"] == "text"
    assert mapping["properties"]["region"]["type"] == "keyword"
    settings = client.indices.get_settings(index=name)[name]["settings"]["index"]
    assert (settings["number_of_shards"], settings["number_of_replicas"]) == ("1", "0")
    assert es_index.index_version(client, prefix) == es_index.INDEX_VERSION
    stored = client.get(index=es_index.alias_name(prefix), id=docs.MANUAL.doc_id)["_source"]
    assert stored["title_suggest"] == "prirucka pro socialni pracovniky obci"
    assert stored["locale"] == "cs" and stored["year"] == ["2023"]


def test_rebuild_swaps_the_alias_and_leaves_one_index(client, prefix, elasticsearch_backend):
    es_index.index_documents(client, prefix, [docs.MANUAL])
    [old] = es_index.live_indices(client, prefix)
    progress = []

    loaded = es_index.rebuild(
        client, prefix, [docs.LANGUAGE_COURSES, docs.LIBEREC_CENTRE], progress.append
    )

    assert loaded == 2 and sum(progress) == 2
    [new] = es_index.live_indices(client, prefix)
    assert new != old
    assert indices_under(client, prefix) == [new]
    assert stored_ids(client, prefix) == {docs.LANGUAGE_COURSES.doc_id, docs.LIBEREC_CENTRE.doc_id}
    found = elasticsearch_backend.search(SearchQuery(text="kurzy češtiny"))
    assert docs.LANGUAGE_COURSES.page_id in [hit.page_id for hit in found.hits]


def test_updates_during_a_rebuild_go_to_the_live_index_only(client, prefix):
    """The rebuild replays the change log into its new index (search/rebuilding.py); writing to an
    index still loading is what let a killed rebuild's leftover keep receiving updates."""
    es_index.index_documents(client, prefix, [docs.MANUAL])
    in_unfinished = []

    def documents_while_an_editor_publishes():
        yield docs.LANGUAGE_COURSES
        es_index.index_documents(client, prefix, [docs.LIBEREC_CENTRE])
        [loading] = set(indices_under(client, prefix)) - set(es_index.live_indices(client, prefix))
        in_unfinished.append(client.exists(index=loading, id=docs.LIBEREC_CENTRE.doc_id).body)
        yield docs.MANUAL

    es_index.rebuild(client, prefix, documents_while_an_editor_publishes())

    assert in_unfinished == [False]
    assert stored_ids(client, prefix) == {docs.MANUAL.doc_id, docs.LANGUAGE_COURSES.doc_id}


def test_the_next_rebuild_removes_what_a_killed_one_left(client, prefix):
    es_index.index_documents(client, prefix, [docs.MANUAL])
    leftover = es_index.new_index_name(prefix)
    es_index.create_index(client, leftover)  # as if kill -9 stopped a rebuild mid-load

    es_index.index_documents(client, prefix, [docs.LIBEREC_CENTRE])
    client.indices.refresh(index=leftover)
    assert client.count(index=leftover)["count"] == 0

    es_index.rebuild(client, prefix, [docs.MANUAL])

    assert leftover not in indices_under(client, prefix)
    assert len(indices_under(client, prefix)) == 1


def test_a_failed_rebuild_keeps_the_old_index_live(client, prefix):
    es_index.index_documents(client, prefix, [docs.MANUAL])
    [old] = es_index.live_indices(client, prefix)

    def broken_documents():
        yield docs.LANGUAGE_COURSES
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        es_index.rebuild(client, prefix, broken_documents())

    assert es_index.live_indices(client, prefix) == [old]
    assert indices_under(client, prefix) == [old]


def test_drop_indices_refuses_foreign_or_wildcard_prefixes(client, prefix):
    neighbour = f"{prefix}-neighbour"
    es_index.index_documents(client, prefix, [docs.MANUAL])
    es_index.index_documents(client, neighbour, [docs.MANUAL])
    try:
        for unsafe in ("", "*", "test-*", f"{prefix},other", "_all"):
            with pytest.raises(ValueError):
                es_index.drop_indices(client, unsafe)

        es_index.drop_indices(client, prefix)

        assert indices_under(client, prefix) == []
        assert len(indices_under(client, neighbour)) == 1
    finally:
        es_index.drop_indices(client, neighbour)


def test_an_unreachable_node_raises_instead_of_hanging():
    client = Elasticsearch("http://127.0.0.1:9", request_timeout=2, max_retries=0)
    with pytest.raises(Exception) as raised:
        es_index.index_documents(client, "test-rozcestnik-unreachable", [docs.MANUAL])
    assert "Connection" in type(raised.value).__name__
