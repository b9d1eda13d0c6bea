"""Abuse limits of the alerts: a stranger must not turn the hub into a mail cannon.

Confirmation mails to one address are capped a day, subscribe requests from one client an hour (the
client's address behind trusted proxies, hub/core/client_address.py), and the searches one address may
follow. Counters live in the database, so every web process shares them; their keys are keyed hashes
(HMAC with the secret key), so a counter row names no one, and the daily job deletes finished windows.
"""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from hub.core.client_address import client_address
from search.models import AlertThrottle

DAY, HOUR = timedelta(days=1), timedelta(hours=1)


def hashed(kind, value):
    return hmac.new(settings.SECRET_KEY.encode(), f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def window_start(length, now):
    return now.replace(minute=0, second=0, microsecond=0, **({"hour": 0} if length == DAY else {}))


def admit(key, length, limit):
    """Count one more use of `key` in the current window; False (and nothing counted) past `limit`."""
    window = window_start(length, timezone.now())
    with transaction.atomic():
        try:
            with transaction.atomic():
                AlertThrottle.objects.create(key=key, window=window, count=0)
        except IntegrityError:
            pass  # another request of this window made the row first
        return bool(
            AlertThrottle.objects.filter(key=key, window=window, count__lt=limit).update(count=F("count") + 1)
        )


def admit_request(request):
    return admit(hashed("client", client_address(request)), HOUR, settings.SEARCH_ALERTS_REQUESTS_PER_HOUR)


def admit_confirmation(email):
    return admit(hashed("address", email.lower()), DAY, settings.SEARCH_ALERTS_CONFIRMATIONS_PER_DAY)


def purge():
    """Delete counters of windows that are over (the longest window is a day)."""
    return AlertThrottle.objects.filter(window__lt=timezone.now() - DAY).delete()[0]
