"""Text of attached files, extracted once per file content and kept in AttachmentText.

A reindex reads the cached text instead of parsing PDFs again; a broken file is recorded with its error and
never stops its page from being indexed. PDF pages stay separated by form feeds (hub.ingest.extraction), so
search can point to the page of the file that matched.
"""

import logging

from hub.ingest.extraction import ExtractionError, extract_text
from search.models import AttachmentText

logger = logging.getLogger(__name__)
# A file's text past this adds cost, not recall: a 2,000-page annex is still one attachment.
MAX_ATTACHMENT_CHARS = 500_000


def attachment_text(attachment):
    """Text of one attached file (a Wagtail document), from the cache when this file content was read before.

    A broken file is logged and cached as such; it never stops its page from being indexed.
    """
    try:
        file_hash = attachment.get_file_hash()
    except OSError as error:
        # The file is missing from storage: maybe restored later, so nothing is cached.
        logger.warning(
            "Attachment %r (attachment %s) cannot be read: %s", attachment.filename, attachment.pk, error
        )
        return ""
    cached = AttachmentText.objects.filter(file_hash=file_hash).only("text").first()
    if cached is not None:
        return cached.text[:MAX_ATTACHMENT_CHARS]
    text, error_message = "", ""
    try:
        with attachment.file.open("rb") as file:
            text = extract_text(file, attachment.filename)
    except ExtractionError as error:
        error_message = str(error)
    except Exception as error:  # a parser crash on a malformed file must not stop indexing
        error_message = f"{attachment.filename}: {error.__class__.__name__}: {error}"
    if error_message:
        logger.warning(
            "Attachment text not indexed for file %s: %s", attachment.pk, error_message
        )
    AttachmentText.objects.update_or_create(
        file_hash=file_hash,
        defaults={"filename": attachment.filename[:255], "text": text, "error": error_message},
    )
    return text[:MAX_ATTACHMENT_CHARS]
