"""News and events: where editors may create them, how they render, what counts as upcoming, and
the order of the "Aktuality a akce" listing."""

import datetime

import pytest
from django.test import TestCase
from django.utils import timezone

from hub.core.models import HomePage
from hub.demo.content.blocks import paragraph
from hub.events.models import EventIndexPage, EventPage
from hub.manuals.models import ManualIndexPage
from hub.organisations.models import OrganisationIndexPage, OrganisationPage
from tests.hub.events.factories import EventPageFactory
from tests.hub.sample_hub import HubPageTestCase, build_sample_hub, listed_titles
from tests.hub.taxonomy.factories import RegionFactory

NOW = timezone.now()


def days(count):
    return NOW + datetime.timedelta(days=count)


class EventPlacesInTheTree(HubPageTestCase):
    def test_an_event_lives_in_the_news_section_or_under_its_organisation(self):
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage, OrganisationPage})
        self.assertCanCreateAt(EventIndexPage, EventPage)
        self.assertCanCreateAt(OrganisationPage, EventPage)

    def test_an_event_cannot_be_created_elsewhere_and_has_no_subpages(self):
        for parent in (HomePage, ManualIndexPage, OrganisationIndexPage, EventPage):
            self.assertCanNotCreateAt(parent, EventPage)
        self.assertAllowedSubpageTypes(EventPage, {})

    def test_the_news_section_sits_under_the_home_page_and_holds_only_events(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})


class EventPagesRender(HubPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.hub = build_sample_hub()
        cls.training = EventPageFactory(
            parent=cls.hub.cpic,
            title="Školení: Dočasná ochrana v praxi obcí",
            kind=EventPage.Kind.TRAINING,
            summary="Co obce potřebují vědět o dočasné ochraně a humanitární dávce.",
            start=days(10),
            end=days(10) + datetime.timedelta(hours=4),
            place="Krajský úřad Kraje Vysočina, Jihlava",
            registration_url="https://www.example.org/registrace",
            body=[paragraph("<p>Školení vede sociální pracovnice CPIC Jihlava.</p>")],
        )
        cls.past_meeting = EventPageFactory(
            parent=cls.hub.events,
            title="Setkání krajské platformy Vysočina",
            kind=EventPage.Kind.MEETING,
            start=days(-30),
            end=days(-30) + datetime.timedelta(hours=2),
            online=True,
            place="",
            registration_url="https://www.example.org/registrace-platforma",
        )

    def test_the_section_and_events_are_routable_and_render(self):
        for page in (self.hub.events, self.training, self.past_meeting):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)

    def test_registration_is_offered_only_while_the_event_is_ahead(self):
        upcoming = self.client.get(self.training.url).content.decode()
        assert "Školení vede sociální pracovnice CPIC Jihlava." in upcoming
        assert 'href="https://www.example.org/registrace"' in upcoming
        past = self.client.get(self.past_meeting.url).content.decode()
        assert "registrace-platforma" not in past


# A page, even unsaved, looks up its content type in the database: these tests need it.
@pytest.mark.django_db
def test_an_event_is_upcoming_until_it_starts():
    assert EventPage(title="Školení", start=days(1)).is_upcoming
    assert not EventPage(title="Školení", start=days(-1)).is_upcoming
    # Once it has started it is no longer upcoming, even while it still runs.
    running = EventPage(title="Školení", start=NOW - datetime.timedelta(hours=1), end=days(1))
    assert not running.is_upcoming


@pytest.mark.django_db
def test_news_without_a_date_is_never_upcoming():
    assert not EventPage(title="Novinka", kind=EventPage.Kind.NEWS, start=None).is_upcoming


class EventListing(TestCase):
    """The section lists events from the whole tree, newest start first unless the reader chooses."""

    @classmethod
    def setUpTestData(cls):
        cls.hub = build_sample_hub()
        vysocina = RegionFactory(name="Kraj Vysočina", slug="vysocina")
        EventPageFactory(parent=cls.hub.events, title="Beseda v knihovně", start=days(20))
        EventPageFactory(parent=cls.hub.cpic, title="Adaptační kurz", start=days(-10), regions=[vysocina])
        EventPageFactory(parent=cls.hub.events, title="Kulatý stůl", start=days(5), regions=[vysocina])
        draft = EventPageFactory(parent=cls.hub.events, title="Dosud nezveřejněno", start=days(1))
        draft.unpublish()

    def titles(self, **params):
        return listed_titles(self.hub.events, **params)

    def test_default_order_is_the_latest_start_first_and_drafts_are_left_out(self):
        assert self.titles() == ["Beseda v knihovně", "Kulatý stůl", "Adaptační kurz"]

    def test_upcoming_order_is_the_earliest_start_first(self):
        assert self.titles(order="upcoming") == ["Adaptační kurz", "Kulatý stůl", "Beseda v knihovně"]

    def test_title_order_and_region_filter(self):
        assert self.titles(order="title") == ["Adaptační kurz", "Beseda v knihovně", "Kulatý stůl"]
        assert self.titles(region="vysocina") == ["Kulatý stůl", "Adaptační kurz"]
