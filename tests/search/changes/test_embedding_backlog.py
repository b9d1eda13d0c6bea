"""Several workers, on one machine or several, share the embedding backlog and embed no passage twice.

Three worker processes against one PostgreSQL database, as three machines would be: PostgreSQL's row
locks (SELECT … FOR UPDATE SKIP LOCKED) are what the test proves, so it is skipped on SQLite and runs in
CI's PostgreSQL pass, where it must pass.
"""

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection

from hub.manuals.models import ManualPage
from search.changes import backlog, consumers, outbox
from search.documents.pages import iter_indexed_pages
from search.models import EmbeddingTask, IndexUpdate, PassageEmbedding
from search.vectors.cache import text_hash
from search.vectors.pages import passage_texts
from tests.search.changes.backlog_worker import RECORD
from tests.search.conftest import build_content_tree
from tests.utils import running_in_ci

WORKERS = 3
ROOT = Path(django_settings.BASE_DIR)


def require_postgresql():
    if connection.vendor == "postgresql":
        return
    if running_in_ci() and os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.fail("DATABASE_URL names PostgreSQL but the tests run on another database.", pytrace=False)
    pytest.skip("Needs PostgreSQL (DATABASE_URL): SQLite has no row locks to share a backlog with.")


def database_url():
    database = connection.settings_dict
    return (
        f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:{database['PORT']}/"
        f"{database['NAME']}"
    )


@pytest.mark.django_db(transaction=True)
def test_three_worker_processes_share_the_backlog_and_embed_no_passage_twice(settings, tmp_path):
    require_postgresql()
    settings.SEARCH_EMBEDDER = "tests.search.changes.backlog_worker.RecordingEmbedder"
    tree = build_content_tree()
    pages = [
        tree.manuals.add_child(
            instance=ManualPage(
                title=f"Kurzy češtiny {number}",
                slug=f"kurzy-{number}",
                summary=f"Kurz číslo {number} pro dospělé cizince, večerní i víkendový.",
            )
        )
        for number in range(30)
    ]
    outbox.enqueue_index(pages)
    consumers.follow(outbox.EnrichmentStep())  # reads the log: every page lacks vectors
    assert backlog.pending() == len(pages)
    ids = {page.pk for page in pages}
    expected = {
        text_hash(text) for page in iter_indexed_pages() if page.page_id in ids for text in passage_texts(page)
    }

    record = tmp_path / "embedded.tsv"
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.search.changes.backlog_worker", str(tmp_path), str(WORKERS)],
            cwd=ROOT,
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "hub.settings.test",
                "DATABASE_URL": database_url(),
                "ROZCESTNIK_VAR_DIR": str(tmp_path / f"var-{number}"),
                RECORD: str(record),
            },
        )
        for number in range(WORKERS)
    ]
    for worker in workers:
        assert worker.wait(timeout=120) == 0

    embedded = [line.split("\t") for line in record.read_text().splitlines()]
    times_embedded = Counter(digest for _, digest in embedded)
    assert set(times_embedded) == expected
    assert max(times_embedded.values()) == 1  # no passage twice
    assert len({pid for pid, _ in embedded}) > 1  # and the work was shared
    assert not EmbeddingTask.objects.exists()
    assert set(PassageEmbedding.objects.values_list("text_hash", flat=True)) == expected
    relogged = IndexUpdate.objects.filter(action=IndexUpdate.Action.INDEX).values_list("page_id", flat=True)
    assert Counter(relogged) == Counter({page.pk: 2 for page in pages})  # published, then with vectors
