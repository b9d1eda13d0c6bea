"""Readers browse by kind: a page's section and breadcrumbs follow its type, not where it is stored."""

from django.test import TestCase

from hub.core.wayfinding import page_trail
from tests.hub.events.factories import EventPageFactory
from tests.hub.manuals.factories import ManualPageFactory
from tests.hub.sample_hub import build_sample_hub


class Wayfinding(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.hub = build_sample_hub()
        cls.manual = ManualPageFactory(parent=cls.hub.cpic, title="Manuál CPIC Jihlava")
        cls.event = EventPageFactory(parent=cls.hub.events, title="Setkání platformy")

    def titles(self, pages):
        return [page.title for page in pages]

    def test_content_under_an_organisation_belongs_to_the_section_of_its_type(self):
        trail = page_trail(self.manual)
        assert trail.section.pk == self.hub.manuals.pk
        assert self.titles(trail.breadcrumbs) == [self.hub.home.title, "Metodiky a manuály", "CPIC Jihlava"]

    def test_content_in_its_section_and_organisations_keep_their_place(self):
        assert self.titles(page_trail(self.event).breadcrumbs) == [self.hub.home.title, "Aktuality a akce"]
        assert page_trail(self.hub.cpic).section.pk == self.hub.organisations.pk
        assert self.titles(page_trail(self.hub.cpic).breadcrumbs) == [self.hub.home.title, "Organizace"]

    def test_a_section_is_its_own_section_and_home_has_no_trail(self):
        assert page_trail(self.hub.manuals).section.pk == self.hub.manuals.pk
        assert self.titles(page_trail(self.hub.manuals).breadcrumbs) == [self.hub.home.title]
        assert page_trail(self.hub.home).breadcrumbs == []
        assert page_trail(None) is None

    def test_the_menu_marks_the_section_and_the_breadcrumb_names_the_organisation(self):
        html = self.client.get(self.manual.url).content.decode()
        assert f'<a href="{self.hub.manuals.url}" aria-current="true">Metodiky a manuály</a>' in html
        assert f'<li><a href="{self.hub.cpic.url}">CPIC Jihlava</a></li>' in html
        assert html.count("aria-current=") == 3  # the section, the language, the breadcrumb's last item
