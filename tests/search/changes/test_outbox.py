"""Publishing, unpublishing, moving and deleting pages keeps search fresh, also across an engine outage."""

import io

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.utils import timezone

from hub.manuals.models import ManualPage
from search.changes import consumers, log, outbox
from search.changes.worker import Worker
from search.engines import get_backup_backend
from search.engines.embedded import EmbeddedBackend
from search.models import IndexCursor, IndexUpdate
from search.query.pipeline import answer
from search.query.types import SearchQuery
from tests.search.conftest import following_embedded

pytestmark = pytest.mark.django_db

TITLE = "Tlumočníci pro obce v Libereckém kraji"


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
    assert outbox.pending_count() == 0


def test_saving_a_draft_changes_nothing(
    client, content_tree, configured_backend, publish, committed
):
    page = publish(draft_manual(content_tree.manuals))
    logged = IndexUpdate.objects.count()
    page.title = "Nový název, zatím neschválený"

    committed(page.save_revision)

    assert IndexUpdate.objects.count() == logged
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
    assert outbox.pending_count() == 0


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

    results = answer(
        configured_backend, SearchQuery(text="tlumočníci", filters={"organisation": ["CPIC Liberecký kraj"]})
    )
    assert [hit.page_id for hit in results.hits] == [page.pk]


class RecordingBackend(EmbeddedBackend):
    def __init__(self, path):
        super().__init__(path)
        self.indexed_ids = []

    def apply_changes(self, pages, deleted_ids, position, gaps):
        pages = list(pages)
        self.indexed_ids.append([page.page_id for page in pages])
        super().apply_changes(pages, deleted_ids, position, gaps)


def test_updates_for_one_page_are_applied_once(content_tree, tmp_path):
    page = draft_manual(content_tree.manuals)
    page.save_revision().publish()
    page.save_revision().publish()
    assert IndexUpdate.objects.filter(page_id=page.pk).count() == 2
    recording = RecordingBackend(following_embedded(tmp_path / "search.sqlite3").path)

    result = consumers.follow(consumers.LocalCopyConsumer(recording))

    assert result.indexed == 1
    assert recording.indexed_ids == [[page.pk]]
    assert recording.log_position()[0] == log.log_end()


def test_the_publish_request_applies_a_bounded_batch_and_leaves_the_rest_to_the_worker(
    content_tree, configured_backend, committed
):
    pages = [
        draft_manual(content_tree.manuals, title=f"Tlumočníci {number}", slug=f"t-{number}")
        for number in range(outbox.REQUEST_BATCH + 5)
    ]
    for page in pages:
        page.save_revision().publish()  # logged, but nothing applied: no commit yet

    committed(outbox.enqueue_index, pages[:1])  # a commit: the request applies one batch

    assert outbox.pending_count() > 0
    Worker(check_interval=0).run(once=True)
    assert outbox.pending_count() == 0
    assert answer(configured_backend, SearchQuery(text="tlumočníci", per_page=100)).total == len(pages)


def test_the_log_is_read_again_where_a_transaction_was_still_open():
    """Ids are handed out before commit: a missing id is read again until it shows up (or times out)."""
    cursor = log.Cursor(position=10)
    first = [IndexUpdate(id=11), IndexUpdate(id=13)]

    after = cursor.advanced(first, now=1000.0)

    assert after.position == 13 and set(after.gaps) == {"12"}
    assert after.advanced([IndexUpdate(id=12)], now=1001.0).gaps == {}
    timed_out = after.advanced([], now=1000.0 + log.GAP_TIMEOUT.total_seconds() + 1)
    assert timed_out.gaps == {} and timed_out.position == 13


@pytest.fixture
def elasticsearch_down(settings, tmp_path):
    """Elasticsearch configured but unreachable (nothing listens on port 9), the embedded backup beside it."""
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    settings.ELASTICSEARCH_TIMEOUT = 2
    settings.SEARCH_EMBEDDED_PATH = following_embedded(tmp_path / "backup.sqlite3").path


def engine_cursor():
    return IndexCursor.objects.get(consumer="engine:elasticsearch")


def test_while_elasticsearch_is_down_updates_wait_and_pages_still_render(
    client, content_tree, elasticsearch_down, publish
):
    page = publish(draft_manual(content_tree.manuals))

    cursor = engine_cursor()
    assert cursor.failures == 1 and "ConnectionError" in cursor.last_error
    assert cursor.retry_at > timezone.now()
    assert outbox.pending_count() == 1
    assert client.get(page.url).status_code == 200
    # The backup took the update; search answers from it meanwhile.
    assert answer(get_backup_backend(), SearchQuery(text="tlumočníci")).total == 1
    assert [result["title"] for result in api_results(client, "tlumočníci")] == [TITLE]

    # A retry before the backoff has passed does not hammer the dead engine.
    assert "engine:elasticsearch" in outbox.process_pending().skipped
    assert engine_cursor().failures == 1


def test_the_worker_retries_at_once_when_elasticsearch_answers_again(
    elasticsearch_backend, content_tree, elasticsearch_down, publish, settings
):
    # elasticsearch_backend comes first: it connects to the real node before the outage is configured.
    page = publish(draft_manual(content_tree.manuals))
    assert engine_cursor().retry_at > timezone.now()

    settings.ELASTICSEARCH_URL = elasticsearch_backend.url
    settings.ELASTICSEARCH_INDEX_PREFIX = elasticsearch_backend.index_prefix
    Worker(check_interval=0).run(once=True)  # the backoff has not passed: the probe decides

    assert outbox.pending_count() == 0
    found = answer(elasticsearch_backend, SearchQuery(text="tlumočníci"))
    assert [hit.page_id for hit in found.hits] == [page.pk]


def test_retry_now_forgets_the_backoff(
    elasticsearch_backend, content_tree, elasticsearch_down, publish, settings
):
    publish(draft_manual(content_tree.manuals))
    settings.ELASTICSEARCH_URL = elasticsearch_backend.url
    settings.ELASTICSEARCH_INDEX_PREFIX = elasticsearch_backend.index_prefix
    output = io.StringIO()

    call_command("process_search_outbox", "--retry-now", stdout=output)

    assert "1 engines in backoff" in output.getvalue()
    assert outbox.pending_count() == 0
    assert engine_cursor().failures == 0


def test_retry_delay_backs_off_up_to_a_ceiling():
    delays = [consumers.retry_delay(failures) for failures in (1, 2, 3, 20)]
    assert delays[0] < delays[1] < delays[2] <= delays[3] == consumers.MAX_RETRY


def test_the_worker_survives_a_locked_database(
    content_tree, configured_backend, publish, monkeypatch, caplog
):
    page = draft_manual(content_tree.manuals)
    page.save_revision().publish()  # logged, not applied
    real_follow = consumers.follow
    calls = []

    def locked_once(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("database is locked")
        return real_follow(*args, **kwargs)

    monkeypatch.setattr(consumers, "follow", locked_once)
    worker = Worker(check_interval=0)

    worker.run(once=True)  # logs and returns instead of dying
    assert "database is locked" in caplog.text
    worker.run(once=True)

    assert outbox.pending_count() == 0
    assert answer(configured_backend, SearchQuery(text="tlumočníci")).total == 1
