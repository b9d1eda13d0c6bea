"""Pages become IndexedPages: page text, passages with the anchors the rendered page has, facets."""

import datetime
import json
import re

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify
from wagtail.documents.models import Document
from wagtail.models import PageViewRestriction

from hub.events.models import EventPage
from hub.goals.models import OperationalGoal, OperationalGoalsPage
from hub.ingest import document_text
from hub.ingest.models import DocumentText, ImportedFile, ImportedPage
from hub.journeys.models import JourneyIndexPage, JourneyPage
from hub.manuals.models import ManualPage, ManualSourceDocument
from hub.organisations.models import OrganisationPlace
from hub.practices.models import GoodPracticePage
from hub.taxonomy.models import Region, TargetGroup, Topic
from search.changes.consumers import IndexedPageCache
from search.documents.pages import count_indexable_pages, indexed_page, iter_indexed_pages
from search.models import IndexUpdate
from tests.hub.ingest.conftest import pdf_bytes

pytestmark = pytest.mark.django_db

BODY = [
    {"type": "heading", "value": {"text": "Kam odkázat klienta", "level": "h2"}},
    {"type": "paragraph", "value": "<p>Obraťte se na <b>odborné sociální poradenství</b>.</p>"},
    {
        "type": "callout",
        "value": {"kind": "warning", "title": "Pozor", "text": "<p>Lhůty běží.</p>"},
    },
    {
        "type": "recommendations",
        "value": {
            "title": "Doporučení",
            "items": [{"text": "Spolupracovat s krajem", "responsible": "CPIC"}],
        },
    },
]
SENTENCE = "Sociální pracovník obce pomáhá rodinám cizinců najít bydlení, školu a lékaře v okolí. "


def long_body():
    """Three chapters, one of them under a heading used twice, each long enough to be its own passage."""
    return [
        {"type": "paragraph", "value": f"<p>{SENTENCE * 30}</p>"},
        {"type": "heading", "value": {"text": "Bydlení", "level": "h2"}},
        {"type": "paragraph", "value": f"<p>{'Azylové domy přijímají matky s dětmi. ' * 40}</p>"},
        {"type": "heading", "value": {"text": "Ubytovny", "level": "h3"}},
        {"type": "paragraph", "value": f"<p>{'Ubytovny pro pracovníky nabízí kraj. ' * 40}</p>"},
        {"type": "heading", "value": {"text": "Bydlení", "level": "h2"}},
        {"type": "paragraph", "value": f"<p>{'Nájemní agentura města pomáhá s nájmem. ' * 40}</p>"},
    ]


@pytest.fixture
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def manual(parent, **fields):
    fields.setdefault("slug", slugify(fields["title"]))
    return parent.add_child(instance=ManualPage(**fields))


def attach(page, filename, data):
    document = Document.objects.create(title=filename, file=ContentFile(data, name=filename))
    ManualSourceDocument.objects.create(page=page, document=document)
    return document


def all_text(indexed):
    return "\n".join(passage.text for passage in indexed.passages)


def test_manual_with_body_and_taxonomies(content_tree, locales):
    region = Region.objects.create(name="Liberecký kraj", slug="liberecky", locale=locales["cs"])
    Region.objects.create(
        name="Ліберецький край", slug="liberecky", locale=locales["uk"], translation_key=region.translation_key
    )
    topic = Topic.objects.create(name="Sociální služby", slug="socialni-sluzby", locale=locales["cs"])
    group = TargetGroup.objects.create(name="Obce", slug="obce", locale=locales["cs"])
    page = manual(
        content_tree.organisation,
        title="Příručka pro obce",
        summary="Jak pomoci cizincům na úřadě.",
        body=json.dumps(BODY),
    )
    page.regions.add(region)
    page.topics.add(topic)
    page.target_groups.add(group)
    page.save_revision().publish()
    page.refresh_from_db()

    indexed = indexed_page(page)

    assert (indexed.content_type, indexed.locale) == ("manual", "cs")
    assert indexed.url == "/cs/organizace/cpic-liberec/prirucka-pro-obce/"
    assert indexed.texts["lead"] == "Jak pomoci cizincům na úřadě."
    # A short page is one passage at its top, with all of its text.
    [passage] = indexed.passages
    assert (passage.anchor, passage.heading) == ("", ())
    for text in ("Jak pomoci cizincům", "odborné sociální poradenství", "Lhůty běží", "Spolupracovat s krajem"):
        assert text in passage.text
    assert "<b>" not in passage.text
    # Choice values are settings of a block, not words of the page.
    assert "warning" not in passage.text and "h2" not in passage.text
    # Taxonomy names in every language and the organisation are findable page text.
    for label in ("Liberecký kraj", "Ліберецький край", "Sociální služby", "Obce", "CPIC Liberec"):
        assert label in indexed.texts["labels"]
    assert indexed.facets["region"] == ["liberecky"]
    assert indexed.facets["topic"] == ["socialni-sluzby"]
    assert indexed.facets["target_group"] == ["obce"]
    assert indexed.facets["organisation"] == ["CPIC Liberec"]
    assert indexed.facets["year"] == [str(page.first_published_at.year)]
    assert indexed.translation_key == str(page.translation_key)


def test_a_long_page_is_cut_at_its_headings_and_every_anchor_exists_on_the_page(content_tree, client):
    page = manual(content_tree.manuals, title="Manuál bydlení", summary="Kam s rodinou.", body=json.dumps(long_body()))

    indexed = indexed_page(page)

    sections = [(passage.anchor, passage.heading) for passage in indexed.passages]
    assert sections[0] == ("", ())
    assert ("bydleni", ("Bydlení",)) in sections
    assert ("ubytovny", ("Bydlení", "Ubytovny")) in sections
    # The second chapter of the same name gets its own id, so its link lands on it.
    assert ("bydleni-2", ("Bydlení",)) in sections
    assert all(len(passage.text.split()) <= 400 for passage in indexed.passages)
    html = client.get(page.url).content.decode()
    ids = set(re.findall(r'id="([^"]+)"', html))
    assert {passage.anchor for passage in indexed.passages if passage.anchor} <= ids
    assert html.count('id="bydleni"') == 1 and 'href="#bydleni-2"' in html


def test_goals_page_has_a_passage_per_goal(content_tree, client):
    goals = content_tree.organisation.add_child(
        instance=OperationalGoalsPage(
            title="Operační cíle 2024",
            slug="cile-2024",
            year=2024,
            organisation=content_tree.organisation,
            goals=[
                OperationalGoal(text=f"Uspořádat přednášky pro školy v okrese číslo {n}. " * 8) for n in range(3)
            ]
            + [OperationalGoal(text="Navázat spolupráci s úřadem práce", target="alespoň 2 schůzky")],
        )
    )

    indexed = indexed_page(goals)

    assert indexed.content_type == "goals" and indexed.facets["year"] == ["2024"]
    last = indexed.passages[-1]
    assert last.anchor == "goal-4" and "alespoň 2 schůzky" in last.text
    assert last.heading == ("Cíl 4",)  # in the page's language
    assert indexed.facets["organisation"] == ["CPIC Liberec"]
    assert 'id="goal-4"' in client.get(goals.url).content.decode()


def test_organisation_and_good_practice_texts(content_tree):
    organisation = content_tree.organisation
    organisation.services = "<ul><li>Kurzy češtiny</li><li>Tlumočení</li></ul>"
    organisation.street_address = "Tř. 1. máje 108"
    organisation.town = "Liberec"
    organisation.phone = "+420 485 000 000"
    organisation.save()
    OrganisationPlace.objects.create(page=organisation, label="Kontaktní místo Jablonec", town="Jablonec nad Nisou")
    practice = organisation.add_child(
        instance=GoodPracticePage(
            title="Adaptační kurzy",
            slug="adaptacni-kurzy",
            municipality="Jablonec nad Nisou",
            outcomes="<p>Kurz absolvovalo 120 lidí.</p>",
        )
    )
    partner = content_tree.organisations.add_child(
        instance=type(organisation)(title="Charita Liberec", slug="charita")
    )
    practice.organisations.add(partner)
    practice.save()

    organisation_page = indexed_page(organisation)
    practice_page = indexed_page(practice)

    # List items stay lines of their own, so an excerpt never runs one into the next.
    assert "Kurzy češtiny\nTlumočení" in all_text(organisation_page)
    # The town of an office and the address are found with any passage of the page.
    assert "Kontaktní místo Jablonec" in organisation_page.texts["labels"]
    assert "Jablonec nad Nisou" in organisation_page.texts["labels"]
    assert "Tř. 1. máje 108" in organisation_page.texts["labels"]
    assert "+420 485 000 000" in organisation_page.texts["facts"]
    assert organisation_page.facets["organisation"] == ["CPIC Liberec"]
    assert "Jablonec nad Nisou" in practice_page.texts["labels"]
    assert "absolvovalo 120" in all_text(practice_page)
    assert practice_page.facets["organisation"] == ["CPIC Liberec", "Charita Liberec"]


def test_event_year_is_the_year_it_starts(content_tree):
    event = content_tree.organisation.add_child(
        instance=EventPage(
            title="Síťovací setkání",
            slug="setkani",
            online=True,
            start=datetime.datetime(2031, 3, 1, 10, tzinfo=datetime.UTC),
        )
    )
    assert indexed_page(event).facets["year"] == ["2031"]


def test_a_good_practice_is_filed_under_the_year_it_began_and_an_organisation_under_none(content_tree):
    practice = content_tree.organisation.add_child(
        instance=GoodPracticePage(title="Společná adresa", slug="spolecna-adresa", start_date=datetime.date(2012, 5, 1))
    )
    assert indexed_page(practice).facets["year"] == ["2012"]
    assert indexed_page(content_tree.organisation).facets["year"] == []  # no "Rok" value


def test_a_journey_is_found_by_who_it_is_for_and_by_its_steps(content_tree):
    journeys = content_tree.home.add_child(instance=JourneyIndexPage(title="Jsem…", slug="jsem"))
    journey = journeys.add_child(
        instance=JourneyPage(
            title="Obec",
            slug="obec",
            audience="Sociální pracovník obce nebo ORP",
            steps=json.dumps(
                [{"type": "step", "value": {"title": "Zjistěte, kdo v obci žije", "text": "<p>Obraťte se na CPIC.</p>",
                                            "shows": ["helplines"], "pages": []}}]
            ),
        )
    )

    indexed = indexed_page(journey)

    assert indexed.content_type == "journey"
    assert "Sociální pracovník obce" in indexed.texts["lead"]
    assert "Zjistěte, kdo v obci žije" in all_text(indexed) and "Obraťte se na CPIC." in all_text(indexed)
    assert "Helplines" not in all_text(indexed) and "Linky" not in all_text(indexed)  # layout, not what it says


def test_drafts_private_pages_and_sections_are_never_indexed(content_tree):
    public = manual(content_tree.manuals, title="Veřejná příručka")
    draft = manual(content_tree.manuals, title="Rozepsaná příručka", live=False)
    private_parent = content_tree.organisations.add_child(
        instance=type(content_tree.organisation)(title="Interní organizace", slug="interni")
    )
    hidden = manual(private_parent, title="Interní příručka")
    PageViewRestriction.objects.create(page=private_parent, restriction_type=PageViewRestriction.LOGIN)

    assert indexed_page(public) is not None
    assert indexed_page(draft) is None
    assert indexed_page(hidden) is None
    assert indexed_page(private_parent) is None
    assert indexed_page(content_tree.manuals) is None  # a section index is navigation, not content
    assert {page.page_id for page in iter_indexed_pages()} == {public.pk, content_tree.organisation.pk}
    assert count_indexable_pages() == 2


def test_attachments_are_passages_per_pdf_page_and_extracted_once(content_tree, media_in_tmp, monkeypatch):
    page = manual(content_tree.manuals, title="Metodika")
    document = attach(
        page, "metodika.pdf", pdf_bytes([["Uvod do tlumoceni"], ["Tlumoceni pro cizince v nemocnici"]])
    )

    passages = [passage for passage in indexed_page(page).passages if passage.role == "attachment"]

    assert [passage.heading for passage in passages] == [("metodika.pdf", "strana 1"), ("metodika.pdf", "strana 2")]
    assert passages[1].anchor == f"attachment-{document.pk}"
    assert "v nemocnici" in passages[1].text

    # Reindexing reads the cached text: the PDF is not parsed again.
    def fail(*args, **kwargs):
        raise AssertionError("the attachment was parsed again")

    monkeypatch.setattr(document_text, "extract_isolated", fail)
    assert "v nemocnici" in all_text(indexed_page(page))


def test_the_file_a_page_was_imported_from_is_not_indexed_twice(content_tree, media_in_tmp):
    page = manual(content_tree.manuals, title="Importovaná metodika", body=json.dumps(BODY))
    document = attach(page, "zdroj.pdf", pdf_bytes([["Obratte se na odborne socialni poradenstvi"]]))
    record = ImportedFile.objects.create(
        source_name="zdroj.pdf", checksum="0" * 64, locale=page.locale, kind="manual", document=document
    )
    ImportedPage.objects.create(source=record, page=page)
    assert all(passage.role == "text" for passage in indexed_page(page).passages)


def test_a_corrupt_attachment_does_not_stop_the_page(content_tree, media_in_tmp, caplog):
    page = manual(content_tree.manuals, title="Metodika s vadnou přílohou", summary="Shrnutí")
    attach(page, "poskozeny.pdf", b"%PDF-1.4 this is not really a pdf")
    attach(page, "v-poradku.pdf", pdf_bytes([["Druha priloha je v poradku"]]))

    indexed = indexed_page(page)

    assert indexed.texts["lead"] == "Shrnutí"
    assert "Druha priloha je v poradku" in all_text(indexed)
    failure = DocumentText.objects.get(filename__startswith="poskozeny")
    assert "poskozeny" in failure.error
    assert "poskozeny" in caplog.text


def test_serialising_all_pages_costs_the_same_queries_for_more_pages(content_tree):
    def queries_for_all_pages():
        with CaptureQueriesContext(connection) as captured:
            list(iter_indexed_pages())
        return len(captured)

    for number in range(3):
        manual(content_tree.manuals, title=f"Příručka {number}", body=json.dumps(BODY))
    queries_for_all_pages()  # fills the site root cache, which any page URL needs once
    few = queries_for_all_pages()
    for number in range(3, 12):
        manual(content_tree.manuals, title=f"Příručka {number}", body=json.dumps(BODY))
    assert queries_for_all_pages() == few


def test_a_batch_of_changes_is_read_with_the_same_queries_for_more_pages(content_tree):
    """What the worker and a rebuild's replay apply: read per content type, not page by page."""

    def queries_for(pages):
        with CaptureQueriesContext(connection) as captured:
            indexed, _, _ = IndexedPageCache().resolve({page.pk: IndexUpdate.Action.INDEX for page in pages})
        assert sorted(page.title for page in indexed) == sorted(page.title for page in pages)
        return len(captured)

    pages = [manual(content_tree.manuals, title=f"Příručka {number}", body=json.dumps(BODY)) for number in range(12)]
    queries_for(pages[:3])  # fills the site root cache, which any page URL needs once
    assert queries_for(pages) == queries_for(pages[:3])
