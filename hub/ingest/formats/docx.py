"""Word (DOCX) text: paragraphs, list items and table rows, read straight from the document's XML.

Only `word/document.xml` and `word/styles.xml` are parsed (never the images), after the archive's
directory has shown the file is no zip bomb. Paragraphs become lines separated by blank lines, list
items start with a bullet, table cells are separated by tabs.
"""

import io
import zipfile

from django.utils.translation import gettext as _

from hub.ingest.extraction import BULLET, TABLE_CELL_SEPARATOR, Extraction, ExtractionError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOCUMENT_PART = "word/document.xml"
STYLES_PART = "word/styles.xml"
# A DOCX has 10–100 parts (more with many images); thousands are a file built to waste time.
MAX_PARTS = 2_000
# Everything the archive expands to, as its directory declares (zipfile never reads past a declared
# size, so a lying entry fails its checksum instead). A 20 MB DOCX of text and pictures expands to
# well under 100 MB; a zip bomb expands a thousandfold.
MAX_UNCOMPRESSED_SIZE = 200 * 1024 * 1024
# The XML that is parsed: a 1,000-page text document has about 20 MB of it.
MAX_DOCUMENT_XML_SIZE = 40 * 1024 * 1024
# The longest manuals have about 5,000 paragraphs (table cells included); 200,000 tiny ones took
# 88 s and 1.27 GB with python-docx before this limit.
MAX_PARAGRAPHS = 50_000


def extract_docx(data, filename, budget):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_archive(archive, filename)
            document = parse_part(archive, DOCUMENT_PART)
            styles = parse_part(archive, STYLES_PART) if STYLES_PART in archive.namelist() else None
    except ExtractionError:
        raise
    except MemoryError:
        raise
    except Exception as error:  # zipfile and lxml raise many kinds for broken files
        raise damaged(filename, error) from error
    body = document.find(f"{W}body")
    if body is None:
        raise damaged(filename, _("it has no body"))
    check_paragraph_count(body, filename)
    reader = BodyReader(list_style_ids(styles), budget)
    return Extraction([(None, reader.read(body))])


def damaged(filename, error):
    return ExtractionError(
        filename,
        _("the Word document is damaged and cannot be read (%(error)s)") % {"error": error},
    )


def check_archive(archive, filename):
    entries = archive.infolist()
    if len(entries) > MAX_PARTS:
        raise ExtractionError(
            filename,
            _(
                "the Word document has %(count)d parts, more than %(limit)d; it is not an ordinary document"
            )
            % {"count": len(entries), "limit": MAX_PARTS},
        )
    expanded = sum(entry.file_size for entry in entries)
    document_size = next((e.file_size for e in entries if e.filename == DOCUMENT_PART), 0)
    if expanded > MAX_UNCOMPRESSED_SIZE or document_size > MAX_DOCUMENT_XML_SIZE:
        raise ExtractionError(
            filename,
            _("the Word document unpacks to %(size)d MB, more than %(limit)d MB (a “zip bomb”?)")
            % {
                "size": expanded // (1024 * 1024),
                "limit": MAX_DOCUMENT_XML_SIZE // (1024 * 1024)
                if document_size > MAX_DOCUMENT_XML_SIZE
                else MAX_UNCOMPRESSED_SIZE // (1024 * 1024),
            },
        )


def parse_part(archive, name):
    from lxml import etree

    # No entity expansion, no network, no huge-tree mode: XML bombs fail instead of growing.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(archive.read(name), parser)


def check_paragraph_count(body, filename):
    count = 0
    for _paragraph in body.iter(f"{W}p"):
        count += 1
        if count > MAX_PARAGRAPHS:
            raise ExtractionError(
                filename,
                _(
                    "the Word document has more than %(limit)s paragraphs; split it into smaller files"
                )
                % {"limit": f"{MAX_PARAGRAPHS:,}".replace(",", " ")},
            )


def list_style_ids(styles):
    """Ids of paragraph styles that make list items: named "List…" or numbered by the style itself."""
    if styles is None:
        return set()
    ids = set()
    for style in styles.iter(f"{W}style"):
        name = style.find(f"{W}name")
        numbered = style.find(f"{W}pPr/{W}numPr") is not None
        if numbered or (name is not None and (name.get(f"{W}val") or "").startswith("List")):
            ids.add(style.get(f"{W}styleId"))
    return ids


class BodyReader:
    """Walks the body's paragraphs and tables (also inside content controls) into text."""

    def __init__(self, list_styles, budget):
        self.list_styles = list_styles
        self.budget = budget

    def read(self, body):
        parts = []
        pending = list(body)[::-1]  # a stack, so nested content controls need no recursion
        while pending:
            element = pending.pop()
            if element.tag == f"{W}p":
                text = paragraph_text(element).strip()
                if text:
                    parts.append(f"{BULLET} {text}" if self.is_list_item(element) else text)
            elif element.tag == f"{W}tbl":
                parts.append(table_text(element))
            elif element.tag == f"{W}sdt":
                content = element.find(f"{W}sdtContent")
                pending.extend(list(content)[::-1] if content is not None else [])
            if parts:
                self.budget.spend(parts[-1])
        return "\n\n".join(part for part in parts if part)

    def is_list_item(self, paragraph):
        properties = paragraph.find(f"{W}pPr")
        if properties is None:
            return False
        style = properties.find(f"{W}pStyle")
        return properties.find(f"{W}numPr") is not None or (
            style is not None and style.get(f"{W}val") in self.list_styles
        )


def paragraph_text(paragraph):
    """The visible text of a paragraph: its runs (also in links and fields), tabs as spaces, and
    line breaks kept; deleted text of tracked changes left out."""
    pieces = []
    for element in paragraph.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"):
        if element.tag == f"{W}t":
            pieces.append(element.text or "")
        elif element.tag == f"{W}tab":
            pieces.append(" ")  # a tab inside a paragraph is spacing, not a table cell
        else:
            pieces.append("\n")
    return "".join(pieces)


def table_text(table):
    rows = []
    for row in table.findall(f"{W}tr"):
        cells = [
            " ".join(
                " ".join(paragraph_text(paragraph) for paragraph in cell.iter(f"{W}p")).split()
            )
            for cell in row.findall(f"{W}tc")
        ]
        row_text = TABLE_CELL_SEPARATOR.join(cells)
        if row_text.strip():
            rows.append(row_text)
    return "\n".join(rows)
