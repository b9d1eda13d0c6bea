"""Events as iCalendar (RFC 5545): one event's file, and subscribable calendars of upcoming events.

A reader adds one event in one click (its .ics), or subscribes a phone or Outlook to a region's or a
topic's calendar (/<lang>/akce/kalendar.ics?region=…&topic=…), which their app polls for new events.
Times are written in the site's time zone (Europe/Prague) with its VTIMEZONE definition, so a phone in
Kyiv or London shows the right local time and a Czech calendar shows the time printed on the page.
"""

import datetime
from urllib.parse import urlsplit

from django.utils import timezone
from icalendar import Calendar, Event, vDuration

PRODUCT_ID = "-//Rozcestník//Aktuality a akce//CS"
# An event without an end is shown this long in calendars (RFC 5545 would make it zero minutes long).
DEFAULT_DURATION = datetime.timedelta(hours=1)
# How often a subscribed calendar app should fetch the feed again (RFC 7986 REFRESH-INTERVAL).
REFRESH_INTERVAL = datetime.timedelta(hours=12)


def event_component(page, request=None):
    """The VEVENT of one event page with a start; its UID stays the same across edits."""
    zone = timezone.get_default_timezone()
    start = timezone.localtime(page.start, zone)
    end = timezone.localtime(page.end, zone) if page.end else start + DEFAULT_DURATION
    url = page.get_full_url(request)

    event = Event()
    event.add("uid", f"event-{page.translation_key}-{page.locale.language_code}@{urlsplit(url).hostname}")
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", page.title)
    event.add("description", f"{page.summary}\n\n{url}" if page.summary else url)
    location = ", ".join(part for part in (page.place, "online" if page.online else "") if part)
    if location:
        event.add("location", location)
    event.add("url", url)
    if page.last_published_at:
        event.add("last-modified", page.last_published_at.astimezone(datetime.UTC))
    return event


def calendar_of(pages, request=None, name=None):
    """The iCalendar bytes of `pages` (events with a start); a `name` makes it a subscribable calendar."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)  # what Outlook and Google Calendar read
        calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))  # Outlook's name for it
    events = [event_component(page, request) for page in pages]
    for event in events:
        calendar.add_component(event)
    if events:
        # VTIMEZONE for every TZID used, as RFC 5545 requires, limited to the years the events span.
        calendar.add_missing_timezones(
            first_date=min(event.DTSTART.date() for event in events),
            last_date=max(event.DTEND.date() for event in events),
        )
    return calendar.to_ical()


def event_calendar(page, request=None):
    """The iCalendar bytes of one event page with a start."""
    return calendar_of([page], request)
