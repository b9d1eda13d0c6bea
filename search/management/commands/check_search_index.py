"""Compare each search index with the live public pages in the database; --repair fixes what differs."""

from django.core.management.base import BaseCommand, CommandError

from search.changes.checking import check_index
from search.engines import BACKENDS, all_backends, get_search_backend
from search.engines.base import SearchUnavailable


class Command(BaseCommand):
    help = (
        "Compare the search indexes (primary and backup engine) with the database's live public pages: "
        "pages missing, pages that are no longer public, outdated copies. --repair fixes them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help="Fix every difference found.")
        parser.add_argument("--backend", choices=sorted(BACKENDS), help="Check only this backend.")

    def handle(self, *args, repair=False, backend=None, **options):
        backends = [get_search_backend(backend)] if backend else all_backends()
        differences = 0
        for search_backend in backends:
            try:
                report = check_index(search_backend, repair=repair)
            except SearchUnavailable as error:
                raise CommandError(f"{search_backend.name}: cannot be checked: {error}") from error
            self.stdout.write(report.summary())
            for label, ids in (("missing", report.missing), ("not public", report.extra), ("outdated", report.stale)):
                if ids and options["verbosity"] > 1:
                    self.stdout.write(f"  {label}: {', '.join(map(str, ids[:50]))}{' …' if len(ids) > 50 else ''}")
            if not report.repaired:
                differences += report.differences
        if differences:
            raise CommandError(f"{differences} differences; run with --repair to fix them.")
