"""`manage.py import_documents`: batches, per-file report, exit status, idempotency, the seed documents."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Page

from hub.goals.models import OperationalGoalsPage
from hub.ingest.models import ImportedFile
from hub.manuals.models import ManualPage
from tests.hub.ingest.conftest import MANUAL_TEXT, SEEDS_DIR, build_page_tree, docx_bytes, pdf_bytes
from tests.hub.ingest.test_cleaning import GOAL_COUNTS, RECOMMENDATION_CHAPTERS
from tests.utils import require_service


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_documents", *map(str, args), stdout=out, stderr=err)
    except CommandError as error:
        return 1, out.getvalue(), err.getvalue() + str(error)
    return 0, out.getvalue(), err.getvalue()


@pytest.fixture
def batch(tmp_path):
    folder = tmp_path / "dokumenty"
    folder.mkdir()
    (folder / "a-prirucka.txt").write_text(MANUAL_TEXT, encoding="utf-8")
    (folder / "b-pruvodce.pdf").write_bytes(pdf_bytes([["Pruvodce", "", "Text pruvodce."]]))
    (folder / "c-metodika.docx").write_bytes(docx_bytes())
    (folder / "poznamky.md").write_text("# not imported")
    return folder


def test_folder_is_imported_with_a_line_per_page(tree, batch):
    status, out, err = run(batch)
    assert status == 0
    assert "[1/3] a-prirucka.txt" in out  # not a terminal: plain progress lines
    assert "created  Příručka pro obce (id " in out and "draft)" in out
    assert "created  Metodika pro sociální pracovníky" in out
    assert "3 of 3 files imported." in out
    assert "poznamky.md: skipped" in err
    assert ManualPage.objects.count() == 3


def test_bad_files_are_reported_and_the_rest_of_the_batch_is_imported(tree, batch):
    (batch / "d-zamceny.pdf").write_bytes(pdf_bytes([["Tajne"]], password="heslo"))
    (batch / "e-prejmenovany.pdf").write_bytes(docx_bytes())
    (batch / "f-prazdny.txt").write_bytes(b"")

    status, out, err = run(batch)

    assert status == 1
    assert "FAILED  d-zamceny.pdf: the PDF is password-protected" in out
    assert (
        "FAILED  e-prejmenovany.pdf: the file is not a PDF file but looks like a Word (DOCX) document"
        in out
    )
    assert "FAILED  f-prazdny.txt: the file is empty" in out
    assert "3 of 6 files imported; 3 failed." in err
    assert ManualPage.objects.count() == 3
    assert ImportedFile.objects.count() == 3
    assert get_document_model().objects.count() == 3


def test_importing_twice_reports_unchanged_files_and_creates_nothing(tree, batch):
    run(batch, "--publish")
    status, out, _err = run(batch, "--publish")
    assert status == 0
    assert out.count("unchanged  ") == 3
    assert ManualPage.objects.count() == 3 and ManualPage.objects.live().count() == 3

    status, out, _err = run(batch / "a-prirucka.txt", "--force")
    assert "updated  Příručka pro obce" in out
    assert ManualPage.objects.count() == 3


def test_dry_run_reports_without_saving(tree, batch):
    status, out, _err = run(batch, "--dry-run")
    assert status == 0 and "would import  a-prirucka.txt" in out and "dry run" in out
    assert ManualPage.objects.count() == 0


def test_unknown_parent_locale_and_paths_stop_before_importing(tree, batch):
    assert "no page" in run(batch, "--parent", "/nikde/")[2]
    assert "no content language" in run(batch, "--locale", "de")[2]
    assert "no such file" in run(batch / "chybi.txt")[2]


def test_explicit_parent_and_type(tree, batch):
    status, out, _err = run(
        batch / "a-prirucka.txt", "--parent", tree.benesov.pk, "--type", "good_practice"
    )
    assert status == 0
    assert "as good practice" in out
    assert Page.objects.child_of(tree.benesov).get().title == "Příručka pro obce"


def test_missing_section_page_fails_every_file_clearly(tree, batch):
    tree.manuals.delete()
    status, out, _err = run(batch / "a-prirucka.txt")
    assert status == 1 and "pass --parent" in out


@pytest.mark.seeds
class TestSeedDocuments:
    """All five seed documents imported once for the class; the assertions read the pages made."""

    @pytest.fixture(scope="class")
    def imported(self, django_db_setup, django_db_blocker, tmp_path_factory):
        require_service(SEEDS_DIR.exists(), "the seed documents")
        from django.conf import settings

        settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
        with django_db_blocker.unblock(), transaction.atomic():
            tree = build_page_tree()
            status, out, err = run(SEEDS_DIR, "--publish")
            yield tree, status, out, err
            transaction.set_rollback(True)

    @pytest.fixture(autouse=True)
    def media_in_tmp(self):
        """The class fixture sets MEDIA_ROOT once for all its tests."""

    def test_all_five_are_imported(self, imported, db):
        _tree, status, out, err = imported
        assert status == 0, out + err
        assert "5 of 5 files imported." in out

    def test_recommendations_have_their_chapters(self, imported, db):
        pages = ManualPage.objects.filter(title__startswith="Doporučení pro fungování")
        assert (
            pages.count() == 2
        )  # 000 and 001 are two extractions of one PDF, imported as two files
        for page in pages:
            headings = [block.value["text"] for block in page.body if block.block_type == "heading"]
            assert headings == RECOMMENDATION_CHAPTERS
            assert page.source_documents.get().document.filename.endswith(".txt")
            assert 'href="https://www.charita.cz/jak-pomahame/doma/integrace-cizincu/"' in str(
                page.body
            )

    def test_goals_become_a_page_per_branch(self, imported, db):
        tree = imported[0]
        pages = {page.title.split(":")[0]: page for page in OperationalGoalsPage.objects.live()}
        assert {title: page.goals.count() for title, page in pages.items()} == GOAL_COUNTS
        benesov = pages["CPIC Benešov"]
        assert benesov.year == 2024 and benesov.organisation_id == tree.benesov.pk
        assert benesov.get_parent().pk == tree.goals.pk
        assert benesov.goals.filter(target="Minimálně 1x týdně").exists()

    def test_other_manuals(self, imported, db):
        titles = set(ManualPage.objects.values_list("title", flat=True))
        assert {"Města a inkluzivní strategie", "Poslání Integračního centra Praha"} <= titles


def test_an_unexpected_error_in_one_file_does_not_stop_the_batch(tree, batch, monkeypatch):
    from hub.ingest import importer

    original_clean_text = importer.clean_text

    def failing_for_the_methodology(text, **kwargs):
        if "Metodika" in text:
            raise RuntimeError("boom")
        return original_clean_text(text, **kwargs)

    monkeypatch.setattr(importer, "clean_text", failing_for_the_methodology)
    status, out, _err = run(batch)
    assert status == 1
    assert "FAILED  c-metodika.docx: unexpected error: RuntimeError('boom')" in out
    assert ManualPage.objects.count() == 2


def test_progress_is_a_bar_on_a_terminal():
    from django.core.management.base import OutputWrapper

    from hub.ingest.management.commands.import_documents import Progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    progress = Progress(OutputWrapper(terminal), total=2)
    progress.show(1, "a.txt")
    progress.report("imported  a.txt")
    progress.show(2, "b.txt")
    progress.finish()
    output = terminal.getvalue()
    assert "\r[" + "." * 30 + "] 1/2 a.txt" in output
    assert "imported  a.txt\n" in output
    assert "\r[" + "#" * 30 + "] 2/2" in output
    assert "[1/2] a.txt\n" not in output  # no plain progress lines on a terminal
