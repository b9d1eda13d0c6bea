"""When a piece of content was last checked and when it must be checked again: one concept for every type.

Every content page (HubPage) and every helpline carries `last_checked` (someone confirmed the facts still
hold) and `check_by` (when they should look again). A `check_by` left empty is filled on save from the
type's interval in settings.FRESHNESS_CHECK_MONTHS (contacts change faster than a manual's method), counted
from the last check, or from today for content nobody has checked yet. Past `check_by` a page is overdue:
readers see a discreet note, search ranks it a little lower (search/query/ranking.py), and its
organisation's editors are reminded.
"""

import calendar

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import DateField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from hub.core.validators import validate_date_range


def add_months(day, months):
    """`day` moved by whole months, on the month's last day when it is shorter (31 Aug + 6 → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def check_interval_months(type_key):
    """Months between two checks of content of `type_key` (a search type, or "helpline")."""
    return settings.FRESHNESS_CHECK_MONTHS.get(type_key, settings.FRESHNESS_DEFAULT_CHECK_MONTHS)


def next_check(type_key, checked_on=None):
    return add_months(checked_on or timezone.localdate(), check_interval_months(type_key))


class Checked(models.Model):
    """`last_checked` and `check_by` for a model; `freshness_key` names its interval in the settings."""

    freshness_key = None

    last_checked = models.DateField(
        _("last checked"),
        null=True,
        blank=True,
        help_text=_("When someone last confirmed that the facts (contacts, dates, rules) still hold."),
    )
    check_by = models.DateField(
        _("check by"),
        null=True,
        blank=True,
        help_text=_("When the content should be checked again. Left empty, it is set from its type's interval."),
    )

    freshness_panels = [
        MultiFieldPanel([FieldPanel("last_checked"), FieldPanel("check_by")], heading=_("Checking")),
    ]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.check_by:
            self.check_by = next_check(self.freshness_key, self.last_checked)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.last_checked and self.last_checked > timezone.localdate():
            raise ValidationError({"last_checked": _("The date of the last check cannot be in the future.")})
        validate_date_range(self.last_checked, self.check_by, end_field="check_by")

    @property
    def is_overdue(self):
        """Past its check-by date: the facts may no longer hold."""
        return bool(self.check_by and self.check_by < timezone.localdate())

    def confirm_checked(self, on=None):
        """Someone confirmed the facts: checked today, next check one interval later."""
        self.last_checked = on or timezone.localdate()
        self.check_by = next_check(self.freshness_key, self.last_checked)


def backfill_check_by(app_label, model_name, type_key):
    """A migration step: give existing rows a check-by date, one interval after their last check, else
    after their last publication, else from today (historical models have no methods to call)."""

    def backfill(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        today = timezone.localdate()
        for row in model.objects.filter(check_by__isnull=True):
            published = getattr(row, "last_published_at", None)
            start = row.last_checked or (timezone.localdate(published) if published else today)
            model.objects.filter(pk=row.pk).update(check_by=next_check(type_key, start))

    return backfill


def checked_page_models():
    """Every concrete page model with check dates (the content types)."""
    return [model for model in apps.get_models() if issubclass(model, Checked) and issubclass(model, Page)]


def check_dates(page_ids):
    """{page id: (last_checked, check_by)} of the content pages among `page_ids`, in one query."""
    if not page_ids:
        return {}
    queries = [
        model.objects.filter(pk__in=page_ids).order_by().values_list("pk", "last_checked", "check_by")
        for model in checked_page_models()
    ]
    rows = queries[0].union(*queries[1:], all=True)
    return {pk: (last_checked, check_by) for pk, last_checked, check_by in rows}


def overdue_pages(page_ids):
    """The ids among `page_ids` of pages past their check-by date."""
    today = timezone.localdate()
    return {pk for pk, (_checked, check_by) in check_dates(page_ids).items() if check_by and check_by < today}


def with_check_dates(pages):
    """`pages` (a Page queryset) annotated with `last_checked` and `check_by` from whichever content model
    each page is, in the same query, so lists of mixed types can filter and sort by them."""

    def date_of(field_name):
        dates = [
            Subquery(model.objects.filter(pk=OuterRef("pk")).values(field_name)[:1])
            for model in checked_page_models()
        ]
        return Coalesce(*dates, output_field=DateField())

    return pages.annotate(last_checked=date_of("last_checked"), check_by=date_of("check_by"))


def overdue_live_pages(pages=None, today=None):
    """The live pages among `pages` (default: all) past their check-by date, longest overdue first.
    Only what readers see: a draft nobody has published yet is not yet anyone's promise."""
    pages = Page.objects.all() if pages is None else pages
    return (
        with_check_dates(pages.live())
        .filter(check_by__lt=today or timezone.localdate())
        .order_by("check_by", "title", "pk")
    )
