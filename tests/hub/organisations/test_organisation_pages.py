"""Organisations: where editors may create them and their content, how a profile renders, and the
directory listing (by name, filtered, one language at a time)."""

from django.test import RequestFactory, TestCase
from wagtail.models import Locale

from hub.core.models import HomePage
from hub.core.templatetags.hub_tags import recently_published
from hub.events.models import EventIndexPage, EventPage
from hub.goals.models import OperationalGoalsPage
from hub.manuals.models import ManualIndexPage, ManualPage
from hub.organisations.models import OrganisationIndexPage, OrganisationPage
from hub.practices.models import GoodPracticePage
from tests.hub.manuals.factories import ManualPageFactory
from tests.hub.organisations.factories import HelplineFactory, OrganisationPageFactory
from tests.hub.sample_hub import HubPageTestCase, build_sample_hub, listed_titles
from tests.hub.taxonomy.factories import TopicFactory


class OrganisationPlacesInTheTree(HubPageTestCase):
    def test_an_organisation_lives_only_in_the_directory(self):
        self.assertAllowedParentPageTypes(OrganisationPage, {OrganisationIndexPage})
        for parent in (HomePage, ManualIndexPage, EventIndexPage, OrganisationPage):
            self.assertCanNotCreateAt(parent, OrganisationPage)

    def test_an_organisation_holds_the_content_it_publishes(self):
        self.assertAllowedSubpageTypes(
            OrganisationPage, {ManualPage, GoodPracticePage, OperationalGoalsPage, EventPage}
        )

    def test_the_directory_sits_under_the_home_page_and_holds_only_organisations(self):
        self.assertAllowedParentPageTypes(OrganisationIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(OrganisationIndexPage, {OrganisationPage})


class OrganisationPagesRender(HubPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.hub = build_sample_hub()
        cls.helpline = HelplineFactory(
            name="Infolinka pro cizince", phone="974 801 802", hours="Po–Pá 8–16 h"
        )
        cls.branch = OrganisationPageFactory(
            parent=cls.hub.organisations,
            title="CPIC Jihlava – kontaktní místo Třebíč",
            operator=cls.hub.cpic,
            phone="774 123 456",
            street_address="Karlovo nám. 104/55",
            postal_code="674 01",
            town="Třebíč",
            languages=["cs", "uk", "ru"],
            helplines=[cls.helpline],
        )
        cls.manual = ManualPageFactory(parent=cls.hub.cpic, title="Adresář tlumočníků na Vysočině")

    def test_the_directory_and_profiles_are_routable_and_render(self):
        for page in (self.hub.organisations, self.hub.cpic, self.branch):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)

    def test_a_profile_shows_its_contacts_operator_helplines_and_published_content(self):
        branch = self.client.get(self.branch.url).content.decode()
        assert 'href="tel:+420774123456"' in branch
        assert "čeština, ukrajinština, ruština" in branch
        assert "Karlovo nám. 104/55, 674 01 Třebíč" in branch
        assert f'href="{self.hub.cpic.url}"' in branch
        assert "Infolinka pro cizince" in branch
        operator = self.client.get(self.hub.cpic.url).content.decode()
        assert f'href="{self.branch.url}"' in operator
        assert "Adresář tlumočníků na Vysočině" in operator

    def test_recently_published_lists_content_but_not_organisation_profiles(self):
        titles = [page.title for page in recently_published(self.hub.home)]
        assert titles == ["Adresář tlumočníků na Vysočině"]


class OrganisationDirectoryListing(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.hub = build_sample_hub()
        housing = TopicFactory(name="Bydlení", slug="bydleni")
        OrganisationPageFactory(parent=cls.hub.organisations, title="Poradna pro integraci", topics=[housing])
        OrganisationPageFactory(parent=cls.hub.organisations, title="Městská část Praha 13")
        english = Locale.objects.get(language_code="en")
        translated = cls.hub.cpic.copy_for_translation(english, copy_parents=True)
        translated.save_revision().publish()

    def test_the_directory_lists_its_language_by_name(self):
        assert listed_titles(self.hub.organisations) == [
            "CPIC Jihlava",
            "Městská část Praha 13",
            "Poradna pro integraci",
        ]

    def test_topic_filter_keeps_only_organisations_with_that_topic(self):
        assert listed_titles(self.hub.organisations, topic="bydleni") == ["Poradna pro integraci"]

    def test_the_translated_directory_lists_translations_first_then_czech_profiles(self):
        english_directory = self.hub.organisations.get_translation(Locale.objects.get(language_code="en"))
        listing = english_directory.specific.listed_pages(RequestFactory().get("/"))
        assert [(page.title, page.locale.language_code) for page in listing.pages] == [
            ("CPIC Jihlava", "en"),
            ("Městská část Praha 13", "cs"),
            ("Poradna pro integraci", "cs"),
        ]
        assert [page.in_default_language for page in listing.pages] == [False, True, True]
