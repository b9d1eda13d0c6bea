"""Extracted text → CleanDocument: line repair first (hub.ingest.line_repair), then structure
recognition (hub.ingest.structure). `hub.ingest.streamfield` maps the result onto a page body.
"""

from hub.ingest.line_repair import repaired_lines
from hub.ingest.structure import recognise_structure


def clean_text(text, *, fallback_title="", wrapped=None):
    """Structure of an extracted text. `wrapped=False` for formats with one paragraph per line (DOCX, HTML)."""
    return recognise_structure(repaired_lines(text), fallback_title=fallback_title, wrapped=wrapped)
