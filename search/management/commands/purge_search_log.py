"""Sum the query log into daily counts and delete logged searches past SEARCH_LOG_RETENTION_DAYS."""

from django.conf import settings
from django.core.management.base import BaseCommand

from search.console import daily


class Command(BaseCommand):
    help = "Sum finished days of the search log into daily counts, then delete rows older than the retention."

    def handle(self, *args, **options):
        deleted = daily.purge()
        self.stdout.write(
            f"{deleted} logged searches older than {settings.SEARCH_LOG_RETENTION_DAYS} days deleted; daily counts kept"
        )
