"""Check dates on every content type: defaults per type, overdue pages and what readers see."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from hub.core.freshness import add_months
from tests.hub.manuals.factories import ManualPageFactory
from tests.hub.organisations.factories import HelplineFactory, OrganisationPageFactory
from tests.hub.practices.factories import GoodPracticePageFactory
from tests.hub.sample_hub import HubPageTestCase, build_sample_hub

TODAY = timezone.localdate()


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 1, 15), 6, datetime.date(2026, 7, 15)),
        (datetime.date(2026, 8, 31), 6, datetime.date(2027, 2, 28)),
        (datetime.date(2026, 12, 1), 12, datetime.date(2027, 12, 1)),
    ],
)
def test_months_are_added_on_the_calendar(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.django_db
@override_settings(FRESHNESS_CHECK_MONTHS={"organisation": 6, "helpline": 6, "manual": 12}, FRESHNESS_DEFAULT_CHECK_MONTHS=9)
def test_check_by_is_set_from_the_types_interval_after_the_last_check():
    checked = datetime.date(2026, 1, 10)
    assert OrganisationPageFactory(last_checked=checked).check_by == datetime.date(2026, 7, 10)
    assert HelplineFactory(last_checked=checked).check_by == datetime.date(2026, 7, 10)
    assert ManualPageFactory(last_checked=checked).check_by == datetime.date(2027, 1, 10)
    # A type without its own interval: the default, counted from today when nobody checked it yet.
    assert GoodPracticePageFactory().check_by == add_months(TODAY, 9)
    # An editor's own date stands.
    assert ManualPageFactory(last_checked=checked, check_by=datetime.date(2026, 3, 1)).check_by == datetime.date(2026, 3, 1)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("check_by", "overdue"),
    [(TODAY + datetime.timedelta(days=1), False), (TODAY, False), (TODAY - datetime.timedelta(days=1), True)],
    ids=["tomorrow", "today", "yesterday"],
)
def test_a_page_is_overdue_once_its_check_by_date_has_passed(check_by, overdue):
    assert ManualPageFactory(check_by=check_by).is_overdue is overdue


class ReadersSeeFreshness(HubPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.hub = build_sample_hub()
        cls.fresh = GoodPracticePageFactory(parent=cls.hub.cpic, title="Čerstvá praxe", last_checked=TODAY)
        cls.stale = GoodPracticePageFactory(
            parent=cls.hub.cpic,
            title="Stará praxe",
            last_checked=datetime.date(2024, 3, 5),
            check_by=datetime.date(2024, 9, 5),
        )
        cls.hub.cpic.last_checked = datetime.date(2026, 3, 5)
        cls.hub.cpic.save_revision().publish()

    def test_every_page_says_when_it_was_updated_and_checked(self):
        for page in (self.fresh, self.stale, self.hub.cpic):
            html = self.client.get(page.url).content.decode()
            assert "Aktualizováno " in html
            assert "Ověřeno " in html
        assert "Ověřeno 5. března 2024" in self.client.get(self.stale.url).content.decode()

    def test_only_an_overdue_page_carries_the_note(self):
        note = "Tento text čeká na kontrolu"
        assert note in self.client.get(self.stale.url).content.decode()
        assert note not in self.client.get(self.fresh.url).content.decode()


@pytest.mark.django_db
def test_overdue_pages_are_found_across_content_types_in_one_query(django_assert_num_queries):
    from hub.core.freshness import overdue_pages

    yesterday = TODAY - datetime.timedelta(days=1)
    manual = ManualPageFactory(check_by=yesterday)
    organisation = OrganisationPageFactory(check_by=yesterday)
    current = GoodPracticePageFactory(check_by=TODAY)
    with django_assert_num_queries(1):
        assert overdue_pages([manual.pk, organisation.pk, current.pk]) == {manual.pk, organisation.pk}
