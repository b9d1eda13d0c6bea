"""Manuals: where editors may create them, how they render, their contents list and review date."""

import datetime

import pytest

from hub.core.models import HomePage
from hub.demo.content.blocks import callout, heading, paragraph
from hub.events.models import EventIndexPage
from hub.manuals.models import ManualIndexPage, ManualPage
from hub.organisations.models import OrganisationIndexPage, OrganisationPage
from hub.practices.models import GoodPracticeIndexPage
from tests.hub.manuals.factories import ManualPageFactory
from tests.hub.sample_hub import HubPageTestCase, build_sample_hub

TODAY = datetime.date.today()
BODY = [
    heading("1. Centra na podporu integrace cizinců"),
    paragraph("<p>Centra poskytují sociální poradenství a kurzy českého jazyka.</p>"),
    heading("Krajské platformy", level="h3"),
    callout("tip", "Než začnete", "<p>Obraťte se na CPIC ve svém kraji.</p>"),
    heading("2. Навіщо об'єднуватися в мережі"),
]


class ManualPlacesInTheTree(HubPageTestCase):
    def test_a_manual_lives_in_the_library_or_under_the_organisation_that_wrote_it(self):
        self.assertAllowedParentPageTypes(ManualPage, {ManualIndexPage, OrganisationPage})
        self.assertCanCreateAt(ManualIndexPage, ManualPage)
        self.assertCanCreateAt(OrganisationPage, ManualPage)

    def test_a_manual_cannot_be_created_in_other_sections_or_under_another_page(self):
        for parent in (HomePage, OrganisationIndexPage, GoodPracticeIndexPage, EventIndexPage, ManualPage):
            self.assertCanNotCreateAt(parent, ManualPage)
        self.assertAllowedSubpageTypes(ManualPage, {})

    def test_the_library_sits_under_the_home_page_and_holds_only_manuals(self):
        self.assertAllowedParentPageTypes(ManualIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ManualIndexPage, {ManualPage})


class ManualPagesRender(HubPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.hub = build_sample_hub()
        cls.manual = ManualPageFactory(
            parent=cls.hub.cpic,
            title="Doporučení pro nové aktéry v integraci",
            summary="Jak se zapojit do sítě aktérů integrace cizinců v kraji.",
            body=BODY,
            last_checked=TODAY - datetime.timedelta(days=400),
            check_by=TODAY - datetime.timedelta(days=35),
        )

    def test_the_library_and_a_manual_are_routable_and_render(self):
        for page in (self.hub.manuals, self.manual):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)

    def test_a_manual_shows_its_text_its_contents_and_that_it_is_due_for_review(self):
        html = self.client.get(self.manual.url).content.decode()
        assert "<h1>Doporučení pro nové aktéry v integraci</h1>" in html
        assert "Centra poskytují sociální poradenství" in html
        assert 'href="#1-centra-na-podporu-integrace-cizincu"' in html
        assert "Tento text čeká na kontrolu" in html

    def test_a_manual_under_an_organisation_is_listed_in_the_library(self):
        response = self.client.get(self.hub.manuals.url)
        assert [page.title for page in response.context["page_obj"]] == [self.manual.title]

    def test_a_second_library_cannot_be_added_to_the_same_home_page(self):
        assert not ManualIndexPage.can_create_at(self.hub.home)


# A page, even unsaved, looks up its content type in the database: these tests need it.
@pytest.mark.django_db
def test_table_of_contents_lists_the_headings_in_order_with_their_levels_and_anchors():
    manual = ManualPage(title="Metodika", body=BODY)
    assert manual.table_of_contents() == [
        {"text": "1. Centra na podporu integrace cizinců", "anchor": "1-centra-na-podporu-integrace-cizincu", "level": "h2"},
        {"text": "Krajské platformy", "anchor": "krajske-platformy", "level": "h3"},
        # Ukrainian keeps its letters: an ASCII slug would erase the whole heading.
        {"text": "2. Навіщо об'єднуватися в мережі", "anchor": "2-навіщо-обєднуватися-в-мережі", "level": "h2"},
    ]


@pytest.mark.django_db
def test_table_of_contents_is_empty_without_headings():
    assert ManualPage(title="Metodika", body=[paragraph("<p>Jen text.</p>")]).table_of_contents() == []
    assert ManualPage(title="Metodika").table_of_contents() == []
