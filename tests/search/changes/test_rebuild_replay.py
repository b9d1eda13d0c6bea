"""Publishing while `rebuild_search_index` runs loses nothing, on both engines.

The publish happens between the rebuild reading the pages and swapping the new index in, and the
worker applies it to the old index right away (so its change is "processed" before the swap): the
rebuild still replays it into the new index.
"""

import pytest

from hub.manuals.models import ManualPage
from search.changes import outbox, rebuilding
from search.changes.log import log_end
from search.documents.pages import iter_indexed_pages
from search.query.pipeline import answer
from search.query.types import SearchQuery

pytestmark = pytest.mark.django_db


def titles(backend, text):
    return sorted(hit.title for hit in answer(backend, SearchQuery(text=text, per_page=50)).hits)


def test_changes_published_during_a_rebuild_reach_the_new_index(content_tree, configured_backend):
    renamed = content_tree.manuals.add_child(
        instance=ManualPage(title="Kurzy češtiny pro dospělé", slug="kurzy")
    )
    hidden = content_tree.manuals.add_child(instance=ManualPage(title="Kurzy češtiny staré", slug="stare"))
    added = content_tree.manuals.add_child(
        instance=ManualPage(title="Kurzy češtiny pro děti", slug="deti", live=False)
    )

    def pages_while_editors_publish():
        yield from iter_indexed_pages()  # every page read, as they were
        renamed.title = "Kurzy češtiny pro rodiče"
        renamed.save_revision().publish()
        hidden.unpublish()
        added.save_revision().publish()
        outbox.process_pending()  # the worker applies them to the old index at once

    rebuilding.rebuild(configured_backend, pages=pages_while_editors_publish())

    assert titles(configured_backend, "kurzy češtiny") == [
        "Kurzy češtiny pro děti",
        "Kurzy češtiny pro rodiče",
    ]


def test_a_second_rebuild_waits_for_the_first(content_tree, configured_backend):
    with rebuilding.rebuild_lock(rebuilding.lock_name(configured_backend)):
        with pytest.raises(rebuilding.RebuildRunning):
            rebuilding.rebuild(configured_backend)


def test_an_interrupted_embedded_rebuild_leaves_the_live_file_and_its_leftovers_go(
    content_tree, embedded_backend, settings
):
    settings.SEARCH_BACKEND = "embedded"
    settings.SEARCH_EMBEDDED_PATH = embedded_backend.path
    rebuilding.rebuild(embedded_backend)
    assert titles(embedded_backend, "CPIC Liberec") == ["CPIC Liberec"]

    def interrupted():
        yield from iter_indexed_pages()
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        rebuilding.rebuild(embedded_backend, pages=interrupted())

    assert titles(embedded_backend, "CPIC Liberec") == ["CPIC Liberec"]
    assert list(embedded_backend.path.parent.glob("*.new")) == []


class RecordingIndex:
    """An index being built that only notes what a replay writes into it."""

    name = "recording"

    def __init__(self):
        self.indexed = []

    def index_pages(self, pages):
        self.indexed.append(sorted(page.title for page in pages))

    def delete_pages(self, page_ids):
        pass


def test_the_replay_after_the_swap_applies_only_what_changed_since_the_one_before(content_tree):
    start = log_end()
    first = content_tree.manuals.add_child(instance=ManualPage(title="Kurzy před výměnou", slug="pred"))
    first.save_revision().publish()
    building = RecordingIndex()
    catch_up = rebuilding.replay_from(start)

    catch_up(building)  # before the swap
    second = content_tree.manuals.add_child(instance=ManualPage(title="Kurzy po výměně", slug="po"))
    second.save_revision().publish()
    catch_up(building)  # right after it

    assert building.indexed == [["Kurzy před výměnou"], ["Kurzy po výměně"]]
