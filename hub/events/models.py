"""News, trainings and network meetings for the people who work with foreigners."""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, When
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail_localize.fields import SynchronizedField

from hub.core import search_schema as find
from hub.core.blocks import BodyBlock
from hub.core.models import HubPage, SectionIndexPage
from hub.core.validators import validate_date_range
from hub.events.calendar import event_calendar


class EventPage(RoutablePageMixin, HubPage):
    class Kind(models.TextChoices):
        NEWS = "news", _("news")
        TRAINING = "training", _("training")
        MEETING = "meeting", _("network meeting")

    # The kinds a reader can attend: what region pages and subscribed calendars list.
    JOINABLE_KINDS = (Kind.TRAINING, Kind.MEETING)

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TRAINING)
    start = models.DateTimeField(_("start"), null=True, blank=True)
    end = models.DateTimeField(_("end"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    online = models.BooleanField(_("online"), default=False)
    registration_url = models.URLField(_("registration"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    override_translatable_fields = [SynchronizedField("place"), SynchronizedField("registration_url")]

    search_type = "event"
    search_fields = HubPage.search_fields + [
        find.PageText("place", find.LABEL),
        find.BodySections("body"),
    ]
    content_panels = HubPage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("place"),
                FieldPanel("online"),
                FieldPanel("registration_url"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("body"),
        *HubPage.taxonomy_panels,
    ]

    parent_page_types = ["events.EventIndexPage", "organisations.OrganisationPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news or event")
        verbose_name_plural = _("news and events")

    def clean(self):
        super().clean()
        validate_date_range(self.start, self.end, end_field="end")
        if self.kind != self.Kind.NEWS and not self.place and not self.online:
            raise ValidationError({"place": _("Enter where the event takes place, or mark it as online.")})

    def search_year(self):
        """An event is filed under the year it takes place."""
        return self.start.year if self.start else super().search_year()

    @property
    def is_upcoming(self):
        return bool(self.start and self.start >= timezone.now())

    @path("ical/", name="ical")
    def ical(self, request):
        """The event as an .ics file for the reader's calendar (hub/events/calendar.py)."""
        if not self.start:
            raise Http404("A news item without a date has nothing to add to a calendar.")
        response = HttpResponse(event_calendar(self, request), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{slugify(self.slug) or "event"}.ics"'
        return response

    @property
    def ical_url(self):
        return self.url + self.reverse_subpage("ical") if self.start else ""

    @property
    def has_passed(self):
        """An event (not news) that is over: its end, or its start when it has no end, is past."""
        ends = self.end or self.start
        return self.kind != self.Kind.NEWS and bool(ends and ends < timezone.now())


def calendar_url(**filters):
    """The subscribable calendar (hub/events/views.py) of the upcoming events with these filters."""
    query = urlencode({name: value for name, value in filters.items() if value})
    return reverse("events_calendar") + (f"?{query}" if query else "")


class EventIndexPage(SectionIndexPage):
    listed_page_model = EventPage
    subpage_types = ["events.EventPage"]
    # "upcoming": what is still ahead (or running), soonest first; then what is over, latest first.
    # NULLs placed explicitly: SQLite and PostgreSQL put them at opposite ends by default.
    orderings = {
        "upcoming": ("is_over", F("upcoming_at").asc(nulls_last=True), F("ends_at").desc(nulls_last=True)),
        "newest": (F("start").desc(nulls_last=True),),
        "title": "title",
    }
    default_ordering = "upcoming"
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news and events")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = context["listing"]
        context["calendar_url"] = calendar_url(region=listing.selected_region, topic=listing.selected_topic)
        return context

    def listed_queryset(self):
        """Events with when they end (news without a date: when published) and whether that is past."""
        now = timezone.now()
        return (
            super()
            .listed_queryset()
            .annotate(ends_at=Coalesce("end", "start", "first_published_at"))
            .annotate(
                is_over=Case(When(ends_at__lt=now, then=1), default=0),
                upcoming_at=Case(When(ends_at__gte=now, then=Coalesce("start", "ends_at"))),
            )
        )
