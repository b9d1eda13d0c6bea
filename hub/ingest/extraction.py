"""Plain text out of uploaded files (.txt, .pdf, .docx, .html), with a clear reason when that is impossible.

`extract_text(file, filename)` is the one entry point: the importer cleans its result into pages and
search/ indexes it as the text of attached documents. PDF pages are separated by form feeds so the
cleaner can recognise repeated page headers; DOCX and HTML paragraphs by blank lines.
"""

import io
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024
SUPPORTED_EXTENSIONS = (".txt", ".pdf", ".docx", ".html", ".htm")
PAGE_BREAK = "\f"
TABLE_CELL_SEPARATOR = "\t"
BULLET = "•"


class ExtractionError(Exception):
    """A file whose text cannot be read; the message names the file and says why."""

    def __init__(self, filename, reason):
        self.filename = filename
        self.reason = reason
        super().__init__(f"{filename}: {reason}")


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


def extract_text(file, filename):
    """Plain text of a .txt, .pdf, .docx or .html file; raises ExtractionError saying what is wrong."""
    kind = file_kind(filename)
    data = read_bytes(file, filename)
    if not data.strip():
        raise ExtractionError(filename, _("the file is empty"))
    check_signature(data, kind, filename)
    text = EXTRACTORS[kind](data, filename)
    if not text.strip():
        raise ExtractionError(
            filename,
            _("no text found in the file (a scanned PDF needs text recognition (OCR) first)")
            if kind == ".pdf"
            else _("no text found in the file"),
        )
    return text


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


def decode_text(data, filename):
    """Text in UTF-8 (with or without BOM), or in the Central European encodings older tools write."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        pass
    # Windows-1250 puts š, ž, ť, ś, ź in 0x80–0x9F, where ISO 8859-2 has only control characters.
    encoding = "cp1250" if any(0x80 <= byte <= 0x9F for byte in data) else "iso-8859-2"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ExtractionError(
            filename, _("the text encoding is not recognised (use UTF-8)")
        ) from error


def extract_txt(data, filename):
    return decode_text(data, filename)


def extract_pdf(data, filename):
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # Many PDFs are "encrypted" only against editing and open with an empty password.
            try:
                opened = reader.decrypt("")
            except (DependencyError, NotImplementedError):
                opened = 0
            if not opened:
                raise password_protected(filename)
        pages = [(page.extract_text() or "").strip("\n") for page in reader.pages]
    except ExtractionError:
        raise
    except FileNotDecryptedError as error:
        raise password_protected(filename) from error
    except (
        Exception
    ) as error:  # pypdf raises many kinds (its own, KeyError, loops…) for broken files
        raise ExtractionError(
            filename, _("the PDF is damaged and cannot be read (%(error)s)") % {"error": error}
        ) from error
    return PAGE_BREAK.join(pages)


def password_protected(filename):
    return ExtractionError(
        filename, _("the PDF is password-protected; save an unprotected copy and try again")
    )


def extract_docx(data, filename):
    import docx
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (
        Exception
    ) as error:  # python-docx raises many kinds (KeyError, XML errors) for broken files
        raise ExtractionError(
            filename,
            _("the Word document is damaged and cannot be read (%(error)s)") % {"error": error},
        ) from error

    parts = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            paragraph = Paragraph(element, document)
            text = paragraph.text.strip()
            if text:
                parts.append(f"{BULLET} {text}" if is_list_paragraph(paragraph) else text)
        elif element.tag == qn("w:tbl"):
            rows = [
                TABLE_CELL_SEPARATOR.join(" ".join(cell.text.split()) for cell in row.cells)
                for row in Table(element, document).rows
            ]
            parts.append("\n".join(row for row in rows if row.strip()))
    return "\n\n".join(part for part in parts if part)


def is_list_paragraph(paragraph):
    properties = paragraph._p.pPr
    style_name = (paragraph.style.name or "") if paragraph.style is not None else ""
    return (properties is not None and properties.numPr is not None) or style_name.startswith(
        "List"
    )


class HTMLTextParser(HTMLParser):
    """Visible text of a web page: one paragraph per block element, list items as bullets, table rows as lines."""

    BLOCK_TAGS = {
        "p",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "aside",
        "blockquote",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "table",
        "pre",
        "address",
        "figure",
    }
    SKIPPED_TAGS = {"script", "style", "noscript", "template", "head", "svg"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.current = []
        self.row = None
        self.table_rows = None
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED_TAGS:
            self.skipping += 1
        elif tag == "table":
            self.flush()
            self.table_rows = []
        elif tag in self.BLOCK_TAGS:
            self.flush()
        elif tag == "li":
            self.flush()
            self.current.append(f"{BULLET} ")
        elif tag == "br":
            self.current.append("\n")
        elif tag == "tr":
            self.flush()
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.row.append([])

    def handle_endtag(self, tag):
        if tag in self.SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "table" and self.table_rows is not None:
            if self.table_rows:
                self.parts.append("\n".join(self.table_rows))
            self.table_rows = None
        elif tag in self.BLOCK_TAGS or tag == "li":
            self.flush()
        elif tag == "tr" and self.row is not None:
            cells = [" ".join("".join(cell).split()) for cell in self.row]
            if any(cells):
                (self.table_rows if self.table_rows is not None else self.parts).append(
                    TABLE_CELL_SEPARATOR.join(cells)
                )
            self.row = None

    def handle_data(self, data):
        if self.skipping:
            return
        if self.row is not None and self.row:
            self.row[-1].append(data)
        else:
            self.current.append(data)

    def flush(self):
        text = "\n".join(
            " ".join(line.split()) for line in "".join(self.current).split("\n")
        ).strip()
        if text and text != BULLET:
            self.parts.append(text)
        self.current = []

    def text(self):
        self.flush()
        return "\n\n".join(self.parts)


def extract_html(data, filename):
    parser = HTMLTextParser()
    parser.feed(decode_text(data, filename))
    parser.close()
    return parser.text()


EXTRACTORS = {
    ".txt": extract_txt,
    ".pdf": extract_pdf,
    ".docx": extract_docx,
    ".html": extract_html,
}
