"""Good practice: where editors may create it, how it renders, and the section listing's order."""

import datetime

from django.test import TestCase

from hub.core.models import HomePage
from hub.demo.content.blocks import heading, link, paragraph
from hub.events.models import EventIndexPage
from hub.manuals.models import ManualIndexPage
from hub.organisations.models import OrganisationIndexPage, OrganisationPage
from hub.practices.models import GoodPracticeIndexPage, GoodPracticePage
from tests.hub.practices.factories import GoodPracticePageFactory
from tests.hub.sample_hub import HubPageTestCase, build_sample_hub, listed_titles
from tests.hub.taxonomy.factories import RegionFactory


class GoodPracticePlacesInTheTree(HubPageTestCase):
    def test_good_practice_lives_in_its_section_or_under_its_organisation(self):
        self.assertAllowedParentPageTypes(GoodPracticePage, {GoodPracticeIndexPage, OrganisationPage})
        self.assertCanCreateAt(GoodPracticeIndexPage, GoodPracticePage)
        self.assertCanCreateAt(OrganisationPage, GoodPracticePage)

    def test_good_practice_cannot_be_created_elsewhere_and_has_no_subpages(self):
        for parent in (HomePage, ManualIndexPage, OrganisationIndexPage, EventIndexPage, GoodPracticePage):
            self.assertCanNotCreateAt(parent, GoodPracticePage)
        self.assertAllowedSubpageTypes(GoodPracticePage, {})

    def test_the_section_sits_under_the_home_page_and_holds_only_good_practice(self):
        self.assertAllowedParentPageTypes(GoodPracticeIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(GoodPracticeIndexPage, {GoodPracticePage})


class GoodPracticePagesRender(HubPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.hub = build_sample_hub()
        cls.practice = GoodPracticePageFactory(
            parent=cls.hub.cpic,
            title="Společná adresa – integrační projekt Prahy 13",
            municipality="Praha 13",
            summary="Městská část nabízí cizincům jedno místo pro úřední záležitosti.",
            start_date=datetime.date(2019, 9, 1),
            organisations=[cls.hub.cpic],
            body=[heading("Co jsme udělali"), paragraph("<p>Otevřeli jsme kontaktní místo na radnici.</p>")],
            outcomes="<p>Za rok přišlo přes 600 klientů.</p>",
            funding_source="Dotace MV ČR na integraci cizinců",
            contact="Jana Nováková, integrace@praha13.cz",
            links=[link("Projekt na webu městské části", "https://www.praha13.cz")],
        )

    def test_the_section_and_good_practice_are_routable_and_render(self):
        for page in (self.hub.practices, self.practice):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)

    def test_good_practice_shows_what_was_done_its_outcomes_and_who_to_ask(self):
        html = self.client.get(self.practice.url).content.decode()
        for text in (
            "Otevřeli jsme kontaktní místo na radnici.",
            "Za rok přišlo přes 600 klientů.",
            "Dotace MV ČR na integraci cizinců",
            'href="mailto:integrace@praha13.cz"',
            'href="https://www.praha13.cz"',
            f'href="{self.hub.cpic.url}"',
        ):
            assert text in html, text


class GoodPracticeListing(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.hub = build_sample_hub()
        ustecky = RegionFactory(name="Ústecký kraj", slug="ustecky")
        GoodPracticePageFactory(parent=cls.hub.practices, title="Asistence ve školách")
        GoodPracticePageFactory(parent=cls.hub.cpic, title="Komunitní tlumočníci", regions=[ustecky])
        GoodPracticePageFactory(parent=cls.hub.practices, title="Bezplatné kurzy češtiny", regions=[ustecky])

    def titles(self, **params):
        return listed_titles(self.hub.practices, **params)

    def test_default_order_is_by_title_across_the_tree(self):
        assert self.titles() == ["Asistence ve školách", "Bezplatné kurzy češtiny", "Komunitní tlumočníci"]

    def test_newest_order_puts_the_last_published_first(self):
        assert self.titles(order="newest") == [
            "Bezplatné kurzy češtiny",
            "Komunitní tlumočníci",
            "Asistence ve školách",
        ]

    def test_region_filter_and_an_unknown_region_that_matches_nothing(self):
        assert self.titles(region="ustecky") == ["Bezplatné kurzy češtiny", "Komunitní tlumočníci"]
        assert self.titles(region="neexistuje") == []
