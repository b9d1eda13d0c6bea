"""Subscribable calendars of upcoming trainings and meetings: /<lang>/akce/kalendar.ics?region=…&topic=….

A phone or Outlook polls the URL, so it must keep meaning the same thing: a parameter or a term it does
not know is refused by name (400, 404), in the reader's language, rather than quietly giving every event.
A region's calendar also holds the nationwide events (no region), as the region page lists them.
"""

import datetime

from django.db.models import Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from wagtail.models import Locale

from hub.core.language_fallback import IN_DEFAULT_LANGUAGE, in_language_or_default
from hub.events.calendar import calendar_of
from hub.events.models import EventPage
from hub.taxonomy.models import Region, Topic

FILTERS = {"region": Region, "topic": Topic}
# Events stay in a subscribed calendar this long after they started, so one that just ended does not
# vanish from the reader's calendar overnight.
KEPT_AFTER_START = datetime.timedelta(days=30)
MAX_EVENTS = 500


class CalendarRefused(Exception):
    def __init__(self, message, status):
        super().__init__(message)
        self.status = status


def chosen_terms(params, locale):
    """{filter name: [terms]} of the query string; CalendarRefused for an unknown filter or term."""
    unknown = sorted(set(params) - set(FILTERS))
    if unknown:
        raise CalendarRefused(
            gettext("This feed has no filter “%(name)s”. It can filter by: %(known)s.")
            % {"name": unknown[0], "known": ", ".join(FILTERS)},
            400,
        )
    chosen = {}
    for name, model in FILTERS.items():
        slugs = [slug for slug in params.getlist(name) if slug]
        terms = {term.slug: term for term in in_language_or_default(model.objects.filter(slug__in=slugs), locale)}
        missing = [slug for slug in slugs if slug not in terms]
        if missing:
            raise CalendarRefused(
                gettext("Nothing is filed under “%(value)s” in the filter “%(name)s”.")
                % {"value": missing[0], "name": name},
                404,
            )
        chosen[name] = [terms[slug] for slug in dict.fromkeys(slugs)]
    return chosen


def calendar_events(chosen, locale):
    """Live trainings and meetings from a month ago on, in the reader's language or else in Czech."""
    pages = EventPage.objects.live().public().filter(
        kind__in=EventPage.JOINABLE_KINDS, start__gte=timezone.now() - KEPT_AFTER_START
    )
    if chosen["region"]:
        pages = pages.filter(Q(regions__slug__in=[term.slug for term in chosen["region"]]) | Q(regions__isnull=True))
    if chosen["topic"]:
        pages = pages.filter(topics__slug__in=[term.slug for term in chosen["topic"]])
    pages = in_language_or_default(pages, locale).distinct().select_related("locale")
    return list(pages.order_by("start", IN_DEFAULT_LANGUAGE)[:MAX_EVENTS])


def calendar_name(chosen):
    """"Rozcestník: trainings and meetings · <region> · <topic>", as the reader's calendar app lists it."""
    names = [term.name for terms in chosen.values() for term in terms]
    return " · ".join([gettext("Rozcestník: trainings and meetings"), *names])


def events_calendar(request):
    locale = Locale.objects.get(language_code=get_language())
    try:
        chosen = chosen_terms(request.GET, locale)
    except CalendarRefused as refused:
        return HttpResponse(str(refused), status=refused.status, content_type="text/plain; charset=utf-8")
    body = calendar_of(calendar_events(chosen, locale), request, name=calendar_name(chosen))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="rozcestnik.ics"'
    return response
