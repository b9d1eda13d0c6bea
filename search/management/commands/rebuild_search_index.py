"""Rebuild the search index of every backend (or one) from the live pages, with zero downtime."""

from django.core.management.base import BaseCommand, CommandError

from search.changes.rebuilding import RebuildRunning, rebuild
from search.documents.pages import count_indexable_pages
from search.engines import BACKENDS, all_backends, get_search_backend
from search.engines.base import SearchUnavailable
from search.management.progress import ProgressBar
from search.vectors.embedding import embedder_problem, get_embedder
from search.vectors.pages import EmbeddingTally


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
            self.report_layout(search_backend)
            progress = ProgressBar(self.stdout, total, search_backend.name)
            embedding = EmbeddingTally()
            progress.detail = lambda embedding=embedding: embedding_detail(embedding)
            try:
                rebuild(search_backend, progress=progress.advance, embedding=embedding)
            except (SearchUnavailable, RebuildRunning) as error:
                progress.finish()
                self.stderr.write(
                    f"{search_backend.name}: not rebuilt, the old index stays in use: {error}"
                )
                failed.append(search_backend.name)
                continue
            progress.finish()
            seconds = progress.elapsed or float("inf")
            self.stdout.write(
                f"{search_backend.name}: {progress.done} pages, {embedding.passages} passages indexed in "
                f"{progress.elapsed:.1f} s ({progress.done / seconds:.0f} pages/s, "
                f"{embedding.passages / seconds:.0f} passages/s)"
            )
            if get_embedder() is not None:
                self.stdout.write(f"{search_backend.name}: {embedding.summary()}")
            elif problem := embedder_problem():
                self.stderr.write(f"Semantic search is off, the index has no vectors: {problem}")
        if failed:
            raise CommandError(f"Rebuild failed for: {', '.join(failed)}")

    def report_layout(self, backend):
        """Say when the index being replaced had an older layout: the reason a rebuild was needed."""
        try:
            current = backend.layout_is_current()
        except SearchUnavailable:
            return
        if current is False:
            self.stdout.write(f"{backend.name}: the live index has an older layout; building the current one.")


def embedding_detail(embedding):
    """The embedding part of the progress line: passages embedded so far and the model's speed."""
    done = embedding.computed + embedding.in_progress
    if not done:
        return ""
    return f" · {done} passages embedded ({embedding.per_second:.1f}/s)"
