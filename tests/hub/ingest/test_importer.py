"""Importing files as pages: structure, attachments, drafts and publishing, idempotency, atomicity."""

import io

import pytest
from wagtail.documents import get_document_model

from hub.goals.models import OperationalGoalsPage
from hub.ingest.cleaning import clean_text
from hub.ingest.extraction import ExtractionError
from hub.ingest.goals import plan_goals_pages
from hub.ingest.importer import ImportRefused, import_document, resolve_parent
from hub.ingest.models import ImportedFile, PageKind
from hub.manuals.models import ManualPage
from hub.practices.models import GoodPracticePage
from tests.hub.ingest.conftest import HTML_TEXT, MANUAL_TEXT, docx_bytes, pdf_bytes

GOALS_TEXT = """Operační cíle center na podporu integrace cizinců 2024

Zodpovědná osoba za realizaci operačních cílů:
- vedoucí každého Centra na podporu integrace cizinců.
Hodnocení plnění operačních cílů:
- 1x měsíčně/porada pracovního týmu.
Termín plnění operačních cílů:
- uzávěrka konec roku.

CPIC Benešov
 Minimálně 1x týdně navštěvovat místní OAMP.
 Uskutečnění multikulturní akce.

CPIC Písek
 zajistit další prostory ke konzultacím
 pokračovat v terénní činnosti v okrese Písek

CPIC Zlín
 Zrealizujeme 2 přednášky na lokálních základních školách.
"""


def import_bytes(data, filename, **options):
    return import_document(io.BytesIO(data), filename, **options)


def test_text_file_becomes_a_draft_manual_with_sections_and_the_original_attached(tree):
    outcome = import_bytes(MANUAL_TEXT.encode(), "prirucka.txt")

    [page] = outcome.created
    page = ManualPage.objects.get(pk=page.pk)
    assert page.title == "Příručka pro obce"
    assert page.get_parent().specific == tree.manuals
    assert not page.live and page.has_unpublished_changes
    body = page.get_latest_revision_as_object().body
    headings = [block.value["text"] for block in body if block.block_type == "heading"]
    assert headings == ["1. Úvod do integrace", "2. Kontakty"]
    html = "".join(str(block.value) for block in body if block.block_type == "paragraph")
    assert "spolupráci obcí, neziskových" in html  # soft-wrapped line joined
    assert (
        'href="https://www.example.cz/integrace-cizincu/navod"' in html
    )  # URL split across lines repaired
    [recommendations] = [block.value for block in body if block.block_type == "recommendations"]
    assert recommendations["title"] == "Doporučení pro obce"
    assert [item["text"] for item in recommendations["items"]] == [
        "Navázat spolupráci s krajským CPIC.",
        "Průběžně vzdělávat úředníky.",
    ]
    [source] = page.get_latest_revision_as_object().source_documents.all()
    assert source.document.filename == "prirucka.txt"
    assert source.document.file.read() == MANUAL_TEXT.encode()


def test_publish_makes_the_page_live(tree):
    [page] = import_bytes(MANUAL_TEXT.encode(), "prirucka.txt", publish=True).created
    page = ManualPage.objects.get(pk=page.pk)
    assert page.live and not page.has_unpublished_changes
    assert [b.value["text"] for b in page.body if b.block_type == "heading"][
        0
    ] == "1. Úvod do integrace"


def test_pdf_docx_and_html_files_are_imported(tree):
    pdf = pdf_bytes(
        [["Pruvodce pro nove aktery", "", "Prvni kapitola textu o integraci."], ["Druha strana."]]
    )
    [pdf_page] = import_bytes(pdf, "pruvodce.pdf").created
    [docx_page] = import_bytes(docx_bytes(), "metodika.docx").created
    [html_page] = import_bytes(
        HTML_TEXT.encode(), "praxe.html", kind=PageKind.GOOD_PRACTICE
    ).created

    assert pdf_page.title == "Pruvodce pro nove aktery"
    assert "Druha strana." in str(
        ManualPage.objects.get(pk=pdf_page.pk).get_latest_revision_as_object().body
    )

    docx_body = ManualPage.objects.get(pk=docx_page.pk).get_latest_revision_as_object().body
    assert docx_page.title == "Metodika pro sociální pracovníky"
    assert [b.value["text"] for b in docx_body if b.block_type == "heading"] == ["Zásady"]
    assert "<li>Diskrétnost vůči klientům</li>" in str(docx_body)
    [table] = [b.value for b in docx_body if b.block_type == "table"]
    assert table["data"] == [["Služba", "Kontakt"], ["Poradna", "+420 974 801 802"]]

    practice = GoodPracticePage.objects.get(pk=html_page.pk).get_latest_revision_as_object()
    assert practice.title == "Společná adresa Praha 13"
    assert practice.get_parent().specific == tree.practices
    assert "tajné" not in str(practice.body) and "color" not in str(practice.body)
    assert "<li>Kurzy češtiny</li>" in str(practice.body)
    [attachment] = [b.value["document"] for b in practice.body if b.block_type == "document"]
    assert attachment.filename == "praxe.html"


def test_goals_document_becomes_one_page_per_cpic_branch(tree):
    outcome = import_bytes(GOALS_TEXT.encode(), "cile-2024.txt")

    assert outcome.kind == PageKind.GOALS
    # Titles are "<branch>: <"operational goals" in the page's language> <year>".
    pages = {page.title.split(":")[0]: page for page in OperationalGoalsPage.objects.all()}
    assert sorted(pages) == ["CPIC Benešov", "CPIC Písek", "CPIC Zlín"]
    assert all(page.title.endswith(" 2024") for page in pages.values())
    benesov = pages["CPIC Benešov"].get_latest_revision_as_object()
    assert benesov.year == 2024
    assert benesov.organisation == tree.benesov.page_ptr.specific
    assert benesov.responsible_person == "vedoucí každého Centra na podporu integrace cizinců"
    assert benesov.evaluation_method == "1x měsíčně/porada pracovního týmu"
    assert benesov.evaluation_deadline == "uzávěrka konec roku"
    goals = [(goal.text, goal.target) for goal in benesov.goals.all()]
    assert goals[0] == ("Minimálně 1x týdně navštěvovat místní OAMP.", "Minimálně 1x týdně")
    assert len(goals) == 2
    pisek = pages["CPIC Písek"].get_latest_revision_as_object()
    assert [goal.text for goal in pisek.goals.all()] == [
        "zajistit další prostory ke konzultacím",
        "pokračovat v terénní činnosti v okrese Písek",
    ]
    assert pisek.organisation is None


def test_reimporting_updates_instead_of_duplicating(tree):
    first = import_bytes(MANUAL_TEXT.encode(), "prirucka.txt", publish=True)
    again = import_bytes(MANUAL_TEXT.encode(), "prirucka.txt", publish=True)
    assert again.unchanged and again.updated[0].pk == first.created[0].pk

    changed = import_bytes(
        MANUAL_TEXT.replace("každý všední den", "nonstop").encode(), "prirucka.txt", publish=True
    )
    assert changed.created == [] and [p.pk for p in changed.updated] == [first.created[0].pk]
    page = ManualPage.objects.get(pk=first.created[0].pk)
    assert "nonstop" in str(page.body)
    assert ManualPage.objects.count() == 1
    # The changed file is a new document; the page links only the newest version.
    assert get_document_model().objects.count() == 2
    [source] = page.source_documents.all()
    assert source.document.file.read().endswith(b"nonstop.\n")
    assert ImportedFile.objects.get().document == source.document


def test_reimporting_goals_keeps_the_status_editors_recorded(tree):
    import_bytes(GOALS_TEXT.encode(), "cile-2024.txt", publish=True)
    benesov = OperationalGoalsPage.objects.get(title__startswith="CPIC Benešov")
    goal = benesov.goals.first()
    goal.status = "achieved"
    goal.save()

    import_bytes(
        GOALS_TEXT.replace("Uskutečnění", "Uspořádání").encode(), "cile-2024.txt", publish=True
    )

    assert OperationalGoalsPage.objects.count() == 3
    benesov = OperationalGoalsPage.objects.get(title__startswith="CPIC Benešov")
    assert [(g.text, g.status) for g in benesov.goals.all()] == [
        ("Minimálně 1x týdně navštěvovat místní OAMP.", "achieved"),
        ("Uspořádání multikulturní akce.", "planned"),
    ]


def test_dry_run_saves_nothing(tree):
    outcome = import_bytes(MANUAL_TEXT.encode(), "prirucka.txt", dry_run=True)
    assert [page.title for page in outcome.created] == ["Příručka pro obce"]
    assert ManualPage.objects.count() == 0
    assert ImportedFile.objects.count() == 0
    assert get_document_model().objects.count() == 0


def test_a_file_failing_half_way_leaves_nothing_behind(tree, monkeypatch, settings):
    def broken_revision(self, *args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ManualPage, "save_revision", broken_revision)
    with pytest.raises(RuntimeError):
        import_bytes(MANUAL_TEXT.encode(), "prirucka.txt")
    assert ManualPage.objects.count() == 0
    assert ImportedFile.objects.count() == 0
    assert get_document_model().objects.count() == 0
    assert not any(
        path.is_file() for path in settings.MEDIA_ROOT.rglob("*")
    )  # the stored original is removed


def test_missing_section_page_is_a_clear_error(tree):
    tree.manuals.delete()
    with pytest.raises(ImportRefused, match="--parent"):
        import_bytes(MANUAL_TEXT.encode(), "prirucka.txt")


def test_parent_must_accept_the_page_type(tree):
    with pytest.raises(ImportRefused, match="cannot be placed under"):
        import_bytes(MANUAL_TEXT.encode(), "prirucka.txt", kind=PageKind.MANUAL, parent=tree.goals)


def test_parent_by_id_or_path(tree):
    assert resolve_parent(str(tree.manuals.pk)) == tree.manuals
    assert resolve_parent("/rozcestnik-ingest/manualy/") == tree.manuals
    assert resolve_parent("manualy") == tree.manuals
    with pytest.raises(ImportRefused):
        resolve_parent("/neexistuje/")


def test_bad_file_is_refused_with_its_name(tree):
    with pytest.raises(ExtractionError, match="prazdny.txt"):
        import_bytes(b"   \n", "prazdny.txt")
    assert ManualPage.objects.count() == 0


def test_goals_update_the_page_an_editor_made_for_that_branch_and_year(tree):
    made_by_hand = OperationalGoalsPage(
        title="Cíle Benešov", slug="cile-benesov", year=2024, organisation=tree.benesov
    )
    tree.goals.add_child(instance=made_by_hand)

    outcome = import_bytes(GOALS_TEXT.encode(), "cile-2024.txt")

    assert made_by_hand.pk in [page.pk for page in outcome.updated]
    assert OperationalGoalsPage.objects.count() == 3
    revision = OperationalGoalsPage.objects.get(pk=made_by_hand.pk).get_latest_revision_as_object()
    assert revision.goals.count() == 2


def test_goals_update_the_branch_page_kept_under_its_organisation(tree):
    # As the demo keeps them: an organisation's goals live under the organisation, and the seed
    # document imported into the goals section must update them, not fail on "already has goals".
    under_organisation = OperationalGoalsPage(
        title="Cíle Benešov", slug="cile-benesov", year=2024, organisation=tree.benesov
    )
    tree.benesov.add_child(instance=under_organisation)

    outcome = import_bytes(GOALS_TEXT.encode(), "cile-2024.txt", publish=True)

    assert under_organisation.pk in [page.pk for page in outcome.updated]
    assert OperationalGoalsPage.objects.filter(organisation=tree.benesov).count() == 1
    assert OperationalGoalsPage.objects.get(pk=under_organisation.pk).goals.count() == 2


def test_goals_an_importer_may_not_edit_are_refused_not_overwritten(tree):
    tree.benesov.add_child(
        instance=OperationalGoalsPage(title="Cíle Benešov", slug="cile-benesov", year=2024, organisation=tree.benesov)
    )
    document = clean_text(GOALS_TEXT)

    with pytest.raises(ExtractionError, match="may not edit them"):
        plan_goals_pages(document, "cile-2024.txt", tree.goals, may_edit=lambda page: False)


def test_renamed_file_with_the_same_content_updates_its_page(tree):
    first = import_bytes(MANUAL_TEXT.encode(), "prirucka.txt")
    again = import_bytes(MANUAL_TEXT.encode(), "prirucka-v2.txt", force=True)
    assert [page.pk for page in again.updated] == [first.created[0].pk]
    assert (
        ManualPage.objects.count() == 1
        and ImportedFile.objects.get().source_name == "prirucka-v2.txt"
    )


def test_a_changed_file_never_replaces_the_file_a_live_page_serves(tree):
    [page] = import_bytes(MANUAL_TEXT.encode(), "prirucka.txt", publish=True).created
    live_document = ManualPage.objects.get(pk=page.pk).source_documents.get().document

    import_bytes((MANUAL_TEXT + "Dodatek.").encode(), "prirucka.txt")

    live = ManualPage.objects.get(pk=page.pk)
    assert live.source_documents.get().document == live_document
    assert live_document.file.read() == MANUAL_TEXT.encode()  # the old file is still there
    draft = live.get_latest_revision_as_object()
    [draft_source] = draft.source_documents.all()
    assert draft_source.document != live_document
    assert draft_source.document.file.read().endswith(b"Dodatek.")
    assert live.has_unpublished_changes


def test_summary_is_not_repeated_as_the_first_paragraph(tree):
    text = "Příručka\n\nKrátké shrnutí obsahu příručky.\n\nDalší odstavec textu."
    [page] = import_bytes(text.encode(), "shrnuti.txt").created
    draft = ManualPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert draft.summary == "Krátké shrnutí obsahu příručky."
    assert "Krátké shrnutí" not in str(draft.body)
    assert "Další odstavec textu." in str(draft.body)
