"""The Elasticsearch index layout: mapping as code, alias swaps, and deletes that stay under their prefix."""

import pytest
from elasticsearch import Elasticsearch

from search.engines.elasticsearch import index as es_index
from search.query.pipeline import answer
from search.query.types import SearchQuery
from tests.search import sample_pages as docs

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
    es_index.index_pages(client, prefix, docs.indexed([docs.MANUAL]))

    [name] = es_index.live_indices(client, prefix)
    assert name.startswith(f"{prefix}-pages-v{es_index.INDEX_VERSION}-")
    mapping = client.indices.get_mapping(index=name)[name]["mappings"]
    assert mapping["_meta"] == es_index.mapping()["_meta"]
    assert mapping["dynamic"] == "strict"
    assert mapping["properties"]["title_stem"]["type"] == "text"
    assert mapping["properties"]["region"]["type"] == "keyword"
    settings = client.indices.get_settings(index=name)[name]["settings"]["index"]
    assert (settings["number_of_shards"], settings["number_of_replicas"]) == ("1", "0")
    assert es_index.layout_is_current(client, prefix) is True
    stored = client.get(index=es_index.alias_name(prefix), id=docs.MANUAL.indexed().passage_id(0))["_source"]
    # Only what a results page shows is stored; page text repeated on every passage is not.
    assert stored["locale"] == "cs" and stored["position"] == 0 and "lead" not in stored


def test_rebuild_swaps_the_alias_and_leaves_one_index(client, prefix, elasticsearch_backend):
    es_index.index_pages(client, prefix, docs.indexed([docs.MANUAL]))
    [old] = es_index.live_indices(client, prefix)
    progress = []

    loaded = es_index.rebuild(
        client, prefix, docs.indexed([docs.LANGUAGE_COURSES, docs.LIBEREC_CENTRE]), progress.append
    )

    assert loaded == 2 and sum(progress) == 2
    [new] = es_index.live_indices(client, prefix)
    assert new != old
    assert indices_under(client, prefix) == [new]
    assert stored_ids(client, prefix) == {docs.LANGUAGE_COURSES.indexed().passage_id(0), docs.LIBEREC_CENTRE.indexed().passage_id(0)}
    found = answer(elasticsearch_backend, SearchQuery(text="kurzy češtiny"))
    assert docs.LANGUAGE_COURSES.page_id in [hit.page_id for hit in found.hits]


def test_updates_during_a_rebuild_go_to_the_live_index_only(client, prefix):
    """The rebuild replays the change log into its new index (search/changes/rebuilding.py); writing to an
    index still loading is what let a killed rebuild's leftover keep receiving updates."""
    es_index.index_pages(client, prefix, docs.indexed([docs.MANUAL]))
    in_unfinished = []
    centre = docs.LIBEREC_CENTRE.indexed()

    def pages_while_an_editor_publishes():
        yield docs.LANGUAGE_COURSES.indexed()
        es_index.index_pages(client, prefix, [centre])
        [loading] = set(indices_under(client, prefix)) - set(es_index.live_indices(client, prefix))
        in_unfinished.append(client.exists(index=loading, id=centre.passage_id(0)).body)
        yield docs.MANUAL.indexed()

    es_index.rebuild(client, prefix, pages_while_an_editor_publishes())

    assert in_unfinished == [False]
    assert stored_ids(client, prefix) == {
        docs.MANUAL.indexed().passage_id(0),
        docs.LANGUAGE_COURSES.indexed().passage_id(0),
    }


def test_the_next_rebuild_removes_what_a_killed_one_left(client, prefix):
    es_index.index_pages(client, prefix, docs.indexed([docs.MANUAL]))
    leftover = es_index.new_index_name(prefix)
    es_index.create_index(client, leftover)  # as if kill -9 stopped a rebuild mid-load

    es_index.index_pages(client, prefix, docs.indexed([docs.LIBEREC_CENTRE]))
    client.indices.refresh(index=leftover)
    assert client.count(index=leftover)["count"] == 0

    es_index.rebuild(client, prefix, docs.indexed([docs.MANUAL]))

    assert leftover not in indices_under(client, prefix)
    assert len(indices_under(client, prefix)) == 1


def test_fingerprints_are_read_once_per_page_and_deleting_a_page_removes_all_its_passages(client, prefix):
    from dataclasses import replace

    long_body = " ".join(["Kurzy češtiny pro dospělé cizince pořádá centrum každý týden."] * 120)
    long_page = replace(docs.MANUAL, body=long_body, fingerprint="7|2024-01-01|/cs/x/|cs")
    es_index.index_pages(client, prefix, docs.indexed([long_page, docs.LIBEREC_CENTRE]))
    assert len(long_page.indexed().passages) > 3

    assert es_index.indexed_fingerprints(client, prefix) == {
        long_page.page_id: "7|2024-01-01|/cs/x/|cs",
        docs.LIBEREC_CENTRE.page_id: "",
    }
    es_index.delete_pages(client, prefix, [long_page.page_id])
    assert es_index.indexed_fingerprints(client, prefix) == {docs.LIBEREC_CENTRE.page_id: ""}
    assert stored_ids(client, prefix) == {docs.LIBEREC_CENTRE.indexed().passage_id(0)}


def test_a_failed_rebuild_keeps_the_old_index_live(client, prefix):
    es_index.index_pages(client, prefix, docs.indexed([docs.MANUAL]))
    [old] = es_index.live_indices(client, prefix)

    def broken_documents():
        yield docs.LANGUAGE_COURSES.indexed()
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        es_index.rebuild(client, prefix, broken_documents())

    assert es_index.live_indices(client, prefix) == [old]
    assert indices_under(client, prefix) == [old]


def test_a_passage_the_node_refuses_fails_the_rebuild_and_keeps_the_old_index_live(client, prefix):
    from dataclasses import replace

    from elasticsearch.helpers import BulkIndexError

    es_index.index_pages(client, prefix, docs.indexed([docs.MANUAL]))
    [old] = es_index.live_indices(client, prefix)
    good = docs.LANGUAGE_COURSES.indexed()
    refused = replace(good, page_id=99, facets={**good.facets, "no_such_field": ["x"]})  # strict mapping

    with pytest.raises(BulkIndexError):
        es_index.rebuild(client, prefix, [refused, *(replace(good, page_id=100 + n) for n in range(50))])

    assert es_index.live_indices(client, prefix) == [old]
    assert indices_under(client, prefix) == [old]


def test_drop_indices_refuses_foreign_or_wildcard_prefixes(client, prefix):
    neighbour = f"{prefix}-neighbour"
    es_index.index_pages(client, prefix, docs.indexed([docs.MANUAL]))
    es_index.index_pages(client, neighbour, docs.indexed([docs.MANUAL]))
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
        es_index.index_pages(client, "test-rozcestnik-unreachable", docs.indexed([docs.MANUAL]))
    assert "Connection" in type(raised.value).__name__


def test_a_page_edited_to_fewer_passages_leaves_none_behind(client, prefix):
    from dataclasses import replace

    long_body = " ".join(["Kurzy češtiny pro dospělé cizince pořádá centrum každý týden."] * 120)
    long_page = replace(docs.MANUAL, body=long_body)
    es_index.index_pages(client, prefix, docs.indexed([long_page, docs.LIBEREC_CENTRE]))
    assert len(stored_ids(client, prefix)) == len(long_page.indexed().passages) + 1 > 3

    es_index.index_pages(client, prefix, docs.indexed([docs.MANUAL]))
    assert stored_ids(client, prefix) == {"1-0", "3-0"}
    es_index.delete_pages(client, prefix, [docs.MANUAL.page_id])
    assert stored_ids(client, prefix) == {"3-0"}


def test_an_index_with_an_old_layout_is_recognised(client, prefix):
    es_index.index_pages(client, prefix, docs.indexed([docs.MANUAL]))
    [name] = es_index.live_indices(client, prefix)
    client.indices.put_mapping(index=name, meta={"version": 1})
    assert es_index.layout_is_current(client, prefix) is False
    assert es_index.layout_is_current(client, f"{prefix}-none") is None
