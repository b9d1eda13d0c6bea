"""The relevance harness: judged queries (search/quality/*.yml) and how a result list is scored against them.

A query is answered when a result shows the answer: (a) on the result list itself, its title (or the
title of a copy it lists as "also published as") is the answering page and the answer's words appear in
the title or the excerpt (what a reader sees before clicking); (b) on the page, its title is the answering
page. A query judged `answer: none` (nonsense) is answered when nothing is presented as its answer: no
answer box, and at most results labelled "maybe related". Scores per category: success@1, success@5 and
MRR@10; the queries of heldout.yml, never tuned on, are also scored apart ("held-out" against "tuned"). `manage.py search_quality` runs it on the demo content and the seed documents, for every
backend and for Wagtail's own search; tests/search/test_quality.py keeps a loose floor.
"""

import re
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import yaml

from search.vocabulary.analysis import AnalysisDataError, analyse, data_entries, fold

QUERIES_DIR = Path(__file__).resolve().parent
QUERY_KEYS = {"q", "lang", "category", "answer"}
TAG_RE = re.compile(r"<[^>]+>")
CUTOFFS = (1, 5)
MRR_DEPTH = 10
HELD_OUT_SOURCE = "heldout.yml"


@dataclass(frozen=True)
class Answer:
    page: str
    text: str = ""


@dataclass(frozen=True)
class JudgedQuery:
    text: str
    lang: str
    category: str
    answers: tuple[Answer, ...]  # () for a query nothing should answer
    source: str

    @property
    def held_out(self):
        return self.source == HELD_OUT_SOURCE


@dataclass(frozen=True)
class Shown:
    """One result as a reader sees it on the list: its title and its excerpt (plain text)."""

    title: str
    excerpt: str = ""
    copies: tuple[str, ...] = ()  # titles of the same text published again ("also published as")

    def is_page(self, expected):
        return any(same_title(title, expected) for title in (self.title, *self.copies))


@dataclass(frozen=True)
class ResultList:
    """What a reader got for a query: the results as shown, and whether search presented them as answers
    (False: an honest "nothing matched", its results at most labelled "maybe related", no answer box)."""

    shown: list
    confident: bool = True


def parse_queries(data, source):
    """JudgedQueries from one YAML file; a mistake names the file and the entry."""
    queries = []
    for where, entry in data_entries(data, source, QUERY_KEYS, language_key="lang", noun="query"):
        if entry["answer"] == "none":
            queries.append(JudgedQuery(str(entry["q"]), entry["lang"], str(entry["category"]), (), source))
            continue
        answers = entry["answer"] if isinstance(entry["answer"], list) else [entry["answer"]]
        if not answers or not all(isinstance(a, dict) and "page" in a and set(a) <= {"page", "text"} for a in answers):
            raise AnalysisDataError(f"{where}: answer is {{page, text}}, a list of them, or none")
        queries.append(
            JudgedQuery(
                text=str(entry["q"]),
                lang=entry["lang"],
                category=str(entry["category"]),
                answers=tuple(Answer(str(a["page"]), str(a.get("text") or "")) for a in answers),
                source=source,
            )
        )
    return queries


def load_queries(directory=QUERIES_DIR):
    """Every judged query of every *.yml file in `directory`, in file order."""
    queries = []
    for path in sorted(directory.glob("*.yml")):
        queries += parse_queries(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)
    return queries


def plain(html):
    return unescape(TAG_RE.sub("", html or ""))


def same_title(shown, expected):
    return " ".join(fold(shown).split()) == " ".join(fold(expected).split())


def shows_text(shown, answer, lang):
    """The answer's words (analysed, so any form counts) all appear in the title or the excerpt."""
    if not answer.text:
        return True
    seen = set(analyse(f"{shown.title} {shown.excerpt}", lang)) | set(fold(f"{shown.title} {shown.excerpt}").split())
    wanted = analyse(answer.text, lang) or [fold(answer.text)]
    return all(term in seen for term in wanted)


def first_hit(query, results, on_list):
    """1-based rank of the first result that answers the query (on the list, or by its page), or None.
    `results` is a ResultList or a list of Shown; a query nothing should answer is answered (rank 1) by
    results not presented as answers."""
    if not query.answers:
        return None if getattr(results, "confident", bool(results)) else 1
    for rank, shown in enumerate(getattr(results, "shown", results)[:MRR_DEPTH], start=1):
        for answer in query.answers:
            if shown.is_page(answer.page) and (not on_list or shows_text(shown, answer, query.lang)):
                return rank
    return None


@dataclass
class Score:
    queries: int = 0
    at: dict = None
    reciprocal: float = 0.0
    zero_results: int = 0

    def __post_init__(self):
        self.at = {cutoff: 0 for cutoff in CUTOFFS}

    def add(self, rank, empty):
        self.queries += 1
        self.zero_results += bool(empty)
        if rank is None:
            return
        for cutoff in CUTOFFS:
            self.at[cutoff] += rank <= cutoff
        self.reciprocal += 1 / rank

    def success(self, cutoff):
        return self.at[cutoff] / self.queries if self.queries else 0.0

    @property
    def mrr(self):
        return self.reciprocal / self.queries if self.queries else 0.0


def score(queries, answer):
    """{(category, judged_on): Score} for `answer(query) -> ResultList or [Shown]`; category "all" sums
    them up, "held-out" and "tuned" split them by HELD_OUT_SOURCE."""
    scores = {}
    for query in queries:
        results = answer(query)
        empty = not getattr(results, "shown", results)
        for judged_on in ("list", "page"):
            rank = first_hit(query, results, on_list=judged_on == "list")
            for category in (query.category, "all", "held-out" if query.held_out else "tuned"):
                scores.setdefault((category, judged_on), Score()).add(rank, empty)
    return scores


def box_holds_answer(query, box):
    """Whether an answer box (a Shown of its page title and quote) quotes an answering page's words."""
    return any(same_title(box.title, answer.page) and shows_text(box, answer, query.lang) for answer in query.answers)


@dataclass(frozen=True)
class BoxOutcome:
    """The answer box a query got with no threshold: its confidence and whether it held the answer."""

    category: str
    confidence: float | None  # None: no box at any threshold (a lookup, nothing near in meaning)
    holds_answer: bool = False
    query: str = ""
    title: str = ""  # the page the box quotes
    right_page: bool = False  # it quotes an answering page, if not the answer's words


def box_rates(outcomes, threshold):
    """(share of queries shown a box, share of boxes that hold the answer, share of queries shown a wrong
    box) at `threshold`, over `outcomes`."""
    shown = [outcome for outcome in outcomes if outcome.confidence is not None and outcome.confidence >= threshold]
    right = sum(outcome.holds_answer for outcome in shown)
    count = len(outcomes) or 1
    return len(shown) / count, (right / len(shown) if shown else 0.0), (len(shown) - right) / count
