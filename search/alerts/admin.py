"""What editors see of e-mail alerts: how many subscriptions per language are confirmed or waiting, on
the admin dashboard of those who see the search reports. Never an address: Subscription is registered
in no admin, snippet or report."""

from django.db.models import Count, Q
from wagtail.admin.ui.components import Component

from search.models import Subscription


def subscription_counts():
    """[{"language", "confirmed", "pending"}] per language with any subscription."""
    return list(
        Subscription.objects.values("language")
        .annotate(
            confirmed=Count("pk", filter=Q(confirmed_at__isnull=False)),
            pending=Count("pk", filter=Q(confirmed_at__isnull=True)),
        )
        .order_by("language")
    )


class AlertCountsPanel(Component):
    name = "search_alert_counts"
    order = 300
    template_name = "search/admin/alert_counts_panel.html"

    def __init__(self, counts):
        self.counts = counts

    def get_context_data(self, parent_context=None):
        return {"counts": self.counts}
