"""The home page: the root of each language's tree, holding the sections, and rendering them."""

from wagtail.models import Page

from hub.core.models import HomePage
from hub.events.models import EventIndexPage
from hub.goals.models import OperationalGoalsIndexPage
from hub.journeys.models import JourneyIndexPage
from hub.manuals.models import ManualIndexPage, ManualPage
from hub.organisations.models import OrganisationIndexPage, OrganisationPage
from hub.practices.models import GoodPracticeIndexPage
from tests.hub.sample_hub import HubPageTestCase, build_sample_hub

SECTIONS = {
    OrganisationIndexPage,
    ManualIndexPage,
    GoodPracticeIndexPage,
    OperationalGoalsIndexPage,
    EventIndexPage,
    JourneyIndexPage,
}


class HomePagePlaceInTheTree(HubPageTestCase):
    def test_the_home_page_sits_at_the_root_and_holds_the_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, SECTIONS)

    def test_content_pages_do_not_go_straight_under_the_home_page(self):
        for content_type in (ManualPage, OrganisationPage):
            self.assertCanNotCreateAt(HomePage, content_type)


class HomePageRenders(HubPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.hub = build_sample_hub()

    def test_the_home_page_is_routable_and_renders_its_intro_and_sections(self):
        self.assertPageIsRoutable(self.hub.home)
        self.assertPageIsRenderable(self.hub.home)
        html = self.client.get(self.hub.home.url).content.decode()
        assert "Metodiky, dobrá praxe a kontakty pro všechny" in html
        for section in (self.hub.organisations, self.hub.manuals, self.hub.events):
            assert f'href="{section.url}"' in html
