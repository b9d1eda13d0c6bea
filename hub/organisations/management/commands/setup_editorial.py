"""Create the editorial groups, per-organisation permissions and the review workflow (idempotent)."""

from django.core.management.base import BaseCommand

from hub.organisations.editorial import setup_editorial


class Command(BaseCommand):
    help = "Create editor/reviewer groups, per-organisation page permissions and the review workflow."

    def handle(self, *args, **options):
        report = setup_editorial()
        for line in report.lines():
            self.stdout.write(f"  {line}")
        self.stdout.write(self.style.SUCCESS("Editorial groups and workflow are in place."))
