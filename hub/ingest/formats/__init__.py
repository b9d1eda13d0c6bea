"""Readers of the supported formats, each returning an Extraction, and the check that a file is what
its extension says. Each reader enforces its own structural limits before the expensive parsing."""

import io
import zipfile

from django.utils.translation import gettext as _

from hub.ingest.extraction import ExtractionError
from hub.ingest.formats.docx import extract_docx
from hub.ingest.formats.html import extract_html
from hub.ingest.formats.pdf import extract_pdf
from hub.ingest.formats.text import extract_txt

EXTRACTORS = {
    ".txt": extract_txt,
    ".pdf": extract_pdf,
    ".docx": extract_docx,
    ".html": extract_html,
}


def check_signature(data, kind, filename):
    """Refuse a file that is not what its extension says, e.g. a Word file renamed to .pdf."""
    actual = sniff_kind(data)
    if actual is None or actual == kind:
        return
    if kind in (".txt", ".html") and actual in (".txt", ".html"):
        return
    raise ExtractionError(
        filename,
        _("the file is not a %(expected)s file but looks like %(actual)s; check its extension")
        % {"expected": kind.lstrip(".").upper(), "actual": describe_kind(actual)},
    )


def sniff_kind(data):
    """What the magic bytes say: '.pdf', '.docx', '.zip', '.doc', '.image', '.html', '.txt', or None
    when they cannot tell."""
    head = data[:1024]
    if head.startswith(b"%PDF"):
        return ".pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return ".docx" if "word/document.xml" in archive.namelist() else ".zip"
        except (zipfile.BadZipFile, NotImplementedError, ValueError, OSError):
            return None  # a damaged archive: the extractor of the claimed type says so
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return ".doc"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return ".image"
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ".binary"
    lowered = head.lower()
    if b"<html" in lowered or b"<!doctype html" in lowered:
        return ".html"
    return ".txt"


def describe_kind(kind):
    return {
        ".pdf": _("a PDF document"),
        ".docx": _("a Word (DOCX) document"),
        ".zip": _("a ZIP archive"),
        ".doc": _("an old Word (DOC) document; save it as DOCX"),
        ".image": _("an image"),
        ".binary": _("a binary file"),
        ".html": _("a web page (HTML)"),
        ".txt": _("plain text"),
    }[kind]
