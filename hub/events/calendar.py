"""An event as an iCalendar file (RFC 5545), so a reader adds it to their calendar in one click.

Times are written in the site's time zone (Europe/Prague) with its VTIMEZONE definition, so a phone in
Kyiv or London shows the right local time and a Czech calendar shows the time printed on the page.
"""

import datetime
from urllib.parse import urlsplit

from django.utils import timezone
from icalendar import Calendar, Event

PRODUCT_ID = "-//Rozcestník//Aktuality a akce//CS"
# An event without an end is shown this long in calendars (RFC 5545 would make it zero minutes long).
DEFAULT_DURATION = datetime.timedelta(hours=1)


def event_calendar(page, request=None):
    """The iCalendar bytes of one event page with a start; its UID stays the same across edits."""
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
    if page.summary:
        event.add("description", f"{page.summary}\n\n{url}")
    else:
        event.add("description", url)
    location = ", ".join(part for part in (page.place, "online" if page.online else "") if part)
    if location:
        event.add("location", location)
    event.add("url", url)
    if page.last_published_at:
        event.add("last-modified", page.last_published_at.astimezone(datetime.UTC))

    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add_component(event)
    # VTIMEZONE for every TZID used, as RFC 5545 requires, limited to the years the event spans.
    calendar.add_missing_timezones(first_date=start.date(), last_date=end.date())
    return calendar.to_ical()
