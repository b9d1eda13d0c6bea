"""Signed links in alert mails (django.core.signing): nothing in them is a secret, but only we can make one.

A link names one subscription by its id and creation time (so it never fits a later row that reuses the
id) and never the address, which would otherwise end up in web server logs. A confirmation link expires
after SEARCH_ALERTS_CONFIRM_DAYS; unsubscribe and manage links, in every alert mail, do not. Each kind
has its own salt, so one kind of link never works as another.
"""

from django.conf import settings
from django.core import signing

from search.models import Subscription

CONFIRM_SALT = "search.alerts.confirm"
UNSUBSCRIBE_SALT = "search.alerts.unsubscribe"
MANAGE_SALT = "search.alerts.manage"


def stamp(subscription):
    return int(subscription.created_at.timestamp() * 1_000_000)


def token(subscription, salt):
    return signing.dumps([subscription.pk, stamp(subscription)], salt=salt, compress=True)


def subscription_of(token, salt, max_age=None):
    """The subscription a link names; signing.BadSignature (or its SignatureExpired) for a link we did
    not make, one past its age, or one whose subscription is gone."""
    pk, created = signing.loads(token, salt=salt, max_age=max_age)
    subscription = Subscription.objects.filter(pk=pk).first()
    if subscription is None or stamp(subscription) != created:
        raise signing.BadSignature("no such subscription")  # unsubscribed or deleted since
    return subscription


def confirm_token(subscription):
    return token(subscription, CONFIRM_SALT)


def unsubscribe_token(subscription):
    return token(subscription, UNSUBSCRIBE_SALT)


def manage_token(subscription):
    """The manage page of the subscription's address, reached through one of its subscriptions."""
    return token(subscription, MANAGE_SALT)


def confirmed_subscription_of(token):
    return subscription_of(token, CONFIRM_SALT, max_age=settings.SEARCH_ALERTS_CONFIRM_DAYS * 24 * 3600)
