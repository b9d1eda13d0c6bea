"""Taking a subscription and confirming it (double opt-in).

A subscribe request answers the same whether the address is new, waits for confirmation or already
follows the search, so the form tells no one which addresses are subscribed. Only a confirmation mail
ever goes to an unconfirmed address, at most SEARCH_ALERTS_CONFIRMATIONS_PER_DAY a day; alerts start at
confirmation. Unconfirmed subscriptions are deleted after SEARCH_ALERTS_CONFIRM_DAYS (`purge_unconfirmed`,
run daily by the worker).
"""

from datetime import timedelta
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.http import QueryDict
from django.utils import timezone, translation
from django.utils.translation import gettext

from search.alerts import limits, mails, tokens
from search.models import Subscription
from search.web.feeds import FeedRefused, checked_query, query_labels
from search.web.views import feed_query

CONFIRMED, ALREADY_CONFIRMED = "confirmed", "already confirmed"


class Refused(Exception):
    """A subscription the hub will not take now; the message is for the reader."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.status = status


def followed_query(params):
    """The filter set a subscription follows: the feed's words and filters, in one order, so one search
    followed twice is one subscription."""
    return urlencode(sorted(parse_qsl(feed_query(params))))


def followed_label(query_string, language):
    """What a subscription follows, in the reader's language: "„words“ · Liberecký kraj · Manuals"."""
    query = checked_query(QueryDict(query_string), language)
    return " · ".join(query_labels(query, language)) or gettext("All new and updated pages")


def checked(params, language):
    """The followed query string of `params`; Refused, naming the filter or value, when the search has none."""
    try:
        checked_query(params, language)
    except FeedRefused as refused:
        raise Refused(str(refused), refused.status) from None
    query_string = followed_query(params)
    if len(query_string) > Subscription._meta.get_field("query").max_length:
        raise Refused(gettext("This list is too long to follow. Please follow fewer words or filters."))
    return query_string


def subscribe(request, email, frequency, params, language):
    """Take a subscription and mail its confirmation; returns nothing the reader may see differently."""
    query_string = checked(params, language)
    if not limits.admit_request(request):
        raise Refused(gettext("Too many subscriptions were requested from your connection. Please try again in an hour."), 429)
    email = BaseUserManager.normalize_email(email)
    existing = Subscription.objects.filter(email__iexact=email, language=language, query=query_string).first()
    if existing and existing.confirmed_at:
        return  # already followed: nothing to confirm, nothing to mail
    if not existing and Subscription.objects.filter(email__iexact=email).count() >= settings.SEARCH_ALERTS_MAX_PER_ADDRESS:
        raise Refused(
            gettext("This address already follows %(count)s searches, the most we allow. Remove some through the link in any alert first.")
            % {"count": settings.SEARCH_ALERTS_MAX_PER_ADDRESS}
        )
    if not limits.admit_confirmation(email):
        raise Refused(gettext("We have already sent several confirmation mails to this address today. Please use one of them, or try again tomorrow."), 429)
    subscription = existing or Subscription(email=email, language=language, query=query_string)
    subscription.frequency = frequency
    subscription.save()
    send_confirmation(subscription)


def send_confirmation(subscription):
    with translation.override(subscription.language):
        label = followed_label(subscription.query, subscription.language)
        mails.send(
            subscription.email,
            gettext("Confirm your Rozcestník alert: %(search)s") % {"search": label},
            "confirmation",
            {
                "label": label,
                "frequency": subscription.get_frequency_display(),
                "confirm_url": mails.link("search_alert_confirm", tokens.confirm_token(subscription)),
                "days": settings.SEARCH_ALERTS_CONFIRM_DAYS,
            },
        )


def confirm(token):
    """CONFIRMED or ALREADY_CONFIRMED; signing.BadSignature for a forged, expired or withdrawn link."""
    subscription = tokens.confirmed_subscription_of(token)
    if subscription.confirmed_at:
        return ALREADY_CONFIRMED
    Subscription.objects.filter(pk=subscription.pk, confirmed_at__isnull=True).update(confirmed_at=timezone.now())
    return CONFIRMED


def purge_unconfirmed():
    """Delete subscriptions nobody confirmed within SEARCH_ALERTS_CONFIRM_DAYS; the count."""
    cutoff = timezone.now() - timedelta(days=settings.SEARCH_ALERTS_CONFIRM_DAYS)
    return Subscription.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff).delete()[0]
