"""Run the saved relevance checks (search console) and store pass or fail; optionally load the judged
queries of the relevance harness (search/quality/) as checks first."""

from django.core.management.base import BaseCommand

from search import quality
from search.console.relevance import load_judged, run_checks


class Command(BaseCommand):
    help = "Run every saved relevance check (query → page in its first N results) and store the outcome."

    def add_arguments(self, parser):
        parser.add_argument(
            "--load-judged",
            action="store_true",
            help="First add a check for each judged query of search/quality/ whose answering page exists here.",
        )

    def handle(self, *args, **options):
        if options["load_judged"]:
            self.stdout.write(f"{load_judged(quality.load_queries())} checks added from the judged queries")
        passed, failed = run_checks()
        self.stdout.write(f"{passed} relevance checks passed, {failed} failed")
