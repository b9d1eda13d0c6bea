"""Subscribable calendars: a region's or a topic's upcoming trainings and meetings for phones and Outlook."""

import datetime

import icalendar
from django.test import TestCase
from django.utils import timezone

from hub.events.models import EventPage
from tests.hub.events.factories import EventPageFactory
from tests.hub.regions.regional_hub import build_regional_hub
from tests.hub.taxonomy.factories import TopicFactory


def in_days(count):
    return timezone.now() + datetime.timedelta(days=count)


class RegionCalendars(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.regional = build_regional_hub()
        cls.languages = TopicFactory(name="Čeština pro cizince", slug="cestina")
        cls.ostrava_course = EventPageFactory(
            parent=cls.regional.ostrava, title="Kurz češtiny v Ostravě", kind=EventPage.Kind.TRAINING,
            start=in_days(5), regions=[cls.regional.moravskoslezsky], topics=[cls.languages],
        )
        EventPageFactory(
            parent=cls.regional.hub.events, title="Nový web CPIC", kind=EventPage.Kind.NEWS, start=in_days(3)
        )
        draft = EventPageFactory(parent=cls.regional.jihlava, title="Chystané setkání", regions=[cls.regional.vysocina])
        draft.unpublish()

    def subscribe(self, path, **params):
        response = self.client.get(path, params)
        self.assertEqual(response.status_code, 200, response.content)
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        return icalendar.Calendar.from_ical(response.content)

    def titles(self, calendar):
        return [str(event["summary"]) for event in calendar.walk("VEVENT")]

    def test_a_regions_calendar_holds_its_meetings_and_the_nationwide_trainings_soonest_first(self):
        calendar = self.subscribe("/cs/akce/kalendar.ics", region="kraj-vysocina")
        # Not Ostrava's course, not news, not the draft, not last year's meeting.
        assert self.titles(calendar) == ["Online školení pro nové aktéry", "Setkání krajské platformy Vysočina"]
        assert str(calendar["x-wr-calname"]) == "Rozcestník: školení a setkání · Kraj Vysočina"
        assert calendar["refresh-interval"].dt == datetime.timedelta(hours=12)
        assert [str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Prague"]

    def test_a_topic_narrows_the_calendar_and_names_it_in_the_readers_language(self):
        calendar = self.subscribe("/uk/akce/kalendar.ics", region="moravskoslezsky-kraj", topic="cestina")
        assert self.titles(calendar) == ["Kurz češtiny v Ostravě"]
        assert str(calendar["x-wr-calname"]) == "Rozcestník: навчання та зустрічі · Моравсько-Сілезький край · Čeština pro cizince"

    def test_an_unknown_filter_or_term_is_refused_by_name_in_the_readers_language(self):
        response = self.client.get("/uk/akce/kalendar.ics", {"kraj": "kraj-vysocina"})
        assert response.status_code == 400
        assert response.content.decode() == "Ця стрічка не має фільтра «kraj». Фільтрувати можна за: region, topic."
        response = self.client.get("/cs/akce/kalendar.ics", {"region": "atlantida"})
        assert response.status_code == 404
        assert response.content.decode() == "Ve filtru „region“ není nic zařazeno pod „atlantida“."

    def test_the_region_page_and_the_events_section_offer_their_calendar(self):
        region_page = self.client.get("/cs/kraje/kraj-vysocina/").content.decode()
        assert 'type="text/calendar"' in region_page
        assert 'href="/cs/akce/kalendar.ics?region=kraj-vysocina"' in region_page
        section = self.client.get(self.regional.hub.events.url).content.decode()
        assert 'href="/cs/akce/kalendar.ics"' in section
