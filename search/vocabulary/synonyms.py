"""Synonyms and abbreviations, applied when a query is parsed (never baked into the index).

Rules are SynonymRule rows: the shipped, commented list (search/vocabulary/data/synonyms.yml) is loaded into
rows on every migrate (search/vocabulary/shipped.py) so editors see and edit it in the admin beside
their own rules. Because expansion happens at query time, an edited rule applies to the next search
without reindexing anything, and both backends expand the same way.

Matching ignores case (except for abbreviations of one or two letters) and diacritics: a rule's terms
are analysed both as written and with diacritics removed, so `bydleni` meets `bydlení` even where the
lemmatiser reads the two differently.
"""

import threading
from dataclasses import dataclass
from functools import cache

import yaml
from django.apps import apps
from django.db.models import Count, Max

from search.vocabulary.analysis import (
    DATA_DIR,
    AnalysisDataError,
    allowed_edits,
    analyse,
    analysed_tokens,
    data_entries,
    fold,
    within_edits,
)

SHIPPED_RULES_PATH = DATA_DIR / "synonyms.yml"
RULE_KEYS = {"language", "terms", "note"}
# "DO", "MV", "ÚP" are everyday words in lower case ("do" = into); only capitals mean the abbreviation.
CASE_SENSITIVE_MAX_LENGTH = 2
# A one-word term of this length or more also matches a query word that is the term plus an ending of up
# to two letters: "bydlenim" (typed without accents, so unknown to the lemmatiser) finds "bydlení". Only
# endings, not any edit: "školy" must not turn into "školka", nor "osa" into "OSP".
INFLECTED_FROM = 6
MAX_ENDING = 2


@dataclass(frozen=True)
class Rule:
    language: str
    terms: tuple[str, ...]
    note: str = ""

    @property
    def key(self):
        """Stable name of a shipped rule, linking it to its editable row."""
        return f"{self.language}:{self.terms[0]}"


@dataclass(frozen=True)
class Variant:
    """One way of writing a meaning, prepared for matching against analysed query tokens."""

    text: str
    language: str
    sequences: tuple[tuple[str, ...], ...]  # analysed words as written and without diacritics
    phrase: tuple[str, ...]  # analysed terms without stop words: what the *_stem fields hold
    case_sensitive: bool

    @classmethod
    def of(cls, text, language):
        words = analysed_tokens(text, language)
        written = tuple(word.term for word in words)
        folded = tuple(word.term for word in analysed_tokens(fold(text), language))
        return cls(
            text=text,
            language=language,
            sequences=tuple(dict.fromkeys((written, folded)))
            if len(folded) == len(written)
            else (written,),
            phrase=tuple(analyse(text, language)),
            case_sensitive=len(words) == 1 and len(words[0].surface) <= CASE_SENSITIVE_MAX_LENGTH,
        )

    @property
    def length(self):
        return len(self.sequences[0])

    def occurs_at(self, query_tokens, start):
        window = query_tokens[start : start + self.length]
        if not self.length or len(window) != self.length:
            return False
        if self.length == 1:
            token = window[0]
            if self.case_sensitive and not token.surface.isupper():
                return False
            terms = {sequence[0] for sequence in self.sequences}
            if token.term in terms:
                return True
            return not self.case_sensitive and any(
                len(term) >= INFLECTED_FROM
                and token.term.startswith(term)
                and len(token.term) - len(term) <= MAX_ENDING
                for term in terms
            )
        # Inside a multi-word name, forms typed without diacritics ("rozsirenou") that the lemmatiser
        # does not know are allowed the same typo tolerance as search terms.
        return all(
            any(
                token.term == sequence[index]
                or within_edits(token.term, sequence[index], allowed_edits(sequence[index]))
                for sequence in self.sequences
            )
            for index, token in enumerate(window)
        )


def find_phrases(groups, tokens_for, size, accept=lambda group, variant: True):
    """Non-overlapping [(start, group, variant)] of `groups` (lists of Variants) found in a query.

    Left to right, the longest variant first at each position. `tokens_for(variant)` gives the query's
    tokens as analysed in that variant's language; `accept` may refuse a found variant.
    """
    found = []
    position = 0
    while position < size:
        best = None
        for group in groups:
            for variant in group:
                if best and variant.length <= best[1].length:
                    continue
                if variant.occurs_at(tokens_for(variant), position) and accept(group, variant):
                    best = (group, variant)
        if best is None:
            position += 1
            continue
        found.append((position, *best))
        position += best[1].length
    return found


@dataclass(frozen=True)
class SynonymMatch:
    """Query tokens [start, end) mean the same as each of `alternatives` (analysed phrases)."""

    start: int
    end: int
    alternatives: tuple[tuple[str, ...], ...]


class SynonymSet:
    def __init__(self, rules, language):
        self.language = language
        self.groups = []
        for rule in rules:
            if rule.language != language:
                continue
            variants = [
                variant
                for variant in (Variant.of(t, language) for t in rule.terms)
                if variant.length
            ]
            if len(variants) >= 2:
                self.groups.append(variants)

    @staticmethod
    def _alternatives(group, variant):
        return tuple(
            other.phrase
            for other in group
            if other is not variant and other.phrase != variant.phrase
        )

    def matches(self, query_tokens):
        """Non-overlapping rule matches in `query_tokens`, left to right, the longest variant first."""
        found = find_phrases(
            self.groups,
            lambda variant: query_tokens,
            len(query_tokens),
            accept=lambda group, variant: bool(self._alternatives(group, variant)),
        )
        return [
            SynonymMatch(
                start,
                start + variant.length,
                self._alternatives(group, variant)
                + self._right_spelling(variant, query_tokens[start : start + variant.length]),
            )
            for start, group, variant in found
        ]

    @staticmethod
    def _right_spelling(variant, window):
        """The variant itself when it was typed otherwise than written, with a typo ("dočasná ochrna") or
        without diacritics in a form the lemmatiser does not know ("bydlenim"): its right spelling."""
        typed = tuple(token.term for token in window)
        return () if typed == variant.sequences[0] else (variant.phrase,)


def parse_rules(data, source):
    """Validate rules loaded from YAML; a mistake names the file and the rule so an editor can fix it."""
    rules = []
    for where, item in data_entries(data, source, RULE_KEYS):
        terms = item["terms"]
        if (
            not isinstance(terms, list)
            or len(terms) < 2
            or not all(isinstance(t, str) and t.strip() for t in terms)
        ):
            raise AnalysisDataError(
                f"{where}: terms must be a list of at least two non-empty strings"
            )
        if not isinstance(item["note"], str) or not item["note"].strip():
            raise AnalysisDataError(f"{where}: say in `note` why the rule exists")
        rules.append(Rule(item["language"], tuple(t.strip() for t in terms), item["note"].strip()))
    return rules


def load_yaml(path):
    """The data of a file in search/vocabulary/data/, or an error naming the file."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise AnalysisDataError(f"{path.name}: not valid YAML: {error}") from error


@cache
def shipped_rules(path=SHIPPED_RULES_PATH):
    return tuple(parse_rules(load_yaml(path), path.name))


def enabled_rules():
    """Every enabled rule, shipped or added by editors, as the admin shows them."""
    from search.models import SynonymRule

    return [
        Rule(rule.language, tuple(rule.term_list()), rule.note)
        for rule in SynonymRule.objects.filter(enabled=True)
        if len(rule.term_list()) >= 2
    ]


class RowStampedCache:
    """Values built from the rows of one model, rebuilt when any row was saved or deleted.

    The check is one cheap aggregate query per search rather than a signal, so an edit made in one
    web worker reaches every other worker on its next search.
    """

    def __init__(self, model_label, build):
        self.model_label = model_label
        self.build = build  # key -> value, reading the rows
        self._lock = threading.Lock()
        self._stamp = None
        self._values = {}

    def get(self, key):
        rows = apps.get_model(self.model_label).objects
        stamp = tuple(rows.aggregate(count=Count("id"), latest=Max("updated_at")).values())
        with self._lock:
            if stamp != self._stamp:
                self._stamp, self._values = stamp, {}
            if key not in self._values:
                self._values[key] = self.build(key)
            return self._values[key]


rule_cache = RowStampedCache(
    "search.SynonymRule", lambda language: SynonymSet(enabled_rules(), language)
)


def synonym_set(language):
    return rule_cache.get(language)
