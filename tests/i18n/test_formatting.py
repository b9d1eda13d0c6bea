"""Dates, numbers and phone numbers as readers of each language expect them."""

import datetime

import pytest
from django.template import Context, Template
from django.test import TestCase
from django.utils import translation

from hub.core.templatetags.i18n_tags import phone, phone_href
from hub.organisations.models import Helpline
from tests.i18n.trees import build_home_tree

NBSP = "\xa0"


def render(source, language, **context):
    with translation.override(language):
        return Template("{% load i18n_tags %}" + source).render(Context(context))


NOV_23 = datetime.date(2026, 11, 23)
MAR_5 = datetime.date(2026, 3, 5)


@pytest.mark.parametrize(
    ("language", "day", "date_format", "expected"),
    [
        ("cs", NOV_23, "DATE_FORMAT", "23. listopadu 2026"),
        ("uk", NOV_23, "DATE_FORMAT", "23 листопада 2026 р."),
        ("en", NOV_23, "DATE_FORMAT", "23 November 2026"),
        # No leading zero on single-digit days (Django's Ukrainian default has one).
        ("cs", MAR_5, "DATE_FORMAT", "5. března 2026"),
        ("uk", MAR_5, "DATE_FORMAT", "5 березня 2026 р."),
        ("en", MAR_5, "DATE_FORMAT", "5 March 2026"),
        # Short dates are day-first everywhere, never the US month-first order.
        ("cs", NOV_23, "SHORT_DATE_FORMAT", "23.11.2026"),
        ("uk", NOV_23, "SHORT_DATE_FORMAT", "23.11.2026"),
        ("en", NOV_23, "SHORT_DATE_FORMAT", "23/11/2026"),
    ],
)
def test_dates_in_each_language(language, day, date_format, expected):
    assert render(f'{{{{ day|date:"{date_format}" }}}}', language, day=day) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("cs", f"12{NBSP}345,5"), ("uk", f"12{NBSP}345,5"), ("en", "12,345.5")],
)
def test_numbers_use_the_languages_separators(language, expected):
    assert render("{{ value|number:1 }}", language, value=12345.5) == expected


def test_years_printed_plainly_are_not_grouped():
    """Grouping is opt-in through |number, so "2024" never becomes "2 024"."""
    assert render("{{ year }}", "cs", year=2024) == "2024"


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("974820000", "+420 974 820 000"),
        ("+420974820000", "+420 974 820 000"),
        ("+420 974 820 000", "+420 974 820 000"),
        ("00420 974 820 000", "+420 974 820 000"),
        ("974 82 00 00", "+420 974 820 000"),
        ("116000", "116 000"),
        ("1212", "1212"),
        ("+380 44 123 4567", "+380 44 123 4567"),
        ("", ""),
    ],
)
def test_phone_numbers_are_shown_in_one_dialable_form(written, shown):
    assert phone(written) == shown


def test_phone_link_target_has_no_spaces():
    assert phone_href("974 820 000") == "tel:+420974820000"
    assert phone_href("116 000") == "tel:116000"


@pytest.mark.parametrize("language", ["cs", "uk", "en"])
def test_phone_filter_is_the_same_in_every_language(language):
    # International form everywhere: many readers of uk/en pages call from foreign SIM cards.
    assert render("{{ number|phone }}", language, number="974820000") == "+420 974 820 000"


class PhoneNumbersOnPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_home_tree(translate_home_to=("uk",))
        Helpline.objects.create(name="Linka pro cizince", phone="974801802", show_in_footer=True)

    def test_footer_helpline_number_is_formatted_and_dialable(self):
        response = self.client.get("/cs/")
        self.assertContains(
            response, '<a class="phone" href="tel:+420974801802">+420 974 801 802</a>', html=True
        )
