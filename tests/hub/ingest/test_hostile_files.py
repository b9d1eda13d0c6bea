"""Files built to exhaust the importer are refused by a limit checked before the expensive work, with a
message that says what is wrong, and extraction runs in a child process whose memory and time are capped.

Timings are printed by `manage.py benchmark_extraction`, not asserted here; these tests prove that the
refusal comes from the cheap structural check (not from a timeout) and reads clearly.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from hub.ingest.extraction import ExtractionError
from hub.ingest.isolation import extract_isolated
from hub.ingest.management.commands.benchmark_extraction import (
    deeply_nested_html,
    large_manual_pdf,
    many_pages_pdf,
    many_paragraphs_docx,
    zip_bomb_docx,
)
from hub.manuals.models import ManualPage
from tests.hub.ingest.conftest import pdf_bytes


@pytest.mark.parametrize(
    ("filename", "build", "reason"),
    [
        ("bomba.docx", zip_bomb_docx, "unpacks to 300 MB, more than 200 MB"),
        ("odstavce.docx", many_paragraphs_docx, "more than 50 000 paragraphs"),
        ("stranky.pdf", many_pages_pdf, "the PDF has 5000 pages, more than the 1000"),
        ("hnizdo.html", deeply_nested_html, "nests its elements 100000 levels deep"),
    ],
)
def test_hostile_files_are_refused_by_a_structural_limit(filename, build, reason):
    with pytest.raises(ExtractionError) as raised:
        extract_isolated(build(), filename)
    assert reason in raised.value.reason
    assert str(raised.value).startswith(f"{filename}: ")


def test_refusal_is_in_the_editors_language():
    with translation.override("cs"), pytest.raises(ExtractionError) as raised:
        extract_isolated(many_pages_pdf(), "stranky.pdf")
    assert "PDF má 5000 stran" in raised.value.reason


def test_a_file_needing_more_memory_than_allowed_is_refused_clearly(settings):
    settings.INGEST_EXTRACTION_MEMORY = 24 * 1024 * 1024  # less than reading a 4 MB PDF needs
    with pytest.raises(ExtractionError) as raised:
        extract_isolated(large_manual_pdf(megabytes=4, pages=100), "pamet.pdf")
    assert "needed more than 24 MB of memory" in raised.value.reason


def test_extraction_that_takes_too_long_is_stopped(settings):
    settings.INGEST_EXTRACTION_TIMEOUT = 0.05  # shorter than starting the child process
    with pytest.raises(ExtractionError, match="took longer than"):
        extract_isolated(pdf_bytes([["Text"]]), "pomaly.pdf")


def test_the_admin_shows_the_refusal_and_creates_nothing(admin_client, tree):
    upload = SimpleUploadedFile("odstavce.docx", many_paragraphs_docx())
    response = admin_client.post(
        "/admin/ingest/", {"kind": "auto", "parent": tree.manuals.pk, "upload": upload}
    )
    assert response.status_code == 200
    assert "odstavce.docx: " in response.content.decode()
    assert not ManualPage.objects.exists()
