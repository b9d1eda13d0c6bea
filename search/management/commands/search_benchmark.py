"""Benchmark search on generated Czech pages: index throughput and API latency, beside Wagtail's own search.

Runs in a throwaway database (Django's test-database machinery: in-memory SQLite, or test_<name> on
PostgreSQL), a temporary embedded index and Elasticsearch indices under a random `bench-` prefix that are
deleted afterwards, so the developer's pages and indices are never touched.
"""

import io
import json
import random
import re
import resource
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client, override_settings
from wagtail.models import Locale, Page, Site

from search.backends.elasticsearch import ElasticsearchBackend
from search.backends.embedded import EmbeddedBackend
from search.documents import iter_documents
from search.management.measuring import READER_QUERIES, percentile

SEEDS_DIR = Path(settings.BASE_DIR).parent / "shared" / "seeds"
# Used when ../shared/seeds is absent, so the benchmark runs anywhere.
SAMPLE_SENTENCES = [
    "Centrum na podporu integrace cizinců nabízí kurzy češtiny a sociokulturní kurzy.",
    "Sociální pracovníci obcí s rozšířenou působností pomáhají osobám s dočasnou ochranou.",
    "Nestátní neziskové organizace poskytují odborné sociální poradenství zdarma.",
    "Komunitní tlumočníci doprovázejí klienty na úřad práce a k lékaři.",
    "Krajský úřad koordinuje síťování aktérů v oblasti integrace cizinců.",
    "Oběti domácího násilí najdou pomoc v intervenčním centru.",
]
ROUNDS = 5


def sentences():
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS_DIR.glob("*.txt"))]
    found = [
        " ".join(sentence.split())
        for text in texts
        for sentence in re.split(r"(?<=[.!?])\s+|\n{2,}", text)
        if 40 <= len(sentence) <= 400
    ]
    return found or SAMPLE_SENTENCES


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Command(BaseCommand):
    help = (
        "Generate N pages of Czech text in a throwaway database and benchmark every search backend."
    )

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
        self.stdout.write("Creating a throwaway database…")
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            with tempfile.TemporaryDirectory(prefix="rozcestnik-bench-") as directory:
                rows = []
                created = 0
                tree = self.build_tree()
                generator = random.Random(seed)
                vocabulary = sentences()
                for count in sorted(pages):
                    started = time.perf_counter()
                    self.create_pages(tree, count - created, generator, vocabulary, offset=created)
                    created = count
                    self.stdout.write(
                        f"{count} pages created in {time.perf_counter() - started:.0f} s"
                    )
                    rows += self.measure(count, Path(directory), elasticsearch_url)
                    # The table so far after every size: the larger runs take minutes.
                    self.print_table(rows, len(vocabulary))
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)

    # --- content ---------------------------------------------------------------------------------

    def build_tree(self):
        from hub.core.models import HomePage
        from hub.manuals.models import ManualIndexPage
        from hub.practices.models import GoodPracticeIndexPage

        czech = Locale.objects.get_or_create(language_code="cs")[0]
        home = Page.get_first_root_node().add_child(
            instance=HomePage(title="Rozcestník", slug="bench", locale=czech)
        )
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
        )
        return {
            "manual": home.add_child(instance=ManualIndexPage(title="Příručky", slug="prirucky")),
            "practice": home.add_child(
                instance=GoodPracticeIndexPage(title="Dobrá praxe", slug="dobra-praxe")
            ),
        }

    def create_pages(self, tree, count, generator, vocabulary, offset):
        from django.utils import timezone

        from hub.manuals.models import ManualPage
        from hub.practices.models import GoodPracticePage

        now = timezone.now()
        with transaction.atomic():
            for number in range(offset, offset + count):
                words = generator.choice(vocabulary).split()
                start = generator.randrange(max(len(words) - 6, 1))
                title = (
                    " ".join(words[start : start + generator.randint(3, 7)]).strip(",.;:–-")
                    or "Stránka"
                )
                paragraphs = [
                    {
                        "type": "paragraph",
                        "value": f"<p>{' '.join(generator.sample(vocabulary, 3))}</p>",
                    }
                    for _ in range(generator.randint(3, 8))
                ]
                model, parent = (
                    (ManualPage, tree["manual"])
                    if number % 5
                    else (GoodPracticePage, tree["practice"])
                )
                parent.add_child(
                    instance=model(
                        title=title[:200],
                        slug=f"stranka-{number}",
                        summary=generator.choice(vocabulary)[:600],
                        body=json.dumps(paragraphs),
                        first_published_at=now,
                        last_published_at=now,
                    )
                )

    # --- measuring -------------------------------------------------------------------------------

    def measure(self, count, directory, elasticsearch_url):
        started = time.perf_counter()
        documents = list(iter_documents())
        serialise_rate = len(documents) / (time.perf_counter() - started)
        self.stdout.write(f"{len(documents)} documents serialised at {serialise_rate:.0f} pages/s")
        rows = []
        embedded = EmbeddedBackend(path=directory / f"bench-{count}.sqlite3")
        rows.append(
            self.measure_backend(
                count, embedded, documents, {"SEARCH_EMBEDDED_PATH": embedded.path}
            )
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
                rows.append(self.measure_backend(count, elasticsearch, documents, overrides))
            finally:
                elasticsearch.drop_indices()
        else:
            self.stderr.write(f"Elasticsearch at {elasticsearch_url} does not answer; skipped.")
        rows.append(self.measure_wagtail(count))
        return rows

    def measure_backend(self, count, backend, documents, overrides):
        started = time.perf_counter()
        backend.rebuild(documents)
        index_seconds = time.perf_counter() - started
        client = Client()
        latencies = []
        with override_settings(SEARCH_BACKEND=backend.name, ALLOWED_HOSTS=["*"], **overrides):
            for text in READER_QUERIES:  # warm-up: caches, connections, lemmatiser
                client.get("/api/search/", {"q": text, "lang": "cs"})
            for _ in range(ROUNDS):
                for text in READER_QUERIES:
                    started = time.perf_counter()
                    response = client.get("/api/search/", {"q": text, "lang": "cs"})
                    latencies.append(time.perf_counter() - started)
                    if response.status_code != 200:
                        raise RuntimeError(f"/api/search/?q={text} answered {response.status_code}")
        return self.row(backend.name + " (JSON API)", count, count / index_seconds, latencies)

    def measure_wagtail(self, count):
        """Wagtail's built-in search (WAGTAILSEARCH_BACKENDS), queried directly through Page.objects.search."""
        started = time.perf_counter()
        call_command("update_index", verbosity=0, stdout=io.StringIO())
        index_seconds = time.perf_counter() - started
        latencies = []
        for text in READER_QUERIES:
            list(Page.objects.live().search(text)[:10])
        for _ in range(ROUNDS):
            for text in READER_QUERIES:
                started = time.perf_counter()
                list(Page.objects.live().search(text)[:10])
                latencies.append(time.perf_counter() - started)
        backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"].rsplit(".", 1)[-1]
        return self.row(f"wagtail {backend} (ORM)", count, count / index_seconds, latencies)

    def row(self, name, count, rate, latencies):
        return {
            "backend": name,
            "pages": count,
            "rate": rate,
            "p50": statistics.median(latencies) * 1000,
            "p95": percentile(latencies, 0.95) * 1000,
            "rss": peak_rss_mb(),
        }

    def print_table(self, rows, sentence_count):
        self.stdout.write(
            f"\n{len(READER_QUERIES)} queries × {ROUNDS} rounds; text from {sentence_count} seed sentences; "
            "peak RSS is this process's, cumulative."
        )
        header = f"{'backend':<32} {'pages':>6} {'index pages/s':>14} {'p50 ms':>8} {'p95 ms':>8} {'peak RSS MB':>12}"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for row in rows:
            self.stdout.write(
                f"{row['backend']:<32} {row['pages']:>6} {row['rate']:>14.0f} {row['p50']:>8.1f} "
                f"{row['p95']:>8.1f} {row['rss']:>12.0f}"
            )
