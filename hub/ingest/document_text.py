"""The text of Wagtail documents, extracted when a document is uploaded or replaced, never while a page
is being published.

Read API for search: `extracted_pages(document)` gives [(PDF page number or None, text), …], [] when
the file could not be read, and None when the text is not there yet (its extraction is then started).
When an extraction finishes, `document_text_extracted` is sent with the document, so search can
reindex the live pages that use it (`pages_using(document)`); hub never imports search.

Extraction runs in the limited child process of hub.ingest.isolation, from a single background thread
per process, so an upload returns at once and a hostile file costs neither the request nor the
worker's memory. A text lost with a restarted process is extracted again on the next lookup, and
`python manage.py extract_document_texts` fills in every missing one. Settings:
`INGEST_EXTRACT_IN_BACKGROUND = False` extracts at once, inside the saving request (tests).
"""

import logging
import queue
import threading

from django.conf import settings
from django.db import close_old_connections, transaction
from django.dispatch import Signal
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.utils.file import hash_filelike

from hub.ingest.extraction import ExtractionError, read_bytes
from hub.ingest.isolation import extract_isolated
from hub.ingest.models import DocumentText

logger = logging.getLogger(__name__)

# Sent after a document's text was stored: sender=DocumentText, document=<Wagtail document>,
# text=<DocumentText>.
document_text_extracted = Signal()
# A background thread with nothing to do for this long ends; the next upload starts another.
IDLE_SECONDS = 60


def extracted_pages(document):
    """[(page number or None, text), …] of a document; None while its text is not extracted yet."""
    try:
        file_hash = file_hash_of(document)
    except OSError as error:  # the file is missing from storage: nothing to extract
        logger.warning("Document %s (%r) cannot be read: %s", document.pk, document.filename, error)
        return []
    stored = stored_text(file_hash)
    if stored is None:
        schedule_extraction(document)
        stored = stored_text(file_hash)  # there already when extraction runs inline
    if stored is None:
        return None
    return [(number, text) for number, text in stored.pages]


def file_hash_of(document):
    """Wagtail's SHA-1 of the document's file, computed without saving the document (saving from
    the background thread would compete with the editor's request for the database)."""
    if not document.file_hash:
        with document.file.open("rb") as file:
            document.file_hash = hash_filelike(file)
    return document.file_hash


def stored_text(file_hash):
    return DocumentText.objects.filter(file_hash=file_hash).only("pages").first()


def pages_using(document):
    """Pages whose current content refers to the document (source documents, document blocks)."""
    references = ReferenceIndex.get_references_to(document).filter(
        base_content_type=ReferenceIndex._get_base_content_type(Page)
    )
    # object_id is text (it may name any model): compare as integers, which PostgreSQL insists on.
    page_ids = {int(object_id) for object_id in references.values_list("object_id", flat=True)}
    return list(Page.objects.filter(pk__in=page_ids).specific())


def store_extraction(document, extraction=None, error=""):
    """Record the text (an Extraction) or the error of a document's current file."""
    stored, _created = DocumentText.objects.update_or_create(
        file_hash=file_hash_of(document),
        defaults={
            "filename": document.filename[:255],
            "pages": [list(page) for page in extraction.pages] if extraction else [],
            "error": error,
        },
    )
    return stored


def extract_document_text(document):
    """Extract and store a document's text now (in the limited child process), then announce it."""
    try:
        with document.file.open("rb") as file:
            data = read_bytes(file, document.filename)  # refuses files over INGEST_MAX_FILE_SIZE
        stored = store_extraction(document, extract_isolated(data, document.filename))
    except ExtractionError as error:
        logger.warning("Text of document %s not extracted: %s", document.pk, error)
        stored = store_extraction(document, error=str(error))
    except OSError as error:
        logger.warning("Document %s (%r) cannot be read: %s", document.pk, document.filename, error)
        return None
    document_text_extracted.send(sender=DocumentText, document=document, text=stored)
    return stored


def schedule_extraction(document):
    """Extract a document's text unless it is known already: in the background once the current
    transaction commits, or at once when INGEST_EXTRACT_IN_BACKGROUND is off."""
    if getattr(settings, "INGEST_EXTRACT_IN_BACKGROUND", True):
        document_id = document.pk
        transaction.on_commit(lambda: background.put(document_id))
    else:
        extract_if_missing(document.pk)


def extract_if_missing(document_id):
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return
    try:
        file_hash = file_hash_of(document)
    except OSError:
        return
    if not DocumentText.objects.filter(file_hash=file_hash).exists():
        extract_document_text(document)


class BackgroundExtraction:
    """One thread per process working through document ids, one at a time, each id once."""

    def __init__(self):
        self.queue = queue.Queue()
        self.waiting = set()
        self.lock = threading.Lock()
        self.thread = None

    def put(self, document_id):
        with self.lock:
            if document_id in self.waiting:
                return
            self.waiting.add(document_id)
            self.queue.put(document_id)
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(
                    target=self.work, name="document-text-extraction", daemon=True
                )
                self.thread.start()

    def work(self):
        while True:
            try:
                document_id = self.queue.get(timeout=IDLE_SECONDS)
            except queue.Empty:
                with self.lock:
                    if self.queue.empty():
                        self.thread = None
                        return
                continue
            try:
                extract_if_missing(document_id)
            except Exception:  # one broken document must not stop the others
                logger.exception("Extracting the text of document %s failed", document_id)
            finally:
                with self.lock:
                    self.waiting.discard(document_id)
                close_old_connections()


background = BackgroundExtraction()


def on_document_saved(sender, instance, **kwargs):
    """A new or replaced file gets its text extracted (a known file content is not read again)."""
    schedule_extraction(instance)


def connect():
    from django.db.models.signals import post_save

    post_save.connect(
        on_document_saved, sender=get_document_model(), dispatch_uid="ingest_document_text"
    )
