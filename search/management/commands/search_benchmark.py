"""Benchmark search on long Czech pages: passages indexed per second and JSON API latency per query class.

Runs in a throwaway database (Django's test-database machinery: in-memory SQLite, or test_<name> on
PostgreSQL), a temporary embedded index and Elasticsearch indices under a random `bench-` prefix that are
deleted afterwards, so the developer's pages and indices are never touched.

The text is the project's own: the demo content (`load_demo_content`, shipped with the project) is loaded
first and its passages become the pool of sentences and headings; the seed documents in ../shared/seeds
are added when present. Generated pages have several headed sections of 100–800 words, so they are cut
into passages as real manuals are. Wagtail's own search answers the same queries beside both backends.
"""

import io
import json
import logging
import random
import re
import resource
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import numpy as np
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client, override_settings
from django.utils import timezone
from wagtail.models import Locale, Page

from search.changes.rebuilding import rebuild
from search.documents.pages import iter_indexed_pages
from search.engines.elasticsearch import ElasticsearchBackend
from search.engines.embedded import EmbeddedBackend
from search.management.measuring import QUERY_CLASSES, percentile, time_reader_queries
from search.management.progress import ProgressBar
from search.models import PassageEmbedding
from search.vectors.cache import text_hash
from search.vectors.embedding import get_embedder, vector_to_bytes
from search.vectors.pages import passage_texts

SEEDS_DIR = Path(settings.BASE_DIR).parent / "shared" / "seeds"
SENTENCE_RE = re.compile(r"(?<=[.!?])\s+|\n+")
ROUNDS = 5
# Sections of a generated page, and sentences per section: 100–800 words, as in the seed manuals.
SECTIONS = (3, 8)
SENTENCES_PER_SECTION = (6, 50)
# Wagtail's own search scans every page per query (1.6 s p95 at 1,200 pages, growing with the corpus):
# past this size its reference row would take most of the run, so it is left out.
WAGTAIL_MAX_PAGES = 3000


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Command(BaseCommand):
    help = "Generate N long Czech pages in a throwaway database and benchmark every search backend."

    def add_arguments(self, parser):
        parser.add_argument(
            "--pages", type=int, nargs="+", default=[1000], help="Page counts, e.g. 1000 10000."
        )
        parser.add_argument(
            "--elasticsearch-url", default=settings.ELASTICSEARCH_URL or "http://127.0.0.1:9200"
        )
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, pages, elasticsearch_url, seed, **options):
        old_name = connection.settings_dict["NAME"]
        self.stdout.write("Creating a throwaway database with the demo content…")
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        # Wagtail logs every page it creates; 10,000 such lines would bury the numbers.
        logging.disable(logging.INFO)
        try:
            with tempfile.TemporaryDirectory(prefix="rozcestnik-bench-") as directory:
                # Publishing the demo pages feeds the outbox: into a scratch index, never the developer's.
                # Document text is extracted in this thread: an in-memory throwaway database is locked, not
                # waited for, when a background thread writes to it.
                with override_settings(
                    SEARCH_BACKEND="embedded",
                    SEARCH_EMBEDDED_PATH=Path(directory) / "outbox.sqlite3",
                    INGEST_EXTRACT_IN_BACKGROUND=False,
                ):
                    call_command("load_demo_content", stdout=io.StringIO())
                pool = TextPool.from_corpus()
                self.stdout.write(f"Text pool: {len(pool.sentences)} sentences, {len(pool.headings)} headings.")
                parent = self.manual_library()
                generator = random.Random(seed)
                rows, created = [], 0
                for count in sorted(pages):
                    started = time.perf_counter()
                    self.create_pages(parent, count - created, generator, pool, offset=created)
                    created = count
                    self.stdout.write(f"{count} pages ready in {time.perf_counter() - started:.0f} s")
                    rows += self.measure(count, Path(directory), elasticsearch_url)
                    # The table so far after every size: the larger runs take minutes.
                    self.print_table(rows)
        finally:
            logging.disable(logging.NOTSET)
            connection.creation.destroy_test_db(old_name, verbosity=0)

    # --- content ---------------------------------------------------------------------------------

    def manual_library(self):
        from hub.manuals.models import ManualIndexPage

        czech = Locale.objects.get(language_code="cs")
        return ManualIndexPage.objects.get(locale=czech)

    def create_pages(self, parent, count, generator, pool, offset):
        from hub.manuals.models import ManualPage

        now = timezone.now()
        progress = ProgressBar(self.stdout, count, "pages")
        with transaction.atomic():
            for number in range(offset, offset + count):
                body = []
                for _ in range(generator.randint(*SECTIONS)):
                    body.append({"type": "heading", "value": {"text": generator.choice(pool.headings), "level": "h2"}})
                    text = " ".join(generator.choices(pool.sentences, k=generator.randint(*SENTENCES_PER_SECTION)))
                    body.append({"type": "paragraph", "value": f"<p>{text}</p>"})
                parent.add_child(
                    instance=ManualPage(
                        title=f"{generator.choice(pool.headings)} ({number})"[:200],
                        slug=f"stranka-{number}",
                        summary=generator.choice(pool.sentences)[:600],
                        body=json.dumps(body),
                        first_published_at=now,
                        last_published_at=now,
                    )
                )
                progress.advance()
        progress.finish()

    # --- measuring -------------------------------------------------------------------------------

    def measure(self, count, directory, elasticsearch_url):
        started = time.perf_counter()
        pages = list(iter_indexed_pages())
        serialise_seconds = time.perf_counter() - started
        passages = sum(len(page.indexed_passages()) for page in pages)
        self.stdout.write(
            f"{len(pages)} pages, {passages} passages serialised at {passages / serialise_seconds:.0f} passages/s"
        )
        stand_in_vectors(pages, self.stdout)
        rows = []
        embedded = EmbeddedBackend(path=directory / f"bench-{count}.sqlite3")
        rows.append(
            self.measure_backend(count, embedded, pages, passages, {"SEARCH_EMBEDDED_PATH": embedded.path})
        )
        prefix = f"bench-rozcestnik-{uuid.uuid4().hex[:8]}"
        elasticsearch = ElasticsearchBackend(url=elasticsearch_url, index_prefix=prefix, timeout=30)
        if elasticsearch.is_available():
            try:
                overrides = {
                    "ELASTICSEARCH_URL": elasticsearch_url,
                    "ELASTICSEARCH_INDEX_PREFIX": prefix,
                    "SEARCH_EMBEDDED_PATH": embedded.path,
                }
                rows.append(self.measure_backend(count, elasticsearch, pages, passages, overrides))
            finally:
                elasticsearch.drop_indices()
        else:
            self.stderr.write(f"Elasticsearch at {elasticsearch_url} does not answer; skipped.")
        if count <= WAGTAIL_MAX_PAGES:
            rows.append(self.measure_wagtail(count))
        else:
            self.stdout.write(f"Wagtail's own search left out above {WAGTAIL_MAX_PAGES} pages.")
        return rows

    def measure_backend(self, count, backend, pages, passages, overrides):
        progress = ProgressBar(self.stdout, len(pages), f"index {backend.name}")
        started = time.perf_counter()
        backend.rebuild(pages, progress=progress.advance)
        index_seconds = time.perf_counter() - started
        progress.finish()
        # A rebuild as rebuild_search_index runs it: pages read from the database, vectors from the
        # embedding cache (the stand-ins were stored there), the change log replayed, the index swapped.
        started = time.perf_counter()
        rebuild(backend)
        rebuild_seconds = time.perf_counter() - started
        with override_settings(SEARCH_BACKEND=backend.name, ALLOWED_HOSTS=["*"], **overrides):
            latencies = time_reader_queries(Client(), ROUNDS)
        row = self.row(f"{backend.name} (JSON API)", count, passages / index_seconds, latencies)
        row["ms_per_page"] = index_seconds * 1000 / len(pages)
        row["rebuild"] = f"{passages / rebuild_seconds:.0f} passages/s"
        return row

    def measure_wagtail(self, count):
        """Wagtail's built-in search (WAGTAILSEARCH_BACKENDS), queried directly through Page.objects.search."""
        started = time.perf_counter()
        call_command("update_index", verbosity=0, stdout=io.StringIO())
        index_seconds = time.perf_counter() - started
        latencies = {name: [] for name in QUERY_CLASSES}
        for texts in QUERY_CLASSES.values():
            for text in texts:
                list(Page.objects.live().search(text)[:10])
        for _ in range(ROUNDS):
            for name, texts in QUERY_CLASSES.items():
                for text in texts:
                    started = time.perf_counter()
                    list(Page.objects.live().search(text)[:10])
                    latencies[name].append(time.perf_counter() - started)
        backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"].rsplit(".", 1)[-1]
        # Wagtail indexes whole pages: its rate is pages, not passages, per second.
        row = self.row(f"wagtail {backend} (ORM)", count, count / index_seconds, latencies, unit="pages")
        row["ms_per_page"] = index_seconds * 1000 / count
        return row

    def row(self, name, count, rate, latencies, unit="passages"):
        every = [value for values in latencies.values() for value in values]
        return {
            "backend": name,
            "pages": count,
            "rate": f"{rate:.0f} {unit}/s",
            "p50": statistics.median(every) * 1000,
            "p95": percentile(every, 0.95) * 1000,
            "classes": {
                query_class: (statistics.median(values) * 1000, percentile(values, 0.95) * 1000)
                for query_class, values in latencies.items()
            },
            "rss": peak_rss_mb(),
        }

    def print_table(self, rows):
        queries = sum(len(texts) for texts in QUERY_CLASSES.values())
        self.stdout.write(
            f"\n{queries} queries × {ROUNDS} rounds; latency in ms, p50/p95 per query class; "
            "peak RSS is this process's, cumulative; ms/page is indexing time per page, ×first its ratio to the "
            "smallest size; from cache is rebuild_search_index's whole path (pages read, cached vectors, "
            "log replay, swap)."
        )
        classes = list(QUERY_CLASSES)
        header = (
            f"{'backend':<28} {'pages':>6} {'indexed':>18} {'ms/page':>8} {'×first':>6} {'from cache':>18}"
            f" {'p50':>6} {'p95':>6}  "
            + "  ".join(f"{name:>15}" for name in classes)
            + f" {'RSS MB':>7}"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        first = {}  # backend → its per-page indexing cost at the smallest size: linear indexing keeps ×first near 1
        for row in rows:
            first.setdefault(row["backend"], row["ms_per_page"])
            ratio = row["ms_per_page"] / first[row["backend"]]
            per_class = "  ".join(
                "{:>15}".format("{:.0f}/{:.0f}".format(*row["classes"][name])) for name in classes
            )
            self.stdout.write(
                f"{row['backend']:<28} {row['pages']:>6} {row['rate']:>18} {row['ms_per_page']:>8.1f} {ratio:>6.2f}"
                f" {row.get('rebuild', '–'):>18}"
                f" {row['p50']:>6.1f} {row['p95']:>6.1f}  "
                f"{per_class} {row['rss']:>7.0f}"
            )


class TextPool:
    """Sentences and headings of real Czech text: the demo content's passages, plus the seed documents."""

    def __init__(self, sentences, headings):
        self.sentences = sentences
        self.headings = headings

    @classmethod
    def from_corpus(cls):
        sentences, headings = [], []
        for page in iter_indexed_pages():
            if page.locale != "cs":
                continue
            headings.append(page.title)
            for passage in page.passages:
                headings += [heading for heading in passage.heading if 3 <= len(heading) <= 120]
                sentences += split_sentences(passage.text)
        for path in sorted(SEEDS_DIR.glob("*.txt")) if SEEDS_DIR.is_dir() else []:
            sentences += split_sentences(path.read_text(encoding="utf-8"))
        return cls(sentences=list(dict.fromkeys(sentences)), headings=list(dict.fromkeys(headings)))


def stand_in_vectors(pages, stdout):
    """With an embedder configured, search is hybrid: give every passage a random unit vector in the
    model's name. Query time does not depend on what the vectors say, and embedding thousands of pages
    cold would take hours (its throughput is measured by rebuild_search_index and semantic_report);
    query vectors are real, the model runs for each query."""
    embedder = get_embedder()
    if embedder is None:
        stdout.write("SEARCH_EMBEDDER is off: lexical search alone.")
        return
    generator = np.random.default_rng(11)
    cached = []
    for page in pages:
        vectors = generator.standard_normal((len(page.indexed_passages()), embedder.dimensions)).astype(np.float32)
        page.vectors = list(vectors / np.linalg.norm(vectors, axis=1, keepdims=True))
        page.vector_model = embedder.model_name
        cached += [
            PassageEmbedding(
                model_name=embedder.model_name,
                text_hash=text_hash(text),
                dimensions=embedder.dimensions,
                vector=vector_to_bytes(vector),
            )
            for text, vector in zip(passage_texts(page), page.vectors, strict=True)
        ]
    # In the embedding cache too, so a rebuild finds them as it finds vectors embedded before.
    PassageEmbedding.objects.bulk_create(cached, batch_size=2000, ignore_conflicts=True)
    stdout.write(f"Hybrid search: {embedder.model_name} for queries, random stand-in passage vectors.")


def split_sentences(text):
    return [
        " ".join(sentence.split())
        for sentence in SENTENCE_RE.split(text)
        if 40 <= len(" ".join(sentence.split())) <= 400
    ]
