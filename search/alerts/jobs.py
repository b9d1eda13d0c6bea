"""The alerts' jobs in the worker (search/console/jobs.py): immediate alerts every few minutes; weekly
digests, the deletion of unconfirmed subscriptions, of finished throttle windows and of old substantial
changes once a day."""

from search.alerts import limits
from search.alerts.sending import purge_substantial_changes, send_alerts
from search.alerts.subscribing import purge_unconfirmed
from search.models import Subscription


def frequent():
    return send_alerts(Subscription.Frequency.IMMEDIATE)


def daily():
    sent = send_alerts(Subscription.Frequency.WEEKLY)
    purged, counters, changes = purge_unconfirmed(), limits.purge(), purge_substantial_changes()
    return (
        f"{sent}; {purged} unconfirmed subscriptions older than the confirmation period deleted, "
        f"{counters} finished throttle windows and {changes} old substantial changes deleted"
    )
