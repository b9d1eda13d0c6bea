"""Mail editors the pages past their check-by date (the worker does it daily; this is for a run by hand)."""

from django.core.management.base import BaseCommand

from hub.organisations.reminders import send_check_reminders


class Command(BaseCommand):
    help = "Remind organisations' editors of their overdue pages: once when a page falls due, then weekly."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List who would get which pages; send and record nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        summary = send_check_reminders(dry_run=dry_run)
        if dry_run:
            for line in summary.details():
                self.stdout.write(line)
        self.stdout.write(summary.line())
