"""Document text is extracted when a document is uploaded (not when a page is published), kept per PDF
page, and announced so pages already indexed can be indexed again."""

from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents import get_document_model

from hub.ingest import document_text
from hub.ingest.document_text import (
    document_text_extracted,
    extracted_pages,
    pages_using,
)
from hub.ingest.models import DocumentText
from hub.manuals.models import ManualPage, ManualSourceDocument
from tests.hub.ingest.conftest import pdf_bytes


def upload(filename, data):
    return get_document_model().objects.create(
        title=filename, file=ContentFile(data, name=filename)
    )


def test_uploading_a_pdf_stores_its_text_per_page(db, media_in_tmp):
    document = upload("prirucka.pdf", pdf_bytes([["Prvni strana"], ["Druha strana"]]))

    assert extracted_pages(document) == [(1, "Prvni strana"), (2, "Druha strana")]
    stored = DocumentText.objects.get()
    assert stored.file_hash == document.file_hash and stored.error == ""


def test_a_broken_file_is_recorded_with_its_error(db, media_in_tmp):
    document = upload("poskozeny.pdf", b"%PDF-1.4 not really a pdf")

    assert extracted_pages(document) == []
    assert "poskozeny.pdf: the PDF is damaged" in DocumentText.objects.get().error


def test_the_same_file_content_is_read_once(db, media_in_tmp, monkeypatch):
    upload("a.pdf", pdf_bytes([["Stejny obsah"]]))

    def fail(*args, **kwargs):
        raise AssertionError("the file was extracted again")

    monkeypatch.setattr(document_text, "extract_isolated", fail)
    copy = upload("kopie.pdf", pdf_bytes([["Stejny obsah"]]))
    assert extracted_pages(copy) == [(1, "Stejny obsah")]


def test_extraction_is_announced_with_the_pages_that_use_the_document(tree, media_in_tmp):
    page = tree.manuals.add_child(instance=ManualPage(title="Metodika", slug="metodika"))
    document = upload("priloha.txt", b"Text prilohy")
    ManualSourceDocument.objects.create(page=page, document=document)
    page.save_revision().publish()
    DocumentText.objects.all().delete()
    announced = []

    def receiver(sender, document, **kwargs):
        announced.append([used.pk for used in pages_using(document)])

    document_text_extracted.connect(receiver)
    try:
        call_command("extract_document_texts", verbosity=0)
    finally:
        document_text_extracted.disconnect(receiver)
    assert announced == [[page.pk]]
    assert extracted_pages(document) == [(None, "Text prilohy")]


def test_in_production_extraction_waits_for_the_upload_to_commit(
    db, media_in_tmp, settings, django_capture_on_commit_callbacks, monkeypatch
):
    settings.INGEST_EXTRACT_IN_BACKGROUND = True
    queued = []
    monkeypatch.setattr(document_text.background, "put", queued.append)
    with django_capture_on_commit_callbacks(execute=True):
        document = upload("pozdeji.txt", b"Text")
        assert queued == []  # not while the upload's transaction is open
    assert queued == [document.pk]
    assert extracted_pages(document) is None  # not extracted yet: search indexes without it


def test_a_document_over_the_size_limit_is_recorded_as_too_large(db, media_in_tmp, settings):
    settings.INGEST_MAX_FILE_SIZE = 1024
    document = upload("velky.txt", b"a" * 2048)

    assert extracted_pages(document) == []
    assert "the file is too large" in DocumentText.objects.get().error
