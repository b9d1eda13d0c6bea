"""Pages become search documents: what is in them, and which pages never are."""

import datetime
import json

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
from hub.ingest.models import DocumentText
from hub.manuals.models import ManualPage, ManualSourceDocument
from hub.practices.models import GoodPracticePage
from hub.taxonomy.models import Region, TargetGroup, Topic
from search.documents import count_indexable_pages, document_for_page, iter_documents
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


def test_manual_with_body_and_taxonomies(content_tree):
    region = Region.objects.create(
        name="Liberecký kraj", slug="liberecky", locale=content_tree.home.locale
    )
    topic = Topic.objects.create(
        name="Sociální služby", slug="socialni-sluzby", locale=content_tree.home.locale
    )
    group = TargetGroup.objects.create(name="Obce", slug="obce", locale=content_tree.home.locale)
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

    document = document_for_page(page)

    assert document.content_type == "manual"
    assert document.locale == "cs"
    assert document.url == "/cs/organizace/cpic-liberec/prirucka-pro-obce/"
    assert document.summary == "Jak pomoci cizincům na úřadě."
    for text in (
        "Kam odkázat klienta",
        "odborné sociální poradenství",
        "Lhůty běží",
        "Spolupracovat s krajem",
    ):
        assert text in document.body
    assert "<b>" not in document.body
    # Choice values are settings of a block, not words of the page.
    assert "warning" not in document.body and "h2" not in document.body
    assert (document.regions, document.topics, document.target_groups) == (
        ["liberecky"],
        ["socialni-sluzby"],
        ["obce"],
    )
    # Content under an organisation carries its name.
    assert document.organisations == ["CPIC Liberec"]
    assert document.year == page.first_published_at.year
    assert document.translation_key == str(page.translation_key)


def test_drafts_private_pages_and_sections_are_never_indexed(content_tree):
    public = manual(content_tree.manuals, title="Veřejná příručka")
    draft = manual(content_tree.manuals, title="Rozepsaná příručka", live=False)
    private_parent = content_tree.organisations.add_child(
        instance=type(content_tree.organisation)(title="Interní organizace", slug="interni")
    )
    hidden = manual(private_parent, title="Interní příručka")
    PageViewRestriction.objects.create(
        page=private_parent, restriction_type=PageViewRestriction.LOGIN
    )

    assert document_for_page(public) is not None
    assert document_for_page(draft) is None
    assert document_for_page(hidden) is None
    assert document_for_page(private_parent) is None
    assert (
        document_for_page(content_tree.manuals) is None
    )  # a section index is navigation, not content
    indexed = {document.page_id for document in iter_documents()}
    assert indexed == {public.pk, content_tree.organisation.pk}
    assert count_indexable_pages() == 2


def test_goals_page_indexes_each_goal_target_and_year(content_tree):
    goals = content_tree.organisation.add_child(
        instance=OperationalGoalsPage(
            title="Operační cíle 2024",
            slug="cile-2024",
            year=2024,
            organisation=content_tree.organisation,
            goals=[
                OperationalGoal(text="Uspořádat přednášky pro školy", target="alespoň 4 přednášky"),
                OperationalGoal(text="Navázat spolupráci s úřadem práce"),
            ],
        )
    )

    document = document_for_page(goals)

    assert document.content_type == "goals"
    assert document.year == 2024
    assert "Uspořádat přednášky pro školy" in document.body
    assert "alespoň 4 přednášky" in document.body
    assert "spolupráci s úřadem práce" in document.body
    assert document.organisations == ["CPIC Liberec"]


def test_organisation_and_good_practice_texts(content_tree):
    organisation = content_tree.organisation
    organisation.services = "<ul><li>Kurzy češtiny</li><li>Tlumočení</li></ul>"
    organisation.street_address = "Tř. 1. máje 108"
    organisation.town = "Liberec"
    organisation.save()
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

    organisation_document = document_for_page(organisation)
    practice_document = document_for_page(practice)

    assert (
        "Kurzy češtiny" in organisation_document.body
        and "Tř. 1. máje 108" in organisation_document.body
    )
    assert organisation_document.organisations == ["CPIC Liberec"]
    assert (
        "Jablonec nad Nisou" in practice_document.body
        and "absolvovalo 120" in practice_document.body
    )
    assert practice_document.organisations == ["CPIC Liberec", "Charita Liberec"]


def test_event_year_is_the_year_it_starts(content_tree):
    event = content_tree.organisation.add_child(
        instance=EventPage(
            title="Síťovací setkání",
            slug="setkani",
            online=True,
            start=datetime.datetime(2031, 3, 1, 10, tzinfo=datetime.UTC),
        )
    )
    assert document_for_page(event).year == 2031


def test_a_good_practice_is_filed_under_the_year_it_began_and_an_organisation_under_none(content_tree):
    practice = content_tree.organisation.add_child(
        instance=GoodPracticePage(title="Společná adresa", slug="spolecna-adresa", start_date=datetime.date(2012, 5, 1))
    )
    assert document_for_page(practice).year == 2012
    assert document_for_page(content_tree.organisation).year is None
    assert document_for_page(content_tree.organisation).facet_values()["year"] == []  # no "Rok" value


def test_attachment_text_is_indexed_and_extracted_once(content_tree, media_in_tmp, monkeypatch):
    page = manual(content_tree.manuals, title="Metodika")
    attach(page, "metodika.pdf", pdf_bytes([["Tlumoceni pro cizince v nemocnici"]]))

    assert "Tlumoceni pro cizince v nemocnici" in document_for_page(page).attachments

    # Reindexing reads the cached text: the PDF is not parsed again.
    def fail(*args, **kwargs):
        raise AssertionError("the attachment was parsed again")

    monkeypatch.setattr(document_text, "extract_isolated", fail)
    assert "v nemocnici" in document_for_page(page).attachments


def test_a_corrupt_attachment_does_not_stop_the_page(content_tree, media_in_tmp, caplog):
    page = manual(content_tree.manuals, title="Metodika s vadnou přílohou", summary="Shrnutí")
    attach(page, "poskozeny.pdf", b"%PDF-1.4 this is not really a pdf")
    attach(page, "v-poradku.pdf", pdf_bytes([["Druha priloha je v poradku"]]))

    document = document_for_page(page)

    assert document.summary == "Shrnutí"
    assert "Druha priloha je v poradku" in document.attachments
    failure = DocumentText.objects.get(filename__startswith="poskozeny")
    assert "poskozeny" in failure.error
    assert "poskozeny" in caplog.text


def test_iter_documents_query_count_does_not_grow_with_pages(content_tree):
    def queries_for_all_documents():
        with CaptureQueriesContext(connection) as captured:
            list(iter_documents())
        return len(captured)

    for number in range(3):
        manual(content_tree.manuals, title=f"Příručka {number}", body=json.dumps(BODY))
    queries_for_all_documents()  # fills the site root cache, which any page URL needs once
    few = queries_for_all_documents()
    for number in range(3, 12):
        manual(content_tree.manuals, title=f"Příručka {number}", body=json.dumps(BODY))
    assert queries_for_all_documents() == few
