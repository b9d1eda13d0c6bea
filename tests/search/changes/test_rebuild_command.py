"""`manage.py rebuild_search_index`: every live page in, nothing else, readers never without an index."""

import io
import re

import pytest
from django.core.management import CommandError, call_command

from hub.manuals.models import ManualPage
from search.management.progress import ProgressBar
from search.query.pipeline import answer
from search.query.types import SearchQuery

pytestmark = pytest.mark.django_db


def rebuild(*args):
    output = io.StringIO()
    call_command("rebuild_search_index", *args, stdout=output)
    return output.getvalue()


def titles(backend, text):
    return sorted(hit.title for hit in answer(backend, SearchQuery(text=text)).hits)


def test_rebuild_replaces_the_index_with_the_live_pages(content_tree, configured_backend):
    live = content_tree.manuals.add_child(
        instance=ManualPage(title="Kurzy češtiny pro dospělé", slug="kurzy")
    )
    content_tree.manuals.add_child(
        instance=ManualPage(title="Kurzy češtiny rozepsané", slug="draft", live=False)
    )
    stale = content_tree.manuals.add_child(
        instance=ManualPage(title="Kurzy češtiny staré", slug="stare")
    )
    rebuild("--backend", configured_backend.name)
    assert titles(configured_backend, "kurzy češtiny") == [
        "Kurzy češtiny pro dospělé",
        "Kurzy češtiny staré",
    ]
    # Removed behind the outbox's back (a raw delete): a rebuild still brings the index in line.
    ManualPage.objects.filter(pk=stale.pk).update(live=False)

    output = rebuild("--backend", configured_backend.name)

    assert titles(configured_backend, "kurzy češtiny") == [live.title]
    # Not a terminal: no progress bar, one summary line per backend with counts and time.
    assert "█" not in output and "\r" not in output
    assert re.match(rf"{configured_backend.name}: 2 pages, [1-9]\d* passages indexed in ", output)
    assert "pages/s" in output and "passages/s" in output


def test_rebuild_without_backend_option_covers_elasticsearch_and_its_backup(
    content_tree, elasticsearch_backend, settings, tmp_path
):
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = elasticsearch_backend.url
    settings.ELASTICSEARCH_INDEX_PREFIX = elasticsearch_backend.index_prefix
    settings.SEARCH_EMBEDDED_PATH = tmp_path / "backup.sqlite3"

    output = rebuild()

    assert [line.split(":")[0] for line in output.splitlines()] == ["elasticsearch", "embedded"]
    assert titles(elasticsearch_backend, "CPIC Liberec") == ["CPIC Liberec"]


def test_rebuild_with_elasticsearch_down_fails_clearly(content_tree, settings):
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    errors = io.StringIO()

    with pytest.raises(CommandError, match="elasticsearch"):
        call_command(
            "rebuild_search_index",
            "--backend",
            "elasticsearch",
            stdout=io.StringIO(),
            stderr=errors,
        )

    assert "old index stays in use" in errors.getvalue()


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_draws_in_place_on_a_terminal_with_the_time_left():
    from django.core.management.base import OutputWrapper

    terminal = FakeTerminal()
    progress = ProgressBar(OutputWrapper(terminal), total=4, label="embedded")
    progress.advance()
    assert "25% 1/4" in terminal.getvalue()
    assert "left" in terminal.getvalue().rsplit("\r", 1)[-1]
    for _ in range(3):
        progress.advance()
    progress.finish()

    assert "\rembedded [" in terminal.getvalue()
    assert "100% 4/4" in terminal.getvalue()
    assert "left" not in terminal.getvalue().rsplit("\r", 1)[-1]


def test_an_outdated_index_is_reported_by_check_and_by_the_rebuild(content_tree, settings, tmp_path):
    from django.core import checks

    from search.engines.embedded import EmbeddedBackend

    settings.SEARCH_BACKEND = "embedded"
    settings.SEARCH_EMBEDDED_PATH = tmp_path / "old.sqlite3"
    backend = EmbeddedBackend.from_settings()
    backend.rebuild([])
    with backend._connection() as connection:
        connection.execute("UPDATE meta SET value = '1' WHERE key = 'layout'")

    [warning] = [message for message in checks.run_checks(tags=["search"]) if message.id == "search.W001"]
    assert "rebuild_search_index" in warning.hint

    output = rebuild("--backend", "embedded")
    assert "older layout" in output
    assert not checks.run_checks(tags=["search"])
