"""Sending alerts: each confirmed subscription gets the pages of its search that are new or substantially
changed since its last alert, in one mail, or no mail at all when nothing is.

New = first published after the last alert (or the confirmation). Substantially changed = republished
with "Publish and alert subscribers" (a SubstantialChange row); a plain publish alerts nobody. Which pages
match a subscription is what its Atom feed shows: the same search (checked_query, run_search), read
`ALERT_SEARCH_DEPTH` results deep, newest first when it has no words. Immediate subscriptions are mailed
by the worker every SEARCH_ALERTS_INTERVAL seconds, weekly ones once their last alert is a week old.
A page the search index has not taken in yet waits for the next run, and so does all news after it.
"""

import logging
from dataclasses import replace
from datetime import timedelta

from django.db.models import Max, Min, Q
from django.http import QueryDict
from django.utils import timezone, translation
from django.utils.translation import ngettext
from wagtail.models import Page

from search.alerts import mails, tokens
from search.alerts.subscribing import followed_label
from search.changes.outbox import pending_changes
from search.engines.base import SearchUnavailable
from search.models import Subscription, SubstantialChange
from search.web.feeds import FeedRefused, checked_query
from search.web.views import run_search

logger = logging.getLogger(__name__)
# Results of a subscription's search read for news: a worded search ranks by relevance, so a new page
# may sit below the first results page; beyond this depth it is not what the reader asked for.
ALERT_SEARCH_DEPTH = 100
WEEK = timedelta(days=7)
# A marked change older than this has been in every digest that could hold it (weekly ones included).
SUBSTANTIAL_CHANGE_DAYS = 30


def due(frequency, now):
    subscriptions = Subscription.objects.filter(confirmed_at__isnull=False, frequency=frequency)
    if frequency == Subscription.Frequency.WEEKLY:
        week_ago = now - WEEK
        subscriptions = subscriptions.filter(
            Q(last_sent_at__lte=week_ago) | Q(last_sent_at__isnull=True, confirmed_at__lte=week_ago)
        )
    return list(subscriptions)


def changed_pages(since):
    """{page id: (time it became news, is new)} of pages first published or marked substantially changed
    at or after `since`."""
    changed = {
        pk: (at, False)
        for pk, at in SubstantialChange.objects.filter(at__gte=since, page__live=True)
        .values("page")
        .annotate(latest=Max("at"))
        .values_list("page", "latest")
    }
    new = Page.objects.live().filter(first_published_at__gte=since).values_list("pk", "first_published_at")
    changed.update({pk: (at, True) for pk, at in new})
    return changed


def announced_until(news, now):
    """News before this time can be announced now.

    A page whose change the search index has not applied yet is missing from the results; announcing
    what came after it would move the subscription's watermark past it, and it would never be mailed.
    So a run stops at the oldest news still waiting for the index, and the next run starts there.
    """
    pending = pending_changes()
    oldest_change = pending.aggregate(oldest=Min("created_at"))["oldest"]
    waiting = [news[pk][0] for pk in set(pending.values_list("page_id", flat=True)) if pk in news]
    return min([now, *waiting, *([oldest_change] if oldest_change else [])])


def purge_substantial_changes():
    cutoff = timezone.now() - timedelta(days=SUBSTANTIAL_CHANGE_DAYS)
    return SubstantialChange.objects.filter(at__lt=cutoff).delete()[0]


def send_alerts(frequency, now=None):
    """Mail every due subscription of `frequency` its news; a summary line."""
    now = now or timezone.now()
    subscriptions = due(frequency, now)
    if not subscriptions:
        return f"{frequency} alerts: none due"
    news = changed_pages(min(subscription.since for subscription in subscriptions))
    until = announced_until(news, now)
    sent = failed = 0
    hits_of = {}
    for subscription in subscriptions if news else ():
        key = (subscription.language, subscription.query)
        if key not in hits_of:
            hits_of[key] = matching_hits(*key)
        since = subscription.since
        fresh = [
            (hit, news[hit.page_id][1])
            for hit in hits_of[key]
            if hit.page_id in news and since <= news[hit.page_id][0] < until
        ]
        if not fresh:
            continue
        try:
            send_alert(subscription, fresh)
        except Exception:  # one refused address or a dropped connection must not stop the others
            failed += 1
            logger.exception("Search alert %s not sent", subscription.pk)
            continue
        Subscription.objects.filter(pk=subscription.pk).update(last_sent_at=until)
        sent += 1
    return f"{frequency} alerts: {len(subscriptions)} due, {sent} mailed, {failed} failed"


def matching_hits(language, query_string):
    """The results of a subscription's search; none when it no longer exists (a region removed)."""
    with translation.override(language):
        try:
            query = checked_query(QueryDict(query_string), language)
            return run_search(replace(query, per_page=ALERT_SEARCH_DEPTH)).hits
        except (FeedRefused, SearchUnavailable) as error:
            logger.warning("Search alerts for %s?%s skipped: %s", language, query_string, error)
            return []


def send_alert(subscription, fresh):
    with translation.override(subscription.language):
        label = followed_label(subscription.query, subscription.language)
        unsubscribe_url = mails.link("search_alert_unsubscribe", tokens.unsubscribe_token(subscription))
        mails.send(
            subscription.email,
            ngettext(
                "%(count)s new or updated page: %(search)s", "%(count)s new or updated pages: %(search)s", len(fresh)
            )
            % {"count": len(fresh), "search": label},
            "alert",
            {
                "label": label,
                "pages": [
                    {"title": hit.title, "url": mails.absolute(hit.url), "new": new} for hit, new in fresh
                ],
                "manage_url": mails.link("search_alert_manage", tokens.manage_token(subscription)),
                "unsubscribe_url": unsubscribe_url,
                "frequency": subscription.get_frequency_display(),
            },
            headers={"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
        )

