"""Apply pending search index updates (the outbox); run from cron or as a worker with --loop."""

import time

from django.core.management.base import BaseCommand

from search.indexing import pending_count, process_pending


class Command(BaseCommand):
    help = (
        "Apply pending search index updates to every backend. Updates normally apply right after a publish; "
        "this retries those that failed while a search engine was down."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop", action="store_true", help="Keep running, checking every --interval seconds."
        )
        parser.add_argument(
            "--interval", type=float, default=5.0, help="Seconds between checks with --loop."
        )

    def handle(self, *args, loop=False, interval=5.0, **options):
        while True:
            result = process_pending()
            if result.applied or result.failed_rows or not loop:
                line = (
                    f"{result.indexed} indexed, {result.deleted} deleted, {result.failed_rows} failed, "
                    f"{pending_count()} pending"
                )
                if result.errors:
                    line += " — " + "; ".join(
                        f"{name}: {error}" for name, error in result.errors.items()
                    )
                self.stdout.write(line)
            if not loop:
                return
            time.sleep(interval)
