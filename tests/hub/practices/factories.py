"""Good practice pages for tests, under a fresh "Dobrá praxe" section."""

import factory

from hub.practices.models import GoodPracticeIndexPage, GoodPracticePage
from tests.hub.core.factories import ContentPageFactory, SectionIndexPageFactory


class GoodPracticeIndexPageFactory(SectionIndexPageFactory):
    title = "Dobrá praxe"

    class Meta:
        model = GoodPracticeIndexPage


class GoodPracticePageFactory(ContentPageFactory):
    title = factory.Sequence(lambda n: f"Příklad dobré praxe {n}")
    municipality = "Praha 13"

    class Meta:
        model = GoodPracticePage

    @classmethod
    def default_parent(cls):
        return GoodPracticeIndexPageFactory()
