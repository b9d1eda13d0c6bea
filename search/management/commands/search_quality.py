"""Score search against the judged queries (search/quality/*.yml), per category and per backend.

Runs in a throwaway database (Django's test-database machinery, as search_benchmark does) holding the demo
content and, when ../shared/seeds exists, the seed documents imported as published pages. Each backend is
asked through the JSON API, as readers' browsers ask it; plain nearest-neighbour search over the same
vectors and Wagtail's own search (the database backend the admin uses) answer the same queries beside
them. Prints success@1, success@5 and MRR@10, judged on what the result list shows (title + excerpt) and
on the page alone. Every published title, typed as a query in its language, is scored apart: an exact
title must come first (success@1).
"""

import io
import logging
import tempfile
import uuid
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client, override_settings
from wagtail.models import Locale, Page

from hub.goals.models import OperationalGoalsPage
from search import quality
from search.documents.pages import iter_indexed_pages
from search.engines.elasticsearch import ElasticsearchBackend
from search.engines.embedded import EmbeddedBackend
from search.management.progress import ProgressBar
from search.query.excerpts import make_excerpt
from search.query.matching import plan_query
from search.query.parsing import parse_query
from search.query.pipeline import VECTOR_CANDIDATES
from search.query.types import SearchQuery
from search.vectors.embedding import get_embedder
from search.vectors.pages import EmbeddingTally, query_vector, with_vectors

SEEDS_DIR = Path(settings.BASE_DIR).parent / "shared" / "seeds"
# Answer-box confidence thresholds reported side by side: the quoted passage's lead in e5 cosine.
BOX_THRESHOLDS = (0.0, 0.005, 0.01, 0.015, 0.02, 0.03)


def load_corpus():
    """The demo content and the seed documents as published pages; False when there are no seeds.

    The demo invents 2024 goals for some CPIC branches that the goals seed really has; one organisation
    may have one goals page a year, so the demo's pages give their organisation link to the seed's.
    """
    # Wagtail logs every page it creates; thousands of lines would bury the table.
    logging.disable(logging.INFO)
    try:
        call_command("load_demo_content", stdout=io.StringIO())
        seeds = sorted(SEEDS_DIR.glob("*")) if SEEDS_DIR.is_dir() else []
        if seeds:
            OperationalGoalsPage.objects.update(organisation=None)
            call_command("import_documents", *map(str, seeds), "--publish", stdout=io.StringIO())
    finally:
        logging.disable(logging.NOTSET)
    return bool(seeds)


class Command(BaseCommand):
    help = "Score every search backend and Wagtail's own search on the judged queries in search/quality/."

    def add_arguments(self, parser):
        parser.add_argument(
            "--elasticsearch-url", default=settings.ELASTICSEARCH_URL or "http://127.0.0.1:9200"
        )
        parser.add_argument("--category", help="Only queries of this category.")
        parser.add_argument("--misses", action="store_true", help="Print every query the list misses, with its first results.")

    def handle(self, *args, elasticsearch_url, category=None, misses=False, **options):
        self.box_tables = []
        self.title_rows = []
        self.show_misses = misses
        queries = [q for q in quality.load_queries() if category in (None, q.category)]
        old_name = connection.settings_dict["NAME"]
        self.stdout.write("Creating a throwaway database with the demo content and the seed documents…")
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            with tempfile.TemporaryDirectory(prefix="rozcestnik-quality-") as directory:
                # Publishing pages feeds the outbox: into a scratch index, never the developer's.
                # Document text is extracted in this thread: an in-memory throwaway database is locked, not
                # waited for, when a background thread writes to it.
                with override_settings(
                    SEARCH_BACKEND="embedded",
                    SEARCH_EMBEDDED_PATH=Path(directory) / "outbox.sqlite3",
                    INGEST_EXTRACT_IN_BACKGROUND=False,
                ):
                    self.load_corpus()
                rows = self.measure(queries, Path(directory), elasticsearch_url)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
        self.print_table(rows, len(queries))
        self.print_titles()
        self.print_boxes()

    def load_corpus(self):
        if not load_corpus():
            self.stderr.write(f"{SEEDS_DIR} not found: scoring on the demo content only.")

    def measure(self, queries, directory, elasticsearch_url):
        pages = list(iter_indexed_pages())
        self.titles = title_queries(pages)
        if get_embedder() is not None:
            # Hybrid search (SEARCH_EMBEDDER=none measures lexical search alone): embed every passage.
            tally = EmbeddingTally()
            progress = ProgressBar(self.stdout, len(pages), "embedding")
            pages = list(with_vectors(pages, tally=tally, progress=lambda: progress.advance(0)))
            progress.finish()
            self.stdout.write(f"Embedding: {tally.summary()}")
        else:
            self.stdout.write("SEARCH_EMBEDDER is off: lexical search alone.")
        rows = []
        embedded = EmbeddedBackend(path=directory / "quality.sqlite3")
        embedded.rebuild(pages)
        rows.append(self.through_api("embedded", queries, {"SEARCH_BACKEND": "embedded", "SEARCH_EMBEDDED_PATH": embedded.path}))
        if get_embedder() is not None:
            rows.append(("vectors only", self.score(queries, "vectors only", lambda query: nearest_results(embedded, query))))
        prefix = f"quality-rozcestnik-{uuid.uuid4().hex[:8]}"
        elasticsearch = ElasticsearchBackend(url=elasticsearch_url, index_prefix=prefix, timeout=30)
        if elasticsearch.is_available():
            try:
                elasticsearch.rebuild(pages)
                overrides = {
                    "SEARCH_BACKEND": "elasticsearch",
                    "ELASTICSEARCH_URL": elasticsearch_url,
                    "ELASTICSEARCH_INDEX_PREFIX": prefix,
                    "SEARCH_EMBEDDED_PATH": embedded.path,
                }
                rows.append(self.through_api("elasticsearch", queries, overrides))
            finally:
                elasticsearch.drop_indices()
        else:
            self.stderr.write(f"Elasticsearch at {elasticsearch_url} does not answer; skipped.")
        call_command("update_index", verbosity=0, stdout=io.StringIO())
        rows.append(("wagtail (database)", self.score(queries, "wagtail", wagtail_results)))
        return rows

    def through_api(self, name, queries, overrides):
        client = Client()
        boxes = []

        def results(query):
            response = client.get("/api/search/", {"q": query.text, "lang": query.lang})
            if response.status_code != 200:
                raise RuntimeError(f"/api/search/?q={query.text} answered {response.status_code}")
            found = response.json()
            boxes.append(box_outcome(query, found["answer"]))
            shown = [
                quality.Shown(hit["title"], quality.plain(hit["snippet"]), tuple(copy["title"] for copy in hit["also_published_as"]))
                for hit in found["results"]
            ]
            return quality.ResultList(shown, confident=found["answer"] is not None or (bool(shown) and not found["weak"]))

        # Every box a query could get, whatever its confidence: the table shows each threshold's effect.
        with override_settings(ALLOWED_HOSTS=["*"], SEARCH_ANSWER_CONFIDENCE=0.0, **overrides):
            scores = self.score(queries, name, results)
            self.box_tables.append((name, list(boxes)))
            self.title_rows.append((name, self.score(self.titles, f"{name} titles", results, missed_after=1)))
        return name, scores

    def score(self, queries, name, results, missed_after=5):
        progress = ProgressBar(self.stdout, len(queries), name)

        missed = []

        def answer(query):
            shown = results(query)
            progress.advance()
            if self.show_misses and quality.first_hit(query, shown, on_list=True) not in range(1, missed_after + 1):
                missed.append((query, getattr(shown, "shown", shown)))
            return shown

        scores = quality.score(queries, answer)
        progress.finish()
        for query, shown in missed:
            wanted = query.answers[0].page if query.answers else "no confident answer"
            self.stdout.write(f"  {name} misses [{query.category}] {query.text!r} (wants {wanted})")
            for rank, hit in enumerate(shown[:3], start=1):
                self.stdout.write(f"      {rank}. {hit.title} — {hit.excerpt[:160]}")
        return scores

    def print_table(self, rows, count):
        self.stdout.write(
            f"\n{count} judged queries. list: the title and the excerpt show the answer; page: the answering "
            "page is listed. s@k: share answered in the first k results; MRR: mean reciprocal rank (10 deep); "
            "zero: queries with no result at all."
        )
        header = (
            f"{'backend':<20} {'category':<14} {'n':>3}  {'list s@1':>8} {'s@5':>5} {'MRR':>5}"
            f"  {'page s@1':>8} {'s@5':>5} {'MRR':>5} {'zero':>5}"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for name, scores in rows:
            summaries = ("all", "tuned", "held-out")
            categories = sorted({c for c, _ in scores}, key=lambda c: (c in summaries, summaries.index(c) if c in summaries else c))
            for category in categories:
                on_list, on_page = scores[(category, "list")], scores[(category, "page")]
                self.stdout.write(
                    f"{name:<20} {category:<14} {on_list.queries:>3}  {on_list.success(1):>8.2f} "
                    f"{on_list.success(5):>5.2f} {on_list.mrr:>5.2f}  {on_page.success(1):>8.2f} "
                    f"{on_page.success(5):>5.2f} {on_page.mrr:>5.2f} {on_list.zero_results:>5}"
                )

    def print_titles(self):
        for name, scores in self.title_rows:
            on_list = scores[("all", "list")]
            self.stdout.write(
                f"{name}: {on_list.queries} published titles typed as queries, the page first for "
                f"{on_list.success(1):.2f} (success@1), in the first five for {on_list.success(5):.2f}"
            )

    def print_boxes(self):
        self.stdout.write(
            "\nAnswer box by confidence threshold. shown: share of queries with a box; holds: share of boxes "
            "quoting the answer; wrong: share of queries shown a wrong box. * = SEARCH_ANSWER_CONFIDENCE."
        )
        chosen = settings.SEARCH_ANSWER_CONFIDENCE
        thresholds = sorted({chosen, *BOX_THRESHOLDS})
        for name, outcomes in self.box_tables:
            groups = {"all": outcomes}
            for outcome in outcomes:
                groups.setdefault(outcome.category, []).append(outcome)
            self.stdout.write(f"{name:<20} " + " ".join(f"{'*' if t == chosen else ' '}{t:>5.3f} shown/holds/wrong" for t in thresholds))
            for group, members in sorted(groups.items(), key=lambda item: (item[0] == "all", item[0])):
                cells = (
                    "{:>6.2f} {:>5.2f} {:>5.2f}      ".format(*quality.box_rates(members, t)) for t in thresholds
                )
                self.stdout.write(f"  {group:<18} " + " ".join(cells))
            for outcome in outcomes:
                if outcome.confidence is not None and outcome.confidence >= chosen and not outcome.holds_answer:
                    verdict = "answering page, quote misses the answer" if outcome.right_page else "wrong page"
                    self.stdout.write(f"    not holding the answer: {outcome.query!r} → {outcome.title} ({verdict})")


def title_queries(pages):
    """Each published title once per language, as a query its own page (or a copy of it) answers first."""
    titles = sorted({(page.title, page.locale) for page in pages if page.title.strip()})
    return [
        quality.JudgedQuery(title, locale, "exact title", (quality.Answer(page=title),), source="titles")
        for title, locale in titles
    ]


def box_outcome(query, box):
    if box is None:
        return quality.BoxOutcome(query.category, None)
    shown = quality.Shown(box["title"], quality.plain(box["quote"]))
    return quality.BoxOutcome(
        query.category,
        box["confidence"],
        quality.box_holds_answer(query, shown),
        query=query.text,
        title=box["title"],
        right_page=any(quality.same_title(box["title"], answer.page) for answer in query.answers),
    )


def nearest_results(engine, query):
    """Plain nearest-neighbour search: the pages of the passages nearest the query in meaning, in every
    language, each shown by its nearest passage (excerpt cut as the hub cuts it). The baseline hybrid
    search must beat on questions in other words or another language."""
    search_query = SearchQuery(text=query.text, locale=query.lang)
    embedded = query_vector(query.text)
    if embedded is None:
        return []
    parsed = parse_query(search_query)
    plan = plan_query(parsed, engine.vocabulary(parsed))
    nearest = engine.nearest(parsed, embedded[1], embedded[0], None, VECTOR_CANDIDATES)
    nearest_of_page = {}
    for candidate in nearest:  # best first
        nearest_of_page.setdefault(candidate.page_id, candidate.passage_id)
    shown = list(nearest_of_page.values())[:10]
    stored = engine.stored_passages(shown)
    return [
        quality.Shown(passage.title, quality.plain(make_excerpt([plan], passage.text, title=passage.title)))
        for key in shown
        if (passage := stored.get(key))
    ]


def wagtail_results(query):
    """Wagtail's own search over live pages of the query's language: what its admin search would list."""
    locale = Locale.objects.get(language_code=query.lang)
    pages = Page.objects.live().filter(locale=locale).specific().search(query.text)[:10]
    return [quality.Shown(page.title, getattr(page, "summary", "")) for page in pages]
