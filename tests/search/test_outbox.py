"""Publishing, unpublishing, moving and deleting pages keeps search fresh, also across an engine outage."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from hub.manuals.models import ManualPage
from search import indexing
from search.backends import get_backup_backend
from search.backends.base import SearchQuery
from search.backends.embedded import EmbeddedBackend
from search.models import IndexUpdate

pytestmark = pytest.mark.django_db

TITLE = "Tlumočníci pro obce v Libereckém kraji"


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish like the admin does: a revision, published, then the transaction commits."""

    def publish_page(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    return publish_page


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change and the outbox's after-commit work, as at the end of a request."""

    def run(change, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return change(*args, **kwargs)

    return run


def draft_manual(parent, title=TITLE, slug="tlumocnici"):
    return parent.add_child(
        instance=ManualPage(title=title, slug=slug, summary="Seznam tlumočníků.", live=False)
    )


def api_results(client, text):
    response = client.get("/api/search/", {"q": text, "lang": "cs"})
    assert response.status_code == 200
    return response.json()["results"]


def test_publish_makes_the_page_findable_within_the_request(
    client, content_tree, configured_backend, publish
):
    page = draft_manual(content_tree.manuals)
    assert api_results(client, "tlumočníci") == []

    publish(page)

    [result] = api_results(client, "tlumočníci")
    assert result["title"] == TITLE and result["url"] == "/cs/prirucky/tlumocnici/"
    assert IndexUpdate.objects.count() == 0


def test_saving_a_draft_changes_nothing(
    client, content_tree, configured_backend, publish, committed
):
    page = publish(draft_manual(content_tree.manuals))
    page.title = "Nový název, zatím neschválený"

    committed(page.save_revision)

    assert IndexUpdate.objects.count() == 0
    assert [result["title"] for result in api_results(client, "tlumočníci")] == [TITLE]
    assert api_results(client, "neschválený") == []


def test_unpublish_and_delete_remove_the_page(
    client, content_tree, configured_backend, publish, committed
):
    first = publish(draft_manual(content_tree.manuals))
    second = publish(
        draft_manual(content_tree.manuals, title="Tlumočníci ve školách", slug="skoly")
    )
    assert len(api_results(client, "tlumočníci")) == 2

    committed(first.unpublish)
    assert [result["title"] for result in api_results(client, "tlumočníci")] == [
        "Tlumočníci ve školách"
    ]

    committed(second.delete)
    assert api_results(client, "tlumočníci") == []
    assert IndexUpdate.objects.count() == 0


def test_moving_a_page_updates_its_url(
    client, content_tree, configured_backend, publish, committed
):
    page = publish(draft_manual(content_tree.manuals))

    committed(page.move, content_tree.organisation, pos="last-child")

    [result] = api_results(client, "tlumočníci")
    assert result["url"] == "/cs/organizace/cpic-liberec/tlumocnici/"


def test_renaming_an_organisation_renames_it_on_its_pages(
    content_tree, configured_backend, publish
):
    page = publish(draft_manual(content_tree.organisation))
    organisation = content_tree.organisation
    organisation.title = "CPIC Liberecký kraj"

    publish(organisation)

    results = configured_backend.search(
        SearchQuery(text="tlumočníci", filters={"organisation": ["CPIC Liberecký kraj"]})
    )
    assert [hit.page_id for hit in results.hits] == [page.pk]


def test_updates_for_one_page_are_applied_once(content_tree, tmp_path):
    page = draft_manual(content_tree.manuals)
    page.save_revision().publish()
    page.save_revision().publish()
    assert IndexUpdate.objects.filter(page_id=page.pk).count() == 2
    recording = RecordingBackend(tmp_path / "search.sqlite3")

    result = indexing.process_pending(backends=[recording])

    assert result.indexed == 1
    assert recording.indexed_ids == [[page.pk]]
    assert IndexUpdate.objects.count() == 0


class RecordingBackend(EmbeddedBackend):
    def __init__(self, path):
        super().__init__(path)
        self.indexed_ids = []

    def index_pages(self, pages):
        pages = list(pages)
        self.indexed_ids.append([page.page_id for page in pages])
        super().index_pages(pages)


@pytest.fixture
def elasticsearch_down(settings, tmp_path):
    """Elasticsearch configured but unreachable (nothing listens on port 9), the embedded backup beside it."""
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    settings.ELASTICSEARCH_TIMEOUT = 2
    settings.SEARCH_EMBEDDED_PATH = tmp_path / "backup.sqlite3"


def test_while_elasticsearch_is_down_updates_wait_and_pages_still_render(
    client, content_tree, elasticsearch_down, publish
):
    page = publish(draft_manual(content_tree.manuals))

    [row] = IndexUpdate.objects.all()
    assert (row.page_id, row.attempts) == (page.pk, 1)
    assert "elasticsearch" in row.last_error
    assert row.next_attempt_at > timezone.now()
    assert client.get(page.url).status_code == 200
    # The backup took the update; search answers from it meanwhile.
    assert get_backup_backend().search(SearchQuery(text="tlumočníci")).total == 1
    assert [result["title"] for result in api_results(client, "tlumočníci")] == [TITLE]

    # A retry before the backoff has passed does not hammer the dead engine.
    assert indexing.process_pending().failed_rows == 0
    assert IndexUpdate.objects.get().attempts == 1


def test_updates_kept_during_an_outage_are_applied_when_elasticsearch_returns(
    elasticsearch_backend, content_tree, elasticsearch_down, publish, settings
):
    # elasticsearch_backend comes first: it connects to the real node before the outage is configured.
    page = publish(draft_manual(content_tree.manuals))
    assert IndexUpdate.objects.get().attempts == 1

    settings.ELASTICSEARCH_URL = elasticsearch_backend.url
    settings.ELASTICSEARCH_INDEX_PREFIX = elasticsearch_backend.index_prefix
    IndexUpdate.objects.update(next_attempt_at=timezone.now() - datetime.timedelta(seconds=1))
    call_command("process_search_outbox")

    assert IndexUpdate.objects.count() == 0
    found = elasticsearch_backend.search(SearchQuery(text="tlumočníci"))
    assert [hit.page_id for hit in found.hits] == [page.pk]


def test_retry_delay_backs_off_up_to_a_ceiling():
    delays = [indexing.retry_delay(attempts) for attempts in (1, 2, 3, 20)]
    assert delays[0] < delays[1] < delays[2] <= delays[3] == indexing.MAX_RETRY
