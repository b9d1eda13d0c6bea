"""Passage vectors reach the index through the worker, never the publish request, and only once per text."""

import io

import pytest
from django.core.management import call_command

from hub.manuals.models import ManualPage
from search.changes import outbox
from search.models import IndexUpdate, PassageEmbedding
from search.query.parsing import parse_query
from search.query.types import SearchQuery
from search.vectors.pages import query_vector

pytestmark = pytest.mark.django_db

QUESTION = "how can a school support pupils from Ukraine"


def school_page(parent):
    return parent.add_child(
        instance=ManualPage(
            title="Začleňování žáků z Ukrajiny",
            slug="zaclenovani-zaku",
            summary="Jak škola podpoří děti cizinců: jazyková příprava v češtině a asistent pedagoga.",
            live=False,
        )
    )


def nearest(backend):
    """Czech passages near the question by their vectors, as the engine holds them."""
    parsed = parse_query(SearchQuery(text=QUESTION, locale="en"))
    [model_name, vector] = query_vector(QUESTION)
    return backend.nearest(parsed, vector, model_name, ["cs"], 5)


def api_results(client, text, lang):
    response = client.get("/api/search/", {"q": text, "lang": lang})
    assert response.status_code == 200
    return response.json()["results"]


def test_the_worker_embeds_what_the_publish_request_did_not(
    client, content_tree, configured_backend, semantic, publish, django_capture_on_commit_callbacks
):
    publish(school_page(content_tree.manuals))
    # Published and findable by its words at once, but no passage embedded in the editor's request.
    assert [hit["title"] for hit in api_results(client, "asistent pedagoga", "cs")] == ["Začleňování žáků z Ukrajiny"]
    assert not PassageEmbedding.objects.exists()
    assert nearest(configured_backend) == []

    with django_capture_on_commit_callbacks(execute=True):
        outbox.enrich_pending()
    outbox.process_pending()

    assert PassageEmbedding.objects.exists()
    assert nearest(configured_backend)
    [found] = [hit for hit in api_results(client, QUESTION, "en") if hit["title"] == "Začleňování žáků z Ukrajiny"]
    assert (found["locale"], found["cross_lingual"]) == ("cs", True)
    # The page logged again for its vectors is embedded already: nothing more to do.
    assert not outbox.enrich_pending().errors
    assert PassageEmbedding.objects.count() == len(PassageEmbedding.objects.values("text_hash").distinct())


def test_a_rebuild_reports_embedding_and_embeds_nothing_the_second_time(content_tree, configured_backend, semantic):
    first, second = io.StringIO(), io.StringIO()
    call_command("rebuild_search_index", "--backend", configured_backend.name, stdout=first)
    embedded = PassageEmbedding.objects.count()
    call_command("rebuild_search_index", "--backend", configured_backend.name, stdout=second)
    assert embedded > 0 and f"{embedded} passages embedded" in first.getvalue()
    assert "0 passages embedded" in second.getvalue()
    assert f"{embedded} found in the embedding cache" in second.getvalue()
    assert PassageEmbedding.objects.count() == embedded


def test_a_new_model_logs_every_page_for_embedding_once(content_tree, semantic):
    PassageEmbedding.objects.create(model_name="an-older-model", text_hash="0" * 64, dimensions=384, vector=b"")
    before = IndexUpdate.objects.count()
    logged = outbox.reembed_after_model_change()
    assert logged >= 1 and IndexUpdate.objects.count() == before + logged
    assert outbox.reembed_after_model_change() == 0


def test_an_embedder_that_cannot_load_leaves_search_lexical(client, content_tree, configured_backend, publish, settings):
    settings.SEARCH_EMBEDDER = "search.no_such_module.Embedder"
    publish(school_page(content_tree.manuals))
    out, errors = io.StringIO(), io.StringIO()
    call_command("rebuild_search_index", "--backend", configured_backend.name, stdout=out, stderr=errors)
    assert "Semantic search is off" in errors.getvalue()
    assert [hit["title"] for hit in api_results(client, "asistent pedagoga", "cs")] == ["Začleňování žáků z Ukrajiny"]


def test_the_dashboard_shows_how_far_embedding_has_got_until_it_is_done(
    admin_client, content_tree, configured_backend, semantic, publish, django_capture_on_commit_callbacks
):
    publish(school_page(content_tree.manuals))
    dashboard = admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="cs").content.decode()
    assert "Vyhledávání podle významu: 0\u00a0% pasáží, čeká se na indexovací proces" in dashboard

    with django_capture_on_commit_callbacks(execute=True):
        outbox.enrich_pending()
    outbox.process_pending()

    assert "Vyhledávání podle významu" not in admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="cs").content.decode()
