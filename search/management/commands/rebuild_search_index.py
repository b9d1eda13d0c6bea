"""Rebuild the search index of every backend (or one) from the live pages, with zero downtime."""

from django.core.management.base import BaseCommand, CommandError

from search.backends import BACKENDS, all_backends, get_search_backend
from search.backends.base import SearchUnavailable
from search.documents import count_indexable_pages
from search.management.progress import ProgressBar
from search.rebuilding import RebuildRunning, rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the search index from all live, public pages. Readers keep searching the old index "
        "until the new one is complete (Elasticsearch: alias swap; embedded: file swap), and changes "
        "published meanwhile are replayed into the new index before it goes live."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--backend",
            choices=sorted(BACKENDS),
            help="Rebuild only this backend (default: the configured one and, beside Elasticsearch, the embedded backup).",
        )

    def handle(self, *args, backend=None, **options):
        backends = [get_search_backend(backend)] if backend else all_backends()
        total = count_indexable_pages()
        failed = []
        for search_backend in backends:
            progress = ProgressBar(self.stdout, total, search_backend.name)
            try:
                rebuild(search_backend, progress=progress.advance)
            except (SearchUnavailable, RebuildRunning) as error:
                progress.finish()
                self.stderr.write(
                    f"{search_backend.name}: not rebuilt, the old index stays in use: {error}"
                )
                failed.append(search_backend.name)
                continue
            progress.finish()
            rate = progress.done / progress.elapsed if progress.elapsed else 0
            self.stdout.write(
                f"{search_backend.name}: {progress.done} pages indexed in {progress.elapsed:.1f} s "
                f"({rate:.0f} pages/s)"
            )
        if failed:
            raise CommandError(f"Rebuild failed for: {', '.join(failed)}")
