"""Signed links in alert mails (django.core.signing): nothing in them is a secret, but only we can make one.

A confirmation link names one subscription and its address and expires after SEARCH_ALERTS_CONFIRM_DAYS;
an unsubscribe link names one subscription and a manage link one address, and neither expires, since they
are in every alert mail. Each kind has its own salt, so one kind of link never works as another.
"""

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "search.alerts.confirm"
UNSUBSCRIBE_SALT = "search.alerts.unsubscribe"
MANAGE_SALT = "search.alerts.manage"


def subscription_token(subscription, salt):
    return signing.dumps([subscription.pk, subscription.email], salt=salt, compress=True)


def manage_token(email):
    return signing.dumps(email, salt=MANAGE_SALT, compress=True)


def confirm_token(subscription):
    return subscription_token(subscription, CONFIRM_SALT)


def unsubscribe_token(subscription):
    return subscription_token(subscription, UNSUBSCRIBE_SALT)


def read_subscription_token(token, salt, max_age=None):
    """(subscription id, address) of a link; signing.BadSignature (or its SignatureExpired) otherwise."""
    pk, email = signing.loads(token, salt=salt, max_age=max_age)
    return pk, email


def read_confirm_token(token):
    return read_subscription_token(token, CONFIRM_SALT, max_age=settings.SEARCH_ALERTS_CONFIRM_DAYS * 24 * 3600)


def read_unsubscribe_token(token):
    return read_subscription_token(token, UNSUBSCRIBE_SALT)


def read_manage_token(token):
    return signing.loads(token, salt=MANAGE_SALT)
