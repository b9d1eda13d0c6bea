"""Operational goals pages for tests, with one measurable goal, under a fresh section."""

import factory

from hub.goals.models import OperationalGoal, OperationalGoalsIndexPage, OperationalGoalsPage
from tests.hub.core.factories import ContentPageFactory, SectionIndexPageFactory


class OperationalGoalsIndexPageFactory(SectionIndexPageFactory):
    title = "Operační cíle"

    class Meta:
        model = OperationalGoalsIndexPage


class OperationalGoalsPageFactory(ContentPageFactory):
    title = factory.Sequence(lambda n: f"Operační cíle CPIC {n}")
    year = 2024
    goals = factory.LazyFunction(
        lambda: [OperationalGoal(text="Uspořádat alespoň 4 přednášky pro školy v kraji.")]
    )

    class Meta:
        model = OperationalGoalsPage

    @classmethod
    def default_parent(cls):
        return OperationalGoalsIndexPageFactory()
