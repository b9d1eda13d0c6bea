"""Synonyms and abbreviations, applied when a query is parsed (never baked into the index).

Rules come from the shipped, commented list (analysis_data/synonyms.yml) and from enabled SynonymRule
snippets editors add. Because expansion happens at query time, an edited rule applies to the next search
without reindexing anything, and both backends expand the same way.
"""

import threading
from dataclasses import dataclass
from functools import cache

import yaml
from django.db.models import Count, Max

from search.analysis import (
    DATA_DIR,
    AnalysisDataError,
    allowed_edits,
    analyse,
    analysed_tokens,
    data_entries,
    within_edits,
)

SHIPPED_RULES_PATH = DATA_DIR / "synonyms.yml"
RULE_KEYS = {"language", "terms", "note"}
# "DO", "MV", "ÚP" are everyday words in lower case ("do" = into); only capitals mean the abbreviation.
CASE_SENSITIVE_MAX_LENGTH = 2


@dataclass(frozen=True)
class Rule:
    language: str
    terms: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class Variant:
    """One way of writing a rule's meaning, prepared for matching against analysed query tokens."""

    text: str
    sequence: tuple[str, ...]  # analysed terms of every word, stop words included, to find it in a query
    phrase: tuple[str, ...]  # analysed terms without stop words: what the *_stem fields hold
    case_sensitive: bool

    @classmethod
    def of(cls, text, language):
        words = analysed_tokens(text, language)
        return cls(
            text=text,
            sequence=tuple(word.term for word in words),
            phrase=tuple(analyse(text, language)),
            case_sensitive=len(words) == 1 and len(words[0].surface) <= CASE_SENSITIVE_MAX_LENGTH,
        )

    def occurs_at(self, query_tokens, start):
        window = query_tokens[start : start + len(self.sequence)]
        if len(window) != len(self.sequence):
            return False
        if len(self.sequence) == 1:
            # A lone abbreviation must match exactly: "osa" is not "OSP".
            return window[0].term == self.sequence[0] and (not self.case_sensitive or window[0].surface.isupper())
        # Inside a multi-word name, forms typed without diacritics ("rozsirenou") that the lemmatiser
        # does not know are allowed the same typo tolerance as search terms.
        return all(
            token.term == term or within_edits(token.term, term, allowed_edits(term))
            for token, term in zip(window, self.sequence, strict=True)
        )


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
            variants = [variant for variant in (Variant.of(t, language) for t in rule.terms) if variant.sequence]
            if len(variants) >= 2:
                self.groups.append(variants)

    def matches(self, query_tokens):
        """Non-overlapping rule matches in `query_tokens`, left to right, the longest variant first."""
        found = []
        position = 0
        while position < len(query_tokens):
            match = self._longest_match_at(query_tokens, position)
            if match is None:
                position += 1
                continue
            found.append(match)
            position = match.end
        return found

    def _longest_match_at(self, query_tokens, position):
        best = None
        for group in self.groups:
            for variant in group:
                if best and len(variant.sequence) <= best.end - best.start:
                    continue
                if variant.occurs_at(query_tokens, position):
                    typed = tuple(token.term for token in query_tokens[position : position + len(variant.sequence)])
                    # The variant itself too when it was typed with a typo ("dočasná ochrna").
                    others = tuple(
                        other.phrase
                        for other in group
                        if other.phrase and (other is not variant or other.sequence != typed)
                        and (other is variant or other.phrase != variant.phrase)
                    )
                    if others:
                        best = SynonymMatch(position, position + len(variant.sequence), others)
        return best


def parse_rules(data, source):
    """Validate rules loaded from YAML; a mistake names the file and the rule so an editor can fix it."""
    rules = []
    for where, item in data_entries(data, source, RULE_KEYS):
        terms = item["terms"]
        if not isinstance(terms, list) or len(terms) < 2 or not all(isinstance(t, str) and t.strip() for t in terms):
            raise AnalysisDataError(f"{where}: terms must be a list of at least two non-empty strings")
        if not isinstance(item["note"], str) or not item["note"].strip():
            raise AnalysisDataError(f"{where}: say in `note` why the rule exists")
        rules.append(Rule(item["language"], tuple(t.strip() for t in terms), item["note"].strip()))
    return rules


@cache
def shipped_rules(path=SHIPPED_RULES_PATH):
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise AnalysisDataError(f"{path.name}: not valid YAML: {error}") from error
    return tuple(parse_rules(data, path.name))


def editor_rules():
    from search.models import SynonymRule

    return [
        Rule(rule.language, tuple(rule.term_list()), rule.note)
        for rule in SynonymRule.objects.filter(enabled=True)
        if len(rule.term_list()) >= 2
    ]


class RuleCache:
    """The current SynonymSet per language, rebuilt when any SynonymRule was saved or deleted.

    The check is one cheap aggregate query per search rather than a signal, so an edit made in one
    web worker reaches every other worker on its next search.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._stamp = None
        self._sets = {}

    def synonym_set(self, language):
        from search.models import SynonymRule

        stamp = tuple(SynonymRule.objects.aggregate(count=Count("id"), latest=Max("updated_at")).values())
        with self._lock:
            if stamp != self._stamp:
                self._stamp, self._sets = stamp, {}
            if language not in self._sets:
                self._sets[language] = SynonymSet([*shipped_rules(), *editor_rules()], language)
            return self._sets[language]


rule_cache = RuleCache()


def synonym_set(language):
    return rule_cache.synonym_set(language)
