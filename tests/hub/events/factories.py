"""Events for tests: a meeting two weeks ahead by default, under a fresh "Aktuality" section."""

import datetime

import factory
from django.utils import timezone

from hub.events.models import EventIndexPage, EventPage
from tests.hub.core.factories import ContentPageFactory, SectionIndexPageFactory


class EventIndexPageFactory(SectionIndexPageFactory):
    title = "Aktuality"

    class Meta:
        model = EventIndexPage


class EventPageFactory(ContentPageFactory):
    title = factory.Sequence(lambda n: f"Setkání krajské platformy {n}")
    kind = EventPage.Kind.MEETING
    place = "Jihlava"
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=3))

    class Meta:
        model = EventPage

    @classmethod
    def default_parent(cls):
        return EventIndexPageFactory()
