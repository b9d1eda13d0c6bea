"""Put a running hub under load from N simulated readers and print throughput and latency per kind of request.

    manage.py load_test --clients 20 --seconds 60 --url http://127.0.0.1:8000

Each client is a thread that sends one request after another (no think time) with a realistic mix:
searches through the JSON API and the search page (Czech queries with and without diacritics,
abbreviations, a typo, filters), autocomplete, the home page and content pages found by following the
home page's links. Measuring is the point, not attacking: only loopback addresses are accepted, and
clients × seconds are bounded.
"""

import http.client
import ipaddress
import os
import random
import re
import socket
import statistics
import threading
import time
from collections import defaultdict
from urllib.parse import urlencode, urljoin, urlsplit

from django.core.management.base import BaseCommand, CommandError

from search.management.measuring import READER_QUERIES, percentile

MAX_CLIENTS = 100
MAX_SECONDS = 600
REQUEST_TIMEOUT = 30
PREFIXES = ["kur", "tlum", "cpic", "soc", "domac", "integ"]
# Share of each kind of request in the mix (weights, not percentages).
MIX = {"search api": 45, "search page": 15, "autocomplete": 10, "home": 10, "content page": 20}
MAX_CONTENT_PAGES = 60
LINK_RE = re.compile(r'href="(/cs/[^"#?]*)"')


def tree_cpu_seconds(pid):
    """User + system CPU seconds of a process and all its descendants (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    parents, cpu = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        cpu[int(entry)] = (int(fields[11]) + int(fields[12])) / ticks
    tree, frontier = {pid}, [pid]
    while frontier:
        parent = frontier.pop()
        children = [child for child, ppid in parents.items() if ppid == parent and child not in tree]
        tree.update(children)
        frontier += children
    return sum(cpu.get(member, 0.0) for member in tree)


def require_loopback(url):
    parts = urlsplit(url)
    if parts.scheme != "http" or not parts.hostname:
        raise CommandError("--url must be an http:// address such as http://127.0.0.1:8000")
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(parts.hostname, parts.port or 80)}
    except socket.gaierror as error:
        raise CommandError(f"Cannot resolve {parts.hostname}: {error}") from error
    if not all(ipaddress.ip_address(address).is_loopback for address in addresses):
        raise CommandError(
            f"{parts.hostname} is not a loopback address: load_test only measures a hub on this machine."
        )
    return parts


class Client:
    """One reader: a keep-alive connection, reopened when the server closes it."""

    def __init__(self, host, port):
        self.host, self.port = host, port
        self.connection = None

    def get(self, path):
        for attempt in range(2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=REQUEST_TIMEOUT)
            try:
                self.connection.request("GET", path, headers={"Accept-Language": "cs"})
                response = self.connection.getresponse()
                body = response.read()
                if response.will_close:
                    self.connection.close()
                    self.connection = None
                return response.status, body
            except (ConnectionError, http.client.RemoteDisconnected, http.client.BadStatusLine):
                # The server closed a kept-alive connection before this request: one retry on a new one.
                self.connection.close()
                self.connection = None
                if attempt:
                    raise
        raise AssertionError("unreachable")


class Command(BaseCommand):
    help = "Load-test a running hub on this machine: N clients for S seconds, then req/s and latency per kind."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000", help="A loopback address.")
        parser.add_argument("--clients", type=int, default=20)
        parser.add_argument("--seconds", type=int, default=60)
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument(
            "--only", choices=sorted(MIX), action="append", help="Send only these kinds (repeatable)."
        )
        parser.add_argument(
            "--measure-pid",
            type=int,
            action="append",
            default=[],
            help="Also report the CPU this process tree used per request (gunicorn's master, "
            "Elasticsearch): capacity that does not depend on what else the machine runs.",
        )

    def handle(self, *args, url, clients, seconds, seed, only, measure_pid, **options):
        if not 1 <= clients <= MAX_CLIENTS or not 1 <= seconds <= MAX_SECONDS:
            raise CommandError(f"Use 1–{MAX_CLIENTS} clients and 1–{MAX_SECONDS} seconds.")
        parts = require_loopback(url)
        host, port = parts.hostname, parts.port or 80
        content_pages = self.discover(host, port)
        mix = {kind: weight for kind, weight in MIX.items() if not only or kind in only}
        if not content_pages:
            mix.pop("content page", None)
        self.stdout.write(
            f"{clients} clients × {seconds} s against {url}; {len(content_pages)} content pages found; "
            f"mix {', '.join(f'{kind} {weight}' for kind, weight in mix.items())}"
        )
        cpu_before = {pid: tree_cpu_seconds(pid) for pid in measure_pid}
        samples = defaultdict(list)  # kind → [(seconds, ok)]
        errors = defaultdict(int)  # "kind: status or exception" → count
        lock = threading.Lock()
        deadline = time.monotonic() + seconds
        started = time.monotonic()

        def reader(number):
            generator = random.Random(seed + number)
            client = Client(host, port)
            kinds, weights = list(mix), list(mix.values())
            while time.monotonic() < deadline:
                kind = generator.choices(kinds, weights)[0]
                path = self.path_for(kind, generator, content_pages)
                began = time.perf_counter()
                try:
                    status, _ = client.get(path)
                    failure = None if status == 200 else f"HTTP {status}"
                except Exception as error:  # timeouts, refused connections: counted, never fatal
                    failure = error.__class__.__name__
                elapsed = time.perf_counter() - began
                with lock:
                    samples[kind].append((elapsed, failure is None))
                    if failure:
                        errors[f"{kind}: {failure}"] += 1

        threads = [threading.Thread(target=reader, args=(number,), daemon=True) for number in range(clients)]
        for thread in threads:
            thread.start()
        while any(thread.is_alive() for thread in threads):
            time.sleep(1)
            with lock:
                done = sum(len(values) for values in samples.values())
                failed = sum(errors.values())
            elapsed = time.monotonic() - started
            self.progress(f"{elapsed:5.0f} s  {done} requests  {done / elapsed:6.1f} req/s  {failed} errors")
        self.progress(None)
        self.report(samples, errors, time.monotonic() - started)
        total = sum(len(values) for values in samples.values())
        for pid, before in cpu_before.items():
            used = tree_cpu_seconds(pid) - before
            self.stdout.write(
                f"process {pid} and its children: {used:.1f} CPU s, {used * 1000 / max(total, 1):.1f} ms per request"
            )

    def progress(self, line):
        if self.stdout.isatty():
            self.stdout.write(f"\r{line}" if line else "", ending="" if line else "\n")
            self.stdout.flush()
        elif line and int(line.split()[0]) % 5 == 0:
            self.stdout.write(line)  # in a log: every 5 s

    def discover(self, host, port):
        """Content pages reachable from the home page in two steps (sections, then their pages)."""
        client = Client(host, port)
        found, queue, seen = [], ["/cs/"], {"/cs/"}
        for _ in range(2):  # the home page, then the sections it links to
            next_queue = []
            for path in queue:
                try:
                    status, body = client.get(path)
                except OSError as error:
                    raise CommandError(f"{path} cannot be loaded: {error}") from error
                if status != 200:
                    continue
                for link in LINK_RE.findall(body.decode("utf-8", "replace")):
                    link = urljoin(path, link)
                    if link not in seen and "/search/" not in link:
                        seen.add(link)
                        next_queue.append(link)
            found += next_queue
            queue = next_queue[:MAX_CONTENT_PAGES]
        return found[:MAX_CONTENT_PAGES]

    @staticmethod
    def path_for(kind, generator, content_pages):
        if kind == "search api":
            params = {"q": generator.choice(READER_QUERIES), "lang": "cs"}
            if generator.random() < 0.2:
                params["type"] = "manual"
            return f"/api/search/?{urlencode(params)}"
        if kind == "search page":
            return f"/cs/search/?{urlencode({'q': generator.choice(READER_QUERIES)})}"
        if kind == "autocomplete":
            return f"/api/search/autocomplete/?{urlencode({'q': generator.choice(PREFIXES), 'lang': 'cs'})}"
        if kind == "home":
            return "/cs/"
        return generator.choice(content_pages)

    def report(self, samples, errors, elapsed):
        header = f"{'kind':<14} {'requests':>9} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        rows = [*sorted(samples.items()), ("all", [sample for values in samples.values() for sample in values])]
        for kind, values in rows:
            if not values:
                continue
            latencies = [seconds * 1000 for seconds, _ in values]
            failed = sum(1 for _, ok in values if not ok)
            self.stdout.write(
                f"{kind:<14} {len(values):>9} {len(values) / elapsed:>7.1f} {statistics.median(latencies):>8.0f} "
                f"{percentile(latencies, 0.95):>8.0f} {percentile(latencies, 0.99):>8.0f} {failed:>7}"
            )
        for error, count in sorted(errors.items(), key=lambda item: -item[1])[:10]:
            self.stdout.write(f"  {count}× {error}")
