"""Mail readers' e-mail alerts now (the worker does it on its own: immediate ones every few minutes,
weekly ones daily); prints a line per frequency."""

from django.core.management.base import BaseCommand

from search.alerts.sending import send_alerts
from search.models import Subscription


class Command(BaseCommand):
    help = "Mail each due e-mail alert subscription its new and substantially changed pages."

    def add_arguments(self, parser):
        parser.add_argument(
            "--frequency",
            choices=Subscription.Frequency.values,
            help="Only subscriptions of this frequency (default: both; weekly ones only once a week is over).",
        )

    def handle(self, *args, frequency=None, **options):
        for each in [frequency] if frequency else Subscription.Frequency.values:
            self.stdout.write(send_alerts(each))
