"""'I am …' journeys: where they live in the tree, the list of journeys in every language, and a step."""

from hub.core.models import HomePage
from hub.journeys.models import JourneyIndexPage, JourneyPage
from tests.hub.journeys.factories import JourneyIndexPageFactory, JourneyPageFactory, step
from tests.hub.regions.regional_hub import translate_page
from tests.hub.sample_hub import HubPageTestCase, build_sample_hub


class JourneysInTheTree(HubPageTestCase):
    def test_journeys_live_in_their_index_under_the_home_page(self):
        self.assertAllowedParentPageTypes(JourneyIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(JourneyIndexPage, {JourneyPage})
        self.assertAllowedParentPageTypes(JourneyPage, {JourneyIndexPage})
        self.assertAllowedSubpageTypes(JourneyPage, set())


class JourneyPagesRender(HubPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.hub = build_sample_hub()
        cls.index = JourneyIndexPageFactory(parent=cls.hub.home)
        cls.municipality = JourneyPageFactory(
            parent=cls.index,
            slug="obec",
            audience="Obec nebo ORP",
            steps=[
                step("Spojte se s CPIC ve svém kraji", shows=["regional_centre"]),
                step("Volejte infolinky", shows=["helplines"], pages=[cls.hub.cpic]),
            ],
        )
        cls.school = JourneyPageFactory(parent=cls.index, slug="skola", audience="Škola")
        translate_page(cls.hub.home, "uk", title="Дороговказ")
        cls.index_uk = translate_page(cls.index, "uk", title="Я…", slug="ya")
        translate_page(cls.municipality, "uk", title="Перші кроки для громад", audience="Громада")

    def test_the_index_and_journeys_are_routable_and_render(self):
        for page in (self.index, self.municipality, self.index_uk):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)

    def test_steps_are_numbered_and_without_a_region_ask_for_one(self):
        html = self.client.get(self.municipality.url).content.decode()
        assert '<ol class="steps">' in html and html.count('<li class="step">') == 2
        assert 'href="#region-chooser"' in html and 'id="region-chooser"' in html
        assert 'href="/cs/organizace/cpic-jihlava/"' in html

    def test_the_ukrainian_index_lists_its_journey_then_the_czech_one_labelled(self):
        html = self.client.get(self.index_uk.url).content.decode()
        assert html.index("Громада") < html.index("Škola")
        assert "чеською" in html and f'href="/uk/preklad/{self.school.pk}/"' in html

    def test_the_journeys_name_in_region_addresses_is_the_czech_slug(self):
        translated = self.municipality.get_translation(self.index_uk.locale)
        assert translated.specific.route_slug == "obec"
