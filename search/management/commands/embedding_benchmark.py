"""The bundled model's raw throughput beside the embedding pipeline's, on the same passages in one run.

Raw: the model alone, handed the passage texts (already cut to its window) in calls of BATCH_TOKENS,
and once a text per call for comparison. Pipeline: `embed_passages_cached` as a rebuild and the worker
call it: texts of the live pages, hashing, the cache lookup, cutting to fit, batching, the model, and
storing each call's vectors. The pipeline runs in a transaction that is rolled back, with the cache
rows of these passages deleted inside it first, so it embeds everything cold and leaves the developer's
cache as it was.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from search.documents.pages import iter_indexed_pages
from search.models import PassageEmbedding
from search.vectors.cache import (
    BATCH_TOKENS,
    embed_passages_cached,
    fit_to_window,
    text_hash,
    token_batches,
)
from search.vectors.embedding import embedder_problem, get_embedder
from search.vectors.pages import passage_texts


class Rollback(Exception):
    """Undoes the pipeline's writes to the embedding cache."""


class Command(BaseCommand):
    help = "Measure the model's raw tokens/s and the embedding pipeline's on passages of the live pages."

    def add_arguments(self, parser):
        parser.add_argument("--passages", type=int, default=200, help="Distinct passages to embed (default 200).")

    def handle(self, *args, passages, **options):
        embedder = get_embedder()
        if embedder is None:
            raise CommandError(f"No embedder: {embedder_problem() or 'SEARCH_EMBEDDER is none'}")
        texts = []
        for page in iter_indexed_pages():
            texts += passage_texts(page)
            texts = list(dict.fromkeys(texts))
            if len(texts) >= passages:
                break
        texts = texts[:passages]
        if not texts:
            raise CommandError("No live pages to read passages from: load content first (setup_hub).")
        fitted = [fit_to_window(embedder, text) for text in texts]
        tokens = sum(count for _, count, _ in fitted)
        cut = sum(1 for *_, was_cut in fitted if was_cut)
        self.stdout.write(
            f"{len(texts)} passages, {tokens} tokens ({tokens / len(texts):.0f} a passage); "
            f"{cut} longer than the model's {embedder.max_tokens}-token window, cut to fit."
        )
        embedder.embed_passages(["zahřátí"])  # warm-up: the model's first call allocates its buffers

        one_by_one = self.raw(embedder, [(None, text, count) for text, count, _ in fitted], budget=1)
        batched = self.raw(embedder, [(None, text, count) for text, count, _ in fitted], budget=BATCH_TOKENS)
        pipeline = self.pipeline(embedder, texts)
        self.stdout.write(f"{'':<34} {'seconds':>8} {'tokens/s':>9} {'passages/s':>11} {'of raw':>7}")
        for label, seconds in (
            ("model, one passage a call", one_by_one),
            (f"model, calls of {BATCH_TOKENS} tokens (raw)", batched),
            ("pipeline (embed_passages_cached)", pipeline),
        ):
            self.stdout.write(
                f"{label:<34} {seconds:>8.1f} {tokens / seconds:>9.0f} {len(texts) / seconds:>11.1f} "
                f"{batched / seconds:>7.0%}"
            )

    @staticmethod
    def raw(embedder, items, budget):
        started = time.perf_counter()
        for batch in token_batches(items, budget):
            embedder.embed_passages([text for _, text, _ in batch])
        return time.perf_counter() - started

    @staticmethod
    def pipeline(embedder, texts):
        try:
            with transaction.atomic():
                PassageEmbedding.objects.filter(
                    model_name=embedder.model_name, text_hash__in=[text_hash(text) for text in texts]
                ).delete()
                started = time.perf_counter()
                result = embed_passages_cached(texts, embedder=embedder)
                seconds = time.perf_counter() - started
                if result.computed != len(texts):
                    raise CommandError(f"The pipeline embedded {result.computed} of {len(texts)} passages.")
                raise Rollback
        except Rollback:
            return seconds
