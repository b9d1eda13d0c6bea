"""Time the embedded engine's hybrid search call by call, per query class, on N generated pages.

Why a script beside `manage.py search_benchmark`: the benchmark builds a throwaway database and both
engines' indices on every run (many minutes at 10,000 pages) and reports the JSON API as a whole. This
one keeps its database and embedded index in --dir (built once, by the benchmark's own page generator
and stand-in vectors), so a change to the engine is timed on the same index in a minute, and it says
which engine call the time goes to. Speed is printed, never asserted (machines differ).

    .venv/bin/python bench/embedded_search.py --pages 10000
    .venv/bin/python bench/embedded_search.py --pages 10000 --profile "long question"

--dir can be shared by checkouts of different commits: the index file is named after the layout
version, so a layout change builds its own next to the old one.
"""

import argparse
import cProfile
import io
import logging
import os
import pstats
import random
import resource
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.dev")

# The engine calls a search makes (search/engines/base.py), timed one by one.
ENGINE_CALLS = ("vocabulary", "retrieve", "browse", "nearest", "stored_passages")


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/rozcestnik-embedded-bench"))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", metavar="CLASS", help="cProfile the queries of this class instead of timing.")
    return parser.parse_args()


def setup(directory):
    """Django on the bench's own database and files: the developer's var/ is never touched."""
    directory.mkdir(parents=True, exist_ok=True)
    os.environ["ROZCESTNIK_VAR_DIR"] = str(directory)
    os.environ["DATABASE_URL"] = f"sqlite:///{directory / 'hub.sqlite3'}"
    import django

    django.setup()
    # Wagtail logs every page it creates; 10,000 such lines would bury the numbers.
    logging.disable(logging.INFO)


def build_database(pages, seed):
    from django.core.management import call_command
    from django.test import override_settings

    from search.management.commands.search_benchmark import Command, TextPool

    call_command("migrate", verbosity=0)
    # Document text is extracted in this thread, as in the benchmark.
    with override_settings(INGEST_EXTRACT_IN_BACKGROUND=False):
        call_command("load_demo_content", stdout=io.StringIO())
    benchmark = Command()
    pool = TextPool.from_corpus()
    started = time.perf_counter()
    benchmark.create_pages(benchmark.manual_library(), pages, random.Random(seed), pool, offset=0)
    print(f"{pages} pages created in {time.perf_counter() - started:.0f} s")


def build_index(path):
    from django.core.management.base import OutputWrapper

    from search.documents.pages import iter_indexed_pages
    from search.engines.embedded import EmbeddedBackend
    from search.management.commands.search_benchmark import stand_in_vectors

    pages = list(iter_indexed_pages())
    stand_in_vectors(pages, OutputWrapper(sys.stdout))
    started = time.perf_counter()
    EmbeddedBackend(path=path).rebuild(pages)
    passages = sum(len(page.indexed_passages()) for page in pages)
    print(f"{len(pages)} pages, {passages} passages indexed in {time.perf_counter() - started:.0f} s")


class CallTimer:
    """Wall time of each engine call, summed per search while `search` is set."""

    def __init__(self, backend_class):
        self.spent = defaultdict(lambda: defaultdict(float))  # query class -> call -> seconds
        self.search = None
        for name in ENGINE_CALLS:
            setattr(backend_class, name, self.timed(name, getattr(backend_class, name)))

    def timed(self, name, method):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                if self.search is not None:
                    self.spent[self.search][name] += time.perf_counter() - started

        return wrapper


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(int(len(ordered) * fraction), len(ordered) - 1)]


def measure(rounds, timer):
    from django.test import Client

    from search.management.measuring import time_reader_queries

    latencies = time_reader_queries(Client(), rounds, on_class=lambda name: setattr(timer, "search", name))
    timer.search = None
    every = [value for values in latencies.values() for value in values]
    print(f"{'class':<15} {'p50':>7} {'p95':>7}   mean ms per search in: {', '.join(ENGINE_CALLS)}")
    for name, values in [*latencies.items(), ("all", every)]:
        searches = len(values)
        spent = timer.spent[name] if name != "all" else {}
        calls = "  ".join(f"{spent.get(call, 0) * 1000 / searches:>7.1f}" for call in ENGINE_CALLS)
        p50, p95 = statistics.median(values) * 1000, percentile(values, 0.95) * 1000
        print(f"{name:<15} {p50:>7.1f} {p95:>7.1f}   {calls if spent else ''}")
    # Linux counts ru_maxrss in KiB: the process at its largest, the loaded vector matrix included.
    print(f"peak resident memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def profile(query_class):
    from django.test import Client

    from search.management.measuring import QUERY_CLASSES


    client = Client()
    texts = QUERY_CLASSES[query_class]
    for text in texts:
        client.get("/api/search/", {"q": text, "lang": "cs"})
    profiler = cProfile.Profile()
    profiler.enable()
    for text in texts:
        client.get("/api/search/", {"q": text, "lang": "cs"})
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


def main():
    options = arguments()
    directory = options.dir / str(options.pages)
    fresh = not (directory / "hub.sqlite3").exists()
    setup(directory)
    from django.test import override_settings

    from search.engines.embedded import LAYOUT_VERSION, EmbeddedBackend

    if fresh:
        build_database(options.pages, options.seed)
    index = directory / f"search-layout{LAYOUT_VERSION}.sqlite3"
    if not index.exists():
        build_index(index)
    with override_settings(SEARCH_BACKEND="embedded", SEARCH_EMBEDDED_PATH=index, ALLOWED_HOSTS=["*"]):
        if options.profile:
            profile(options.profile)
        else:
            measure(options.rounds, CallTimer(EmbeddedBackend))


if __name__ == "__main__":
    main()
