"""Manual pages for tests, with a heading and a paragraph of Czech text, under a fresh section."""

import factory

from hub.demo.content.blocks import heading, paragraph
from hub.manuals.models import ManualIndexPage, ManualPage
from tests.hub.core.factories import ContentPageFactory, SectionIndexPageFactory


class ManualIndexPageFactory(SectionIndexPageFactory):
    title = "Metodiky"

    class Meta:
        model = ManualIndexPage


class ManualPageFactory(ContentPageFactory):
    title = factory.Sequence(lambda n: f"Metodika {n}")
    body = factory.LazyFunction(
        lambda: [heading("Úvod"), paragraph("<p>Krajské platformy sdružují aktéry integrace.</p>")]
    )

    class Meta:
        model = ManualPage

    @classmethod
    def default_parent(cls):
        return ManualIndexPageFactory()
