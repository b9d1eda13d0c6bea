"""Recovering structure from extracted text: small made-up strings, then the real seed documents."""

import pytest

from hub.ingest.cleaning import clean_text
from hub.ingest.document import BulletList, Paragraph, Table
from hub.ingest.goals import looks_like_goals_document, parse_goals
from hub.ingest.streamfield import body_blocks, linkify, shorten
from tests.hub.ingest.conftest import SEEDS_DIR
from tests.utils import require_service


def blocks_of(document):
    return document.blocks()


def test_soft_wrapped_lines_join_into_paragraphs():
    text = (
        "Nadpis dokumentu\n\n"
        "Integrace cizinců je dlouhodobý proces, který vyžaduje spolupráci mnoha\n"
        "aktérů na místní úrovni. Obce proto zapojují neziskové organizace a další\n"
        "partnery do plánování služeb pro nově příchozí obyvatele v regionech.\n\n"
        "Druhý odstavec začíná po prázdném řádku a je krátký.\n"
    )
    document = clean_text(text)
    assert document.title == "Nadpis dokumentu"
    paragraphs = [block.text for block in blocks_of(document)]
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("Integrace cizinců") and paragraphs[0].endswith("v regionech.")
    assert "mnoha aktérů" in paragraphs[0]


def test_double_spaced_extraction_joins_across_blank_lines():
    lines = [
        "Úvod",
        "",
        "Tento text má po každém zalomeném řádku prázdný řádek, jak to dělají některé",
        "",
        "převodníky PDF do textu, a přesto jde o jediný odstavec, který pokračuje dál",
        "",
        "na dalším řádku. Teprve tento řádek končí větou a odstavec.  ",
        "",
        "Nový odstavec začíná tady a pokračuje na dalším řádku s dalšími slovy až do",
        "",
        "konce věty.",
    ]
    document = clean_text("\n".join(lines))
    paragraphs = [block.text for block in blocks_of(document)]
    assert paragraphs == [
        "Tento text má po každém zalomeném řádku prázdný řádek, jak to dělají některé převodníky PDF do "
        "textu, a přesto jde o jediný odstavec, který pokračuje dál na dalším řádku. Teprve tento řádek "
        "končí větou a odstavec.",
        "Nový odstavec začíná tady a pokračuje na dalším řádku s dalšími slovy až do konce věty.",
    ]


@pytest.mark.parametrize("bullet", ["\uf0b7", "·", "●", "•", "-", "–", "\uf0a7"])
def test_bullet_glyphs_become_list_items(bullet):
    document = clean_text(
        f"Seznam\n\nPostup:\n{bullet} první krok\n{bullet} druhý krok, který\npokračuje\n"
    )
    lists = [block for block in blocks_of(document) if isinstance(block, BulletList)]
    assert [item.text for item in lists[0].items] == ["první krok", "druhý krok, který pokračuje"]


def test_numbered_chapters_are_headings_and_numbered_sentences_a_list():
    text = (
        "Dokument\n\n1. Centra na podporu integrace cizinců\n\nText kapitoly.\n\n"
        "1.1 Koordinační role na krajské úrovni:\nText podkapitoly.\n\n4. Úkoly:\n\n"
        "1. Zajistit podporu školení – MV, CPIC.\n2. Zajistit chod linky – MV.\n"
    )
    document = clean_text(text)
    assert [(s.heading, s.level) for s in document.sections if s.heading] == [
        ("1. Centra na podporu integrace cizinců", 2),
        ("1.1 Koordinační role na krajské úrovni", 3),
        ("4. Úkoly", 2),
    ]
    [tasks] = document.sections[-1].blocks
    assert (
        tasks.ordered
        and [item.text for item in tasks.items][0] == "Zajistit podporu školení – MV, CPIC."
    )


def test_urls_split_across_lines_are_repaired_and_link_annotations_dropped():
    text = (
        "Odkazy\n\nManuál najdete na https://www.migrace.com/cs/regularizace/mesta-a-inkluzivni-\n"
        "strategie/integracni_manual a další informace na www.integracnicentra.cz.\n\n"
        "https://www.migrace.com/cs/regularizace/mesta-a-inkluzivni-strategie/integracni_manual\n"
        "http://www.integracnicentra.cz/\n"
    )
    [paragraph] = blocks_of(clean_text(text))
    assert (
        "https://www.migrace.com/cs/regularizace/mesta-a-inkluzivni-strategie/integracni_manual a další"
        in paragraph.text
    )
    assert paragraph.text.endswith("www.integracnicentra.cz.")


def test_page_numbers_and_repeated_page_headers_are_dropped():
    bodies = [
        "Centra pomáhají cizincům.",
        "Obce plánují služby.",
        "Školy vítají nové žáky.",
        "Kraje koordinují práci.",
    ]
    pages = [
        f"Integrační centrum Praha – výroční zpráva\n{body}\n{n}\n"
        for n, body in enumerate(bodies, 1)
    ]
    document = clean_text("Výroční zpráva\n" + "\f".join(pages))
    assert [block.text for block in blocks_of(document)] == bodies


def test_indented_items_without_glyphs_are_list_items_when_the_document_uses_them():
    items = "\n".join(f" Cíl číslo {n} pro tento rok" for n in range(1, 7))
    document = clean_text(f"Cíle\n\nCPIC Test\n{items}\n")
    [goals] = [block for block in blocks_of(document) if isinstance(block, BulletList)]
    assert len(goals.items) == 6


def test_tables_from_tab_separated_rows():
    document = clean_text("Kontakty\n\nSlužba\tTelefon\nLinka\t+420 974 801 802\n", wrapped=False)
    [table] = [block for block in blocks_of(document) if isinstance(block, Table)]
    assert table.rows == [["Služba", "Telefon"], ["Linka", "+420 974 801 802"]]


def test_title_falls_back_to_the_file_name_when_the_text_starts_with_a_sentence():
    document = clean_text(
        "Tento dokument nemá nadpis a začíná rovnou větou.", fallback_title="Zpráva 2024"
    )
    assert document.title == "Zpráva 2024"


def test_title_glued_to_its_subtitle_is_split():
    document = clean_text(
        "Města a inkluzivní strategieMetodické materiály pro obce\n\nText.", wrapped=False
    )
    assert document.title == "Města a inkluzivní strategie"
    assert blocks_of(document)[0].text == "Metodické materiály pro obce"


def test_linkify_escapes_text_and_links_bare_domains():
    html = linkify("Viz www.example.cz/a?b=1&c=2). <script>")
    assert (
        '<a href="https://www.example.cz/a?b=1&amp;c=2">www.example.cz/a?b=1&amp;c=2</a>).' in html
    )
    assert "&lt;script&gt;" in html


def test_shorten_cuts_at_a_sentence():
    text = "První věta je tady. " * 50
    assert len(shorten(text)) <= 600 and shorten(text).endswith("tady.")


def test_recommendation_lists_become_recommendation_blocks():
    text = "Dokument\n\nDoporučení pro obce:\n· Spolupracovat s CPIC.\n· Vzdělávat úředníky.\n"
    [block] = body_blocks(clean_text(text))
    assert block["type"] == "recommendations"
    assert block["value"]["title"] == "Doporučení pro obce"
    assert [item["value"]["text"] for item in block["value"]["items"]] == [
        "Spolupracovat s CPIC.",
        "Vzdělávat úředníky.",
    ]


# --- seed documents (real extractions of PDFs) ---------------------------------------------------


def seed_text(prefix):
    require_service(SEEDS_DIR.exists(), "the seed documents")
    [path] = SEEDS_DIR.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


RECOMMENDATION_CHAPTERS = [
    "Nutnost síťování subjektů v rámci integrace cizinců",
    "1. Centra na podporu integrace cizinců",
    "1.1 Koordinační role Center na podporu integrace cizinců na krajské úrovni",
    "1.2 Koordinační činnosti Center na podporu integrace cizinců na místní úrovni",
    "2. Role nevládních neziskových organizací v oblasti síťování",
    "3. Další střešní aktivity a infolinky",
    "4. Úkoly",
]


@pytest.mark.seeds
@pytest.mark.parametrize("prefix", ["000", "001"])
def test_both_extractions_of_the_recommendations_give_the_same_structure(prefix):
    document = clean_text(seed_text(prefix))
    assert (
        document.title
        == "Doporučení pro fungování a zasíťování nových aktérů v oblasti integrace cizinců"
    )
    assert document.headings == RECOMMENDATION_CHAPTERS
    raw = body_blocks(document)
    recommendations = [block["value"] for block in raw if block["type"] == "recommendations"]
    assert recommendations[0]["title"] == "Doporučení pro nové aktéry v oblasti integrace cizinců"
    assert len(recommendations[0]["items"]) == 6
    tasks = recommendations[1]["items"]
    assert len(tasks) == 10
    assert tasks[0]["value"] == {
        "text": "Zajistit podporu školení.",
        "responsible": "MV, CPIC, NNO",
    }
    html = " ".join(block["value"] for block in raw if block["type"] == "paragraph")
    for url in [
        "https://www.charita.cz/jak-pomahame/doma/integrace-cizincu/",
        "https://www.migrace.com/cs/regularizace/mesta-a-inkluzivni-strategie/integracni_manual",
        "https://www.clovekvtisni.cz/co-delame/socialni-prace-v-cr/pomoc-uprchlikum#pomoc-valecnym-uprchlikum-na-uzemi-cr-zahrnuje",
        "https://www.mvcr.cz/clanek/informace-pro-obcany-ukrajiny.aspx",
    ]:
        assert f'href="{url}"' in html
    assert "cizincu/ Společnost" not in html  # a URL's tail never runs into the next paragraph
    # The PDF's link annotations are not repeated as stray paragraphs.
    assert html.count('href="https://www.charita.cz/infolinka"') == 1


@pytest.mark.seeds
def test_soft_wrapped_seed_paragraphs_match_the_unwrapped_extraction():
    wrapped = {
        block.text
        for block in clean_text(seed_text("000")).blocks()
        if isinstance(block, Paragraph)
    }
    unwrapped = {
        block.text
        for block in clean_text(seed_text("001")).blocks()
        if isinstance(block, Paragraph)
    }
    assert len(wrapped & unwrapped) >= 0.8 * len(unwrapped)


GOAL_COUNTS = {
    "CPIC Benešov": 7,
    "CPIC České Budějovice": 3,
    "CPIC Písek": 4,
    "CPIC Jihlava": 5,
    "CPIC Karlovy Vary": 3,
    "CPIC Kladno": 12,
    "CPIC Kutná Hora": 5,
    "CPIC Liberec": 4,
    "CPIC Česká Lípa": 3,
    "CPIC Mladá Boleslav": 2,
    "CPIC Olomouc": 4,
    "CPIC Ostrava": 5,
    "CPIC Opava": 3,
    "CPIC Pardubice": 5,
    "CPIC Plzeň": 6,
    "CPIC Domažlice": 4,
    "CPIC Tachov": 5,
    "CPIC Příbram": 4,
    "CPIC Zlín": 5,
}


@pytest.mark.seeds
def test_goals_seed_is_recognised_and_split_per_branch():
    document = clean_text(seed_text("002"))
    assert looks_like_goals_document(document)
    goals = parse_goals(document)
    assert goals.year == 2024
    assert {branch.branch: len(branch.goals) for branch in goals.branches} == GOAL_COUNTS
    assert goals.responsible_person == "vedoucí každého Centra na podporu integrace cizinců"
    assert goals.evaluation_deadline == "uzávěrka konec roku"
    benesov = goals.branches[0].goals
    assert benesov[5] == (
        "Obsadit místo sociálního pracovníka a adekvátně jej zaškolit dle metodiky sociální práce. "
        "Adekvátně zaškoleného sociální pracovníka považujeme toho, který je schopen vést samostatně OSP s klientem."
    )
    pardubice = dict((b.branch, b.goals) for b in goals.branches)["CPIC Pardubice"]
    assert pardubice[1].splitlines() == [
        "Stabilizace a posílení týmovosti, zkvalitnění pracovního prostředí.",
        "– Teambuildingové aktivity – alespoň 1x měsíčně;",
        "– Týmová zpětná vazba – alespoň 1x týdně v rámci porad;",
    ]


@pytest.mark.seeds
@pytest.mark.parametrize("prefix", ["000", "003", "004"])
def test_manual_seeds_are_not_mistaken_for_goals(prefix):
    assert not looks_like_goals_document(clean_text(seed_text(prefix)))


@pytest.mark.seeds
def test_web_page_seed_keeps_its_headings_and_drops_image_names():
    document = clean_text(seed_text("003"))
    assert document.title == "Města a inkluzivní strategie"
    assert "Praktické nástroje z dílny organizace SIMI" in document.headings
    assert "Materiály a nástroje k tématu od dalších NNO" in document.headings
    text = " ".join(getattr(block, "text", "") for block in document.blocks())
    assert ".jpg" not in text
    [workshops] = [b for b in document.blocks() if isinstance(b, BulletList) and b.ordered]
    assert len(workshops.items) == 7


@pytest.mark.seeds
def test_mission_statement_seed_has_headings_and_principles():
    document = clean_text(seed_text("004"))
    assert document.title == "Poslání Integračního centra Praha"
    assert document.headings[:3] == [
        "Poslání registrované sociální služby - odborného sociálního poradenství",
        "Cíle",
        "Dílčí cíle",
    ]
    assert "Zásady uplatňované v rámci odborného sociálního poradenství" in document.headings
    [activities] = [b for b in document.blocks() if isinstance(b, BulletList)][:1]
    assert activities.items[0].text == (
        "zprostředkování kontaktu se společenským prostředím a zprostředkování navazujících služeb,"
    )


def test_a_subtitle_line_is_neither_a_heading_nor_the_summary():
    document = clean_text(
        "Metodika práce s cizinci\nCPIC Jihlava, verze 1.2, březen 2024\n\n"
        "Tato metodika popisuje práci s klienty.\n\nKapitola první\n\nText kapitoly.",
        wrapped=False,
    )
    assert document.title == "Metodika práce s cizinci"
    assert document.headings == ["Kapitola první"]
    subtitle, summary = document.sections[0].blocks
    assert subtitle == Paragraph("CPIC Jihlava, verze 1.2, březen 2024", subtitle=True)
    assert document.first_paragraph() is summary


def test_phone_numbers_and_email_addresses_become_links_but_amounts_do_not():
    html = linkify(
        "Volejte +420 974 801 802 nebo 974 801 802, pište na poradna@example.cz. "
        "Rozpočet 250 000 000 Kč, PSČ 586 01."
    )
    assert '<a href="tel:+420974801802">+420 974 801 802</a>' in html
    assert '<a href="tel:+420974801802">974 801 802</a>' in html
    assert '<a href="mailto:poradna@example.cz">poradna@example.cz</a>' in html
    assert "Rozpočet 250 000 000 Kč, PSČ 586 01." in html
