"""A minimal page tree (Root → HomePage → section pages) and small files of every importable type."""

import io
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from django.conf import settings
from django.utils import translation
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from hub.core.models import HomePage
from hub.goals.models import OperationalGoalsIndexPage
from hub.manuals.models import ManualIndexPage
from hub.organisations.models import OrganisationIndexPage, OrganisationPage
from hub.practices.models import GoodPracticeIndexPage
from tests.utils import czech_tree_root

SEEDS_DIR = Path(settings.BASE_DIR).parent / "shared" / "seeds"


@dataclass
class PageTree:
    home: HomePage
    manuals: ManualIndexPage
    goals: OperationalGoalsIndexPage
    practices: GoodPracticeIndexPage
    organisations: OrganisationIndexPage
    benesov: OrganisationPage


def build_page_tree():
    czech, root = czech_tree_root()
    home = root.add_child(
        instance=HomePage(title="Rozcestník", slug="rozcestnik-ingest", locale=czech)
    )
    organisations = home.add_child(
        instance=OrganisationIndexPage(title="Organizace", slug="organizace")
    )
    return PageTree(
        home=home,
        manuals=home.add_child(instance=ManualIndexPage(title="Manuály", slug="manualy")),
        goals=home.add_child(
            instance=OperationalGoalsIndexPage(title="Operační cíle", slug="operacni-cile")
        ),
        practices=home.add_child(
            instance=GoodPracticeIndexPage(title="Dobrá praxe", slug="dobra-praxe")
        ),
        organisations=organisations,
        benesov=organisations.add_child(
            instance=OrganisationPage(title="CPIC Benešov", slug="cpic-benesov")
        ),
    )


@pytest.fixture
def tree(db):
    return build_page_tree()


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def english_messages():
    """Assert on the English source messages; the Czech ones come from the catalogues."""
    with translation.override("en"):
        yield


MANUAL_TEXT = """Příručka pro obce

1. Úvod do integrace
Integrace cizinců je dlouhodobý proces, který vyžaduje spolupráci
obcí, neziskových organizací a státní správy. Více na https://www.example.cz/integrace-
cizincu/navod a v dalších zdrojích.

Doporučení pro obce:
· Navázat spolupráci s krajským CPIC.
· Průběžně vzdělávat úředníky.

2. Kontakty
Informační linka pro cizince funguje každý všední den.
"""


def pdf_bytes(pages, password=None):
    """A real PDF whose pages hold `pages` (lists of lines) as text, written with pypdf."""
    writer = PdfWriter()
    for lines in pages:
        page = writer.add_blank_page(width=595, height=842)
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
        )
        commands = ["BT", "/F1 11 Tf", "14 TL", "50 800 Td"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            commands.append(f"({escaped}) Tj T*")
        commands.append("ET")
        stream = DecodedStreamObject()
        stream.set_data("\n".join(commands).encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
    if password:
        writer.encrypt(password, algorithm="RC4-128")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def docx_bytes():
    document = docx.Document()
    document.add_heading("Metodika pro sociální pracovníky", level=1)
    document.add_paragraph("Tato metodika popisuje práci s klienty v poradně.")
    document.add_heading("Zásady", level=2)
    document.add_paragraph("Diskrétnost vůči klientům", style="List Bullet")
    document.add_paragraph("Bezplatnost služeb", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Služba"
    table.cell(0, 1).text = "Kontakt"
    table.cell(1, 0).text = "Poradna"
    table.cell(1, 1).text = "+420 974 801 802"
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


HTML_TEXT = """<!doctype html><html><head><title>Dobrá praxe</title><style>p { color: red }</style>
<script>var hidden = "tajné";</script></head><body>
<h1>Společná adresa Praha 13</h1>
<p>Projekt městské části pomáhá cizincům s orientací na úřadě.</p>
<ul><li>Tlumočení na úřadě</li><li>Kurzy češtiny</li></ul>
</body></html>"""
