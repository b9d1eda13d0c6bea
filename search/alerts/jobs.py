"""The alerts' jobs in the worker (search/console/jobs.py): immediate alerts every few minutes; weekly
digests, the deletion of unconfirmed subscriptions and of finished throttle windows once a day."""

from search.alerts import limits
from search.alerts.sending import send_alerts
from search.alerts.subscribing import purge_unconfirmed
from search.models import Subscription


def frequent():
    return send_alerts(Subscription.Frequency.IMMEDIATE)


def daily():
    purged, counters = purge_unconfirmed(), limits.purge()
    return (
        f"{send_alerts(Subscription.Frequency.WEEKLY)}; {purged} unconfirmed subscriptions older than the "
        f"confirmation period deleted, {counters} finished throttle windows deleted"
    )
