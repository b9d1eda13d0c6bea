"""Text extraction from each supported format, and clear refusals for files that cannot be read."""

import io
import zipfile

import pytest

from hub.ingest.extraction import ExtractionError, extract, read_bytes
from tests.hub.ingest.conftest import HTML_TEXT, docx_bytes, pdf_bytes


def extract_text(file, filename):
    """The text the importer would get, read in this process (the limits are the same)."""
    return extract(read_bytes(file, filename), filename).text


def test_text_in_utf8_windows_1250_and_iso_8859_2():
    czech = "Příliš žluťoučký kůň úpěl ďábelské ódy"
    assert extract_text(io.BytesIO(czech.encode("utf-8")), "a.txt") == czech
    assert extract_text(io.BytesIO(("\ufeff" + czech).encode("utf-8")), "a.txt") == czech
    assert extract_text(io.BytesIO(czech.encode("cp1250")), "a.txt") == czech
    assert extract_text(io.BytesIO(czech.encode("iso-8859-2")), "a.txt") == czech


def test_path_and_django_file_are_accepted(tmp_path):
    from django.core.files.base import ContentFile

    path = tmp_path / "poznamky.txt"
    path.write_text("Obsah poznámek", encoding="utf-8")
    assert extract_text(path, "poznamky.txt") == "Obsah poznámek"
    assert extract_text(str(path), "poznamky.txt") == "Obsah poznámek"
    assert extract_text(ContentFile(b"Obsah", name="x.txt"), "x.txt") == "Obsah"


def test_pdf_pages_are_separated_by_form_feeds():
    text = extract_text(io.BytesIO(pdf_bytes([["First page"], ["Second page"]])), "doc.pdf")
    assert text.split("\f") == ["First page", "Second page"]


def test_pdf_protected_only_against_editing_opens():
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(pdf_bytes([["Readable text"]])))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    output = io.BytesIO()
    writer.write(output)
    assert extract_text(io.BytesIO(output.getvalue()), "open.pdf") == "Readable text"


def test_docx_paragraphs_lists_and_tables():
    text = extract_text(io.BytesIO(docx_bytes()), "metodika.docx")
    assert text.startswith("Metodika pro sociální pracovníky\n\nTato metodika")
    assert "• Diskrétnost vůči klientům" in text
    assert "Poradna\t+420 974 801 802" in text


def test_html_drops_scripts_and_styles():
    text = extract_text(io.BytesIO(HTML_TEXT.encode()), "praxe.html")
    assert "Společná adresa Praha 13" in text and "• Tlumočení na úřadě" in text
    assert "tajné" not in text and "color" not in text


@pytest.mark.parametrize(
    ("filename", "data", "reason"),
    [
        ("zamceny.pdf", pdf_bytes([["Secret"]], password="heslo"), "password-protected"),
        ("poskozeny.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage", "damaged"),
        ("poskozeny.docx", b"PK\x03\x04" + b"\x00" * 40, "Word document is damaged"),
        ("poskozeny-zip.docx", docx_bytes()[:2000], "Word document is damaged"),
        ("prazdny.txt", b"", "empty"),
        ("mezery.txt", b"  \n\n ", "empty"),
        ("obrazek.png", b"\x89PNG\r\n", "unsupported file type"),
        ("bez-pripony", b"text", "unsupported file type"),
        ("prejmenovany.pdf", docx_bytes(), "looks like a Word (DOCX) document"),
        ("prejmenovany.docx", pdf_bytes([["x"]]), "looks like a PDF document"),
        ("stary.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old Word (DOC)"),
        ("text.pdf", b"Just some text, not a PDF at all.", "plain text"),
        ("prazdne-stranky.pdf", pdf_bytes([[], []]), "no text found"),
    ],
)
def test_unreadable_files_name_the_file_and_the_reason(filename, data, reason):
    with pytest.raises(ExtractionError) as raised:
        extract_text(io.BytesIO(data), filename)
    assert raised.value.filename == filename
    assert reason in raised.value.reason
    assert str(raised.value).startswith(f"{filename}: ")


def test_docx_without_document_xml_is_not_a_word_file():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("readme.txt", "hello")
    with pytest.raises(ExtractionError, match="ZIP archive"):
        extract_text(io.BytesIO(archive.getvalue()), "archiv.docx")


def test_oversized_file_is_refused_before_reading(settings, tmp_path):
    settings.INGEST_MAX_FILE_SIZE = 1024
    path = tmp_path / "velky.txt"
    path.write_bytes(b"a" * 2048)
    with pytest.raises(ExtractionError, match="too large"):
        extract_text(path, "velky.txt")
    with pytest.raises(ExtractionError, match="too large"):
        extract_text(io.BytesIO(b"a" * 2048), "velky.txt")


def html_extraction(source):
    return extract(source.encode(), "stranka.html")


def test_html5_without_closing_head_is_read_as_a_browser_reads_it():
    extraction = html_extraction(
        '<!doctype html><html><head><title>Titulek</title><meta charset="utf-8">'
        "<h1>Nadpis stránky</h1><p>Text prvního odstavce.</p>"
    )
    assert extraction.text == "Nadpis stránky\n\nText prvního odstavce."


def test_html_after_an_unclosed_svg_is_imported_and_the_graphic_named():
    extraction = html_extraction(
        '<p>Před obrázkem.</p><svg viewBox="0 0 10 10"><circle r="4">'
        "<p>Po obrázku.</p><ul><li>Položka seznamu</li></ul>"
    )
    assert "Před obrázkem." in extraction.text and "Po obrázku." in extraction.text
    assert "• Položka seznamu" in extraction.text
    assert extraction.notes == ["Left out as not text: 1 SVG graphic."]


@pytest.mark.parametrize("tag", ["script", "style"])
def test_html_swallowed_by_an_unclosed_script_or_style_is_recovered_and_named(tag):
    extraction = html_extraction(
        f"<p>Před prvkem.</p><{tag}>var a = 1; p {{ color: red }}<p>Po prvku.</p><p>Konec.</p>"
    )
    assert extraction.text == "Před prvkem.\n\nPo prvku.\n\nKonec."
    [note] = extraction.notes
    assert f"An unclosed <{tag}> element hid the rest of the page" in note


def test_closed_scripts_and_styles_in_the_body_are_left_out_and_counted():
    extraction = html_extraction(
        "<body><p>Text.</p><script>var tajne = 1;</script><style>p {}</style>"
        "<script>var dalsi = 2;</script><p>Další text.</p></body>"
    )
    assert extraction.text == "Text.\n\nDalší text."
    assert extraction.notes == ["Left out as not text: 2 scripts, 1 style sheet."]
