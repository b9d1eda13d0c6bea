"""Plain text out of uploaded files (.txt, .pdf, .docx, .html), with a clear reason when that is impossible.

`extract(data, filename)` is the one entry point; it runs inside the limited child process of
`hub.ingest.isolation` (never in a web worker), and refuses files that are built to exhaust it
before parsing them: too many PDF pages, zip bombs, too many paragraphs, too deep HTML, too much text.
The result keeps PDF pages apart (search names the page an answer is on) and says what was left out.
The formats themselves are read in `hub.ingest.formats`.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024
SUPPORTED_EXTENSIONS = (".txt", ".pdf", ".docx", ".html", ".htm")
PAGE_BREAK = "\f"
TABLE_CELL_SEPARATOR = "\t"
BULLET = "•"
# About 2,500 pages of dense text: far beyond any manual, and a page body or search document
# holding more would be unusable anyway. Checked as text accumulates, so a bomb stops early.
MAX_TEXT_CHARS = 5_000_000


class ExtractionError(Exception):
    """A file whose text cannot be read; the message names the file and says why."""

    def __init__(self, filename, reason):
        self.filename = filename
        self.reason = reason
        super().__init__(f"{filename}: {reason}")


@dataclass
class Extraction:
    """The text of a file: (page number, text) per PDF page, one (None, text) for other formats,
    and notes on what the file held that was not taken (scripts, styles, unclosed elements…)."""

    pages: list[tuple[int | None, str]]
    notes: list[str] = field(default_factory=list)

    @property
    def text(self):
        """All text, PDF pages separated by form feeds so the cleaner can spot repeated headers."""
        return PAGE_BREAK.join(text for _number, text in self.pages)


class TextBudget:
    """Counts characters as an extractor collects them and stops a file that holds too much text."""

    def __init__(self, filename, limit=MAX_TEXT_CHARS):
        self.filename = filename
        self.limit = limit
        self.used = 0

    def spend(self, text):
        self.used += len(text)
        if self.used > self.limit:
            raise ExtractionError(
                self.filename,
                _(
                    "the file holds more than %(limit)s characters of text; split it into smaller files"
                )
                % {"limit": f"{self.limit:,}".replace(",", " ")},
            )
        return text


def max_file_size():
    return getattr(settings, "INGEST_MAX_FILE_SIZE", DEFAULT_MAX_FILE_SIZE)


def file_kind(filename):
    """The normalised extension ('.txt', '.pdf', '.docx', '.html') or raise for unsupported types."""
    extension = Path(filename).suffix.lower()
    if extension == ".htm":
        return ".html"
    if extension not in SUPPORTED_EXTENSIONS:
        raise ExtractionError(
            filename,
            _("unsupported file type “%(extension)s”; use .txt, .pdf, .docx or .html")
            % {"extension": extension or _("no extension")},
        )
    return extension


def read_bytes(file, filename):
    """The file's content from a path, a Django File or any file-like object, refusing oversized files."""
    limit = max_file_size()
    if isinstance(file, str | Path):
        path = Path(file)
        if path.stat().st_size > limit:
            raise_oversized(filename, path.stat().st_size, limit)
        return path.read_bytes()
    size = getattr(file, "size", None)
    if size is not None and size > limit:
        raise_oversized(filename, size, limit)
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read(limit + 1)
    if len(data) > limit:
        raise_oversized(filename, len(data), limit)
    return data


def raise_oversized(filename, size, limit):
    raise ExtractionError(
        filename,
        _("the file is too large (%(size).1f MB, the limit is %(limit).1f MB)")
        % {"size": size / 1024 / 1024, "limit": limit / 1024 / 1024},
    )


def extract(data, filename):
    """The Extraction of a file's bytes; raises ExtractionError saying what is wrong."""
    from hub.ingest.formats import EXTRACTORS, check_signature

    kind = file_kind(filename)
    if not data.strip():
        raise ExtractionError(filename, _("the file is empty"))
    check_signature(data, kind, filename)
    extraction = EXTRACTORS[kind](data, filename, TextBudget(filename))
    if not any(text.strip() for _number, text in extraction.pages):
        raise ExtractionError(
            filename,
            _("no text found in the file (a scanned PDF needs text recognition (OCR) first)")
            if kind == ".pdf"
            else _("no text found in the file"),
        )
    return extraction
