"""Apply pending search index changes (the change log); run from cron, or as the worker with --loop."""

from django.core.management.base import BaseCommand

from search.changes import log, outbox
from search.changes.worker import Worker, describe
from search.console.jobs import daily_jobs, frequent_jobs


class Command(BaseCommand):
    help = (
        "Apply pending search index changes to every engine. Changes normally apply right after a "
        "publish; this applies what the request left, and retries what failed while an engine was down."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop", action="store_true", help="Keep running, checking every --interval seconds."
        )
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconds between checks with --loop."
        )
        parser.add_argument(
            "--retry-now",
            action="store_true",
            help="Forget the backoff of engines that failed and try them at once.",
        )

    def handle(self, *args, loop=False, interval=1.0, retry_now=False, **options):
        if retry_now:
            self.stdout.write(f"{log.retry_now()} engines in backoff will be retried now")
        if loop:
            Worker(interval=interval, report=self.stdout.write, daily=daily_jobs, frequent=frequent_jobs).run()
            return
        result = outbox.process_pending(force=retry_now)
        outbox.enrich_pending()
        self.stdout.write(describe(result))
