"""'I am …' journeys for tests: an index under a fresh home page and journeys of first steps."""

import uuid

import factory

from hub.journeys.models import JourneyIndexPage, JourneyPage
from tests.hub.core.factories import ContentPageFactory, SectionIndexPageFactory


def step(title, text="<p>Co udělat.</p>", shows=(), pages=()):
    """Raw data of one JourneyStepBlock, with an id as the admin gives it."""
    value = {"title": title, "text": text, "shows": list(shows), "pages": [page.pk for page in pages]}
    return {"type": "step", "value": value, "id": str(uuid.uuid4())}


class JourneyIndexPageFactory(SectionIndexPageFactory):
    title = "Jsem…"
    slug = "jsem"

    class Meta:
        model = JourneyIndexPage


class JourneyPageFactory(ContentPageFactory):
    title = factory.Sequence(lambda n: f"První kroky {n}")
    audience = factory.Sequence(lambda n: f"Čtenář {n}")
    steps = factory.LazyFunction(lambda: [step("Spojte se s CPIC ve svém kraji", shows=["regional_centre"])])

    class Meta:
        model = JourneyPage

    @classmethod
    def default_parent(cls):
        return JourneyIndexPageFactory()
