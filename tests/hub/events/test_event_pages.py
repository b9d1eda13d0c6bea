"""News and events: where editors may create them, how they render, what counts as upcoming, and
the order of the "Aktuality a akce" listing."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.test import TestCase
from django.utils import timezone, translation
from django.utils.translation import gettext

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

    def test_a_past_event_says_it_is_over_and_an_upcoming_one_does_not(self):
        with translation.override("cs"):
            upcoming = self.client.get(self.training.url).content.decode()
            past = self.client.get(self.past_meeting.url).content.decode()
            over = gettext("This event is over.")
        assert over in past and over not in upcoming

    def test_each_event_offers_an_ical_file_in_the_site_time_zone(self):
        page = self.client.get(self.training.url).content.decode()
        assert f'href="{self.training.url}ical/" download' in page

        response = self.client.get(f"{self.training.url}ical/")

        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert 'filename="' in response["Content-Disposition"]
        raw = response.content
        lines = raw.split(b"\r\n")
        assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
        assert max(len(line) for line in lines) <= 75  # RFC 5545 3.1: folded at 75 octets
        calendar = icalendar.Calendar.from_ical(raw)
        assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
        (event,) = calendar.walk("VEVENT")
        assert str(event["SUMMARY"]) == "Školení: Dočasná ochrana v praxi obcí"
        assert str(event["LOCATION"]) == "Krajský úřad Kraje Vysočina, Jihlava"
        assert str(event["URL"]).endswith(self.training.url)
        assert event["UID"] and event["DTSTAMP"]
        start = event.decoded("DTSTART")
        assert event["DTSTART"].params["TZID"] == "Europe/Prague"
        assert start == self.training.start.replace(microsecond=0)  # the same instant (to the second) …
        assert start.utcoffset() == self.training.start.astimezone(ZoneInfo("Europe/Prague")).utcoffset()
        assert event.decoded("DTEND") == self.training.end.replace(microsecond=0)
        # … and the time zone is defined in the file, as RFC 5545 requires for every TZID.
        assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Prague"]

    def test_the_ical_uid_stays_the_same_when_the_event_is_downloaded_again(self):
        first = icalendar.Calendar.from_ical(self.client.get(f"{self.training.url}ical/").content)
        second = icalendar.Calendar.from_ical(self.client.get(f"{self.training.url}ical/").content)
        assert first.walk("VEVENT")[0]["UID"] == second.walk("VEVENT")[0]["UID"]

    def test_news_without_a_date_has_no_ical_file(self):
        news = EventPageFactory(
            parent=self.hub.events, title="Nová brožura", kind=EventPage.Kind.NEWS, start=None, end=None
        )
        assert "ical/" not in self.client.get(news.url).content.decode()
        assert self.client.get(f"{news.url}ical/").status_code == 404


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
    """The section lists events from the whole tree: what is ahead first, soonest first, then what is
    over, latest first, unless the reader chooses another order."""

    @classmethod
    def setUpTestData(cls):
        cls.hub = build_sample_hub()
        vysocina = RegionFactory(name="Kraj Vysočina", slug="vysocina")
        EventPageFactory(parent=cls.hub.events, title="Beseda v knihovně", start=days(20))
        EventPageFactory(parent=cls.hub.cpic, title="Adaptační kurz", start=days(-10), regions=[vysocina])
        EventPageFactory(parent=cls.hub.events, title="Kulatý stůl", start=days(5), regions=[vysocina])
        EventPageFactory(parent=cls.hub.events, title="Loňská konference", start=days(-300))
        # Started yesterday, ends tomorrow: still running, so among what is ahead.
        EventPageFactory(parent=cls.hub.events, title="Týden pro cizince", start=days(-1), end=days(1))
        draft = EventPageFactory(parent=cls.hub.events, title="Dosud nezveřejněno", start=days(1))
        draft.unpublish()

    def titles(self, **params):
        return listed_titles(self.hub.events, **params)

    def test_default_order_is_upcoming_soonest_first_then_past_latest_first_without_drafts(self):
        assert self.titles() == [
            "Týden pro cizince",
            "Kulatý stůl",
            "Beseda v knihovně",
            "Adaptační kurz",
            "Loňská konference",
        ]

    def test_newest_order_is_the_latest_start_first(self):
        assert self.titles(order="newest") == [
            "Beseda v knihovně",
            "Kulatý stůl",
            "Týden pro cizince",
            "Adaptační kurz",
            "Loňská konference",
        ]

    def test_title_order_and_region_filter(self):
        assert self.titles(order="title")[:3] == ["Adaptační kurz", "Beseda v knihovně", "Kulatý stůl"]
        assert self.titles(region="vysocina") == ["Kulatý stůl", "Adaptační kurz"]

    def test_past_events_are_labelled_as_over_in_the_listing(self):
        html = self.client.get(self.hub.events.url).content.decode()
        cards = html.split('<article class="card')[1:]
        labelled = [card.split("</a>")[0].rsplit(">", 1)[-1] for card in cards if "card__over" in card]
        assert labelled == ["Adaptační kurz", "Loňská konference"]
