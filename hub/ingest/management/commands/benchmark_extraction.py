"""python manage.py benchmark_extraction — how fast extraction reads a large real-looking file and how
fast it refuses hostile ones, each in the limited child process a web request uses.

Prints, per file: its size, the wall-clock and CPU time of the child process, and the outcome (pages of text, or the refusal
message an editor sees). The hostile files are the ones that once stopped the site: a zip bomb DOCX,
a DOCX of 200,000 tiny paragraphs, a PDF of thousands of pages, deeply nested HTML.
"""

import io
import logging
import os
import resource
import time
import zipfile

from django.core.management.base import BaseCommand

from hub.ingest.extraction import ExtractionError
from hub.ingest.isolation import extract_isolated

MEGABYTE = 1024 * 1024
DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)
WORD_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_with_paragraphs(paragraphs, extra_parts=()):
    """A minimal DOCX whose body holds `paragraphs` (strings); `extra_parts`: (name, bytes) to add."""
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    xml = f'<?xml version="1.0"?><w:document xmlns:w="{WORD_NAMESPACE}"><w:body>{body}</w:body></w:document>'
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", DOCX_TYPES)
        archive.writestr("word/document.xml", xml)
        for name, data in extra_parts:
            archive.writestr(name, data)
    return output.getvalue()


def zip_bomb_docx(expanded_megabytes=300):
    """A DOCX of a few hundred kilobytes whose one extra part expands to `expanded_megabytes`."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", DOCX_TYPES)
        archive.writestr(
            "word/document.xml",
            f'<w:document xmlns:w="{WORD_NAMESPACE}"><w:body><w:p><w:r><w:t>Bomba</w:t></w:r></w:p></w:body></w:document>',
        )
        with archive.open("word/media/padding.bin", "w", force_zip64=True) as part:
            zeros = bytes(MEGABYTE)
            for _megabyte in range(expanded_megabytes):
                part.write(zeros)
    return output.getvalue()


def many_paragraphs_docx(count=200_000):
    return docx_with_paragraphs("x" for _number in range(count))


def pdf_with_pages(page_texts, padding_per_page=0):
    """A PDF written by hand: one page per text (Helvetica, ASCII), optionally with an incompressible
    image of `padding_per_page` bytes on each page, so a file reaches a realistic size."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    kids = []
    number = 4
    for text in page_texts:
        lines = "".join(f"({line}) Tj T* " for line in text.split("\n"))
        content = f"BT /F1 11 Tf 14 TL 50 800 Td {lines}ET".encode()
        resources = b"/Font << /F1 3 0 R >>"
        if padding_per_page:
            objects[number + 2] = (
                b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Length %d >>\nstream\n"
                % padding_per_page
                + os.urandom(padding_per_page)
                + b"\nendstream"
            )
            resources += b" /XObject << /Im1 %d 0 R >>" % (number + 2)
        objects[number] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << %s >> /Contents %d 0 R >>"
            % (resources, number + 1)
        )
        objects[number + 1] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)
        kids.append(number)
        number += 3
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )
    output = io.BytesIO()
    output.write(b"%PDF-1.4\n")
    offsets = {}
    for key in sorted(objects):
        offsets[key] = output.tell()
        output.write(b"%d 0 obj\n%s\nendobj\n" % (key, objects[key]))
    xref = output.tell()
    size = max(objects) + 1
    output.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    for key in range(1, size):
        output.write(
            b"%010d 00000 n \n" % offsets[key] if key in offsets else b"0000000000 65535 f \n"
        )
    output.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref))
    return output.getvalue()


def many_pages_pdf(count=5_000):
    return pdf_with_pages(f"Strana {number}" for number in range(1, count + 1))


def large_manual_pdf(megabytes=19, pages=300):
    """A 300-page manual of ordinary text with a picture on every page: about `megabytes` in all
    (just under the 20 MB upload limit)."""
    paragraph = (
        "Integrace cizincu je dlouhodoby proces, ktery vyzaduje spolupraci obci,\n"
        "neziskovych organizaci a statni spravy. Kapitola popisuje postup krok za krokem.\n"
    )
    texts = [f"Kapitola {number}\n" + paragraph * 20 for number in range(1, pages + 1)]
    return pdf_with_pages(texts, padding_per_page=int(megabytes * MEGABYTE) // pages)


def deeply_nested_html(depth=100_000):
    return (
        "<!doctype html><title>Hnízdo</title>" + "<div>" * depth + "text" + "</div>" * depth
    ).encode()


SAMPLES = {
    "manual-20mb.pdf": large_manual_pdf,
    "zip-bomb.docx": zip_bomb_docx,
    "200k-paragraphs.docx": many_paragraphs_docx,
    "5000-pages.pdf": many_pages_pdf,
    "nested-100k.html": deeply_nested_html,
}


class Command(BaseCommand):
    help = "Time extraction of a large ordinary file and the refusal of hostile ones (limited child process)."

    def handle(self, *args, **options):
        logging.getLogger("hub.ingest.isolation").setLevel(logging.WARNING)
        for filename, build in SAMPLES.items():
            data = build()
            cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.monotonic()
            try:
                extraction = extract_isolated(data, filename)
                outcome = f"{len(extraction.pages)} page(s), {len(extraction.text):,} characters"
            except ExtractionError as error:
                outcome = f"refused: {error.reason}"
            elapsed = time.monotonic() - started
            usage = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (usage.ru_utime + usage.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime)
            self.stdout.write(
                f"{filename:24} {len(data) / MEGABYTE:6.2f} MB  {elapsed:6.2f} s wall  "
                f"{cpu:6.2f} s CPU  {outcome}"
            )
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        self.stdout.write(f"Largest child process: {peak:.0f} MB resident.")
