"""Operational goals pages: where editors may create them, how they render, and the overview's order."""

from django.test import TestCase

from hub.core.models import HomePage
from hub.goals.models import OperationalGoal, OperationalGoalsIndexPage, OperationalGoalsPage
from hub.manuals.models import ManualIndexPage
from hub.organisations.models import OrganisationIndexPage, OrganisationPage
from tests.hub.goals.factories import OperationalGoalsPageFactory
from tests.hub.sample_hub import HubPageTestCase, build_sample_hub, listed_titles


class GoalsPlacesInTheTree(HubPageTestCase):
    def test_goals_live_in_the_overview_or_under_their_organisation(self):
        self.assertAllowedParentPageTypes(OperationalGoalsPage, {OperationalGoalsIndexPage, OrganisationPage})
        for parent in (HomePage, ManualIndexPage, OrganisationIndexPage, OperationalGoalsPage):
            self.assertCanNotCreateAt(parent, OperationalGoalsPage)
        self.assertAllowedSubpageTypes(OperationalGoalsPage, {})

    def test_the_overview_sits_under_the_home_page_and_holds_only_goals(self):
        self.assertAllowedParentPageTypes(OperationalGoalsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(OperationalGoalsIndexPage, {OperationalGoalsPage})


class GoalsPagesRender(HubPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.hub = build_sample_hub()
        cls.goals = OperationalGoalsPageFactory(
            parent=cls.hub.cpic,
            title="Operační cíle CPIC Jihlava 2024",
            organisation=cls.hub.cpic,
            year=2024,
            goals=[
                OperationalGoal(text="Zrealizovat alespoň 5 schůzek se zástupci škol v kraji."),
                OperationalGoal(text="Minimálně 1x týdně navštěvovat místní OAMP.", status=OperationalGoal.Status.ACHIEVED),
            ],
            responsible_person="vedoucí pobočky",
        )

    def test_the_overview_and_a_goals_page_are_routable_and_render(self):
        for page in (self.hub.goals, self.goals):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)

    def test_a_goals_page_lists_each_goal_with_its_measurable_target(self):
        html = self.client.get(self.goals.url).content.decode()
        assert "Zrealizovat alespoň 5 schůzek se zástupci škol v kraji." in html
        assert "alespoň 5 schůzek" in html
        assert f'href="{self.hub.cpic.url}"' in html


class GoalsOverviewListing(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.hub = build_sample_hub()
        OperationalGoalsPageFactory(parent=cls.hub.goals, title="Cíle CPIC Brno", year=2023)
        OperationalGoalsPageFactory(parent=cls.hub.cpic, title="Cíle CPIC Jihlava", year=2025)
        OperationalGoalsPageFactory(parent=cls.hub.goals, title="Cíle CPIC Zlín", year=2024)

    def titles(self, **params):
        return listed_titles(self.hub.goals, **params)

    def test_default_order_is_the_latest_year_first(self):
        assert self.titles() == ["Cíle CPIC Jihlava", "Cíle CPIC Zlín", "Cíle CPIC Brno"]

    def test_readers_can_order_by_title_instead(self):
        assert self.titles(order="title") == ["Cíle CPIC Brno", "Cíle CPIC Jihlava", "Cíle CPIC Zlín"]
