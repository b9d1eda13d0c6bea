"""More than one machine: several outbox workers, and a backup copy of the index on every app host.

The concurrent-workers test needs PostgreSQL's row locks (SQLite serialises writers anyway): it runs in
CI's PostgreSQL pass and is skipped in the SQLite one.
"""

import datetime
import threading
import time

import pytest
from django.db import connection, connections
from django.utils import timezone

from hub.manuals.models import ManualPage
from search.changes import consumers, log, outbox
from search.changes.worker import Worker
from search.engines.base import SearchBackend
from search.models import IndexCursor, IndexUpdate
from search.query.pipeline import answer
from search.query.types import SearchQuery
from tests.search.conftest import build_content_tree, following_embedded


class RecordingEngine(SearchBackend):
    """Remembers what it was sent and whether two workers ever wrote at the same time."""

    name = "recording"

    def __init__(self):
        self.indexed = []
        self.active = 0
        self.most_active = 0
        self.lock = threading.Lock()

    def index_pages(self, pages):
        with self.lock:
            self.active += 1
            self.most_active = max(self.most_active, self.active)
        time.sleep(0.01)  # a real engine takes a while: gives another worker the chance to overlap
        with self.lock:
            self.indexed += [page.page_id for page in pages]
            self.active -= 1

    def delete_pages(self, page_ids):
        pass

    def rebuild(self, pages, progress=None):
        raise NotImplementedError

    def layout_is_current(self):
        return True

    def vocabulary(self, parsed):
        raise NotImplementedError

    def retrieve(self, plan, level, size):
        raise NotImplementedError

    def browse(self, plan):
        raise NotImplementedError

    def stored_passages(self, passage_ids):
        raise NotImplementedError

    def autocomplete(self, prefix, locale, limit=8):
        raise NotImplementedError

    def is_available(self):
        return True


@pytest.mark.django_db(transaction=True)
def test_concurrent_workers_apply_every_change_and_never_at_the_same_time():
    if connection.vendor != "postgresql":
        pytest.skip("Row locks are PostgreSQL's; CI's PostgreSQL pass runs this test.")
    tree = build_content_tree()
    pages = [
        tree.manuals.add_child(instance=ManualPage(title=f"Kurzy {number}", slug=f"kurzy-{number}"))
        for number in range(40)
    ]
    for start in range(0, len(pages), 5):  # several publishing transactions
        outbox.enqueue_index(pages[start : start + 5])
    end = log.log_end()
    engine = RecordingEngine()
    claims = []

    deadline = time.monotonic() + 60  # a bug must fail the test, never hang the suite

    def worker():
        try:
            while time.monotonic() < deadline and not IndexCursor.objects.filter(
                consumer="engine:recording", position__gte=end
            ).exists():
                result = consumers.follow(consumers.EngineConsumer(engine), batch_size=5, max_batches=1)
                claims.append(not result.skipped)
                assert not result.errors, result.errors
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert sorted(engine.indexed) == sorted(page.pk for page in pages)
    assert engine.most_active == 1
    assert claims.count(False) > 0  # workers did meet, and stepped aside
    assert IndexCursor.objects.get(consumer="engine:recording").position == end


@pytest.mark.django_db
def test_every_host_keeps_its_own_copy_following_the_log(content_tree, tmp_path, settings):
    host_a = following_embedded(tmp_path / "a" / "search.sqlite3")
    host_b = following_embedded(tmp_path / "b" / "search.sqlite3")
    page = content_tree.manuals.add_child(
        instance=ManualPage(title="Tlumočníci v nemocnici", slug="tlumocnici", live=False)
    )
    page.save_revision().publish()

    consumers.follow(consumers.LocalCopyConsumer(host_a))
    assert answer(host_a, SearchQuery(text="tlumočníci")).total == 1
    assert answer(host_b, SearchQuery(text="tlumočníci")).total == 0  # not there yet

    consumers.follow(consumers.LocalCopyConsumer(host_b))
    assert answer(host_b, SearchQuery(text="tlumočníci")).total == 1
    assert host_a.log_position()[0] == host_b.log_position()[0] == log.log_end()


@pytest.mark.django_db
def test_a_copy_away_longer_than_the_log_is_kept_is_rebuilt_from_the_database(
    content_tree, tmp_path, settings
):
    settings.SEARCH_BACKEND = "embedded"
    away = following_embedded(tmp_path / "search.sqlite3")
    settings.SEARCH_EMBEDDED_PATH = away.path
    page = content_tree.manuals.add_child(
        instance=ManualPage(title="Tlumočníci v nemocnici", slug="tlumocnici", live=False)
    )
    page.save_revision().publish()
    long_ago = timezone.now() - datetime.timedelta(days=settings.SEARCH_CHANGE_LOG_RETENTION_DAYS + 1)
    IndexUpdate.objects.update(created_at=long_ago)

    assert log.purge_change_log() > 0
    consumer = consumers.LocalCopyConsumer(away)
    assert consumer.needs_rebuild()

    Worker(check_interval=0, find_consumers=lambda: [consumer], slow_step=False).run(once=True)

    assert not consumer.needs_rebuild()
    assert answer(away, SearchQuery(text="tlumočníci")).total == 1


@pytest.mark.django_db
def test_the_log_is_kept_until_the_engine_has_applied_it(content_tree, settings):
    page = content_tree.manuals.add_child(instance=ManualPage(title="Kurzy", slug="kurzy"))
    outbox.enqueue_index([page])
    IndexCursor.objects.create(consumer="engine:elasticsearch", position=0)
    long_ago = timezone.now() - datetime.timedelta(days=settings.SEARCH_CHANGE_LOG_RETENTION_DAYS + 1)
    IndexUpdate.objects.update(created_at=long_ago)

    assert log.purge_change_log() == 0  # Elasticsearch still needs it
    IndexCursor.objects.update(position=log.log_end())
    assert log.purge_change_log() == 1


def test_the_backup_feeder_starts_only_where_it_is_asked_for(settings):
    from search.changes.backup_feeder import start_backup_feeder

    settings.SEARCH_BACKUP_FEEDER = False
    assert start_backup_feeder() is None
