"""The terminology glossary cs ↔ uk ↔ en: lexical bridges between languages for the query.

Much of what the hub holds exists only in Czech. Vectors bridge languages by meaning; the glossary does
it for precise terms, which vectors blur: a Ukrainian query for "тимчасовий захист" should also match
Czech text saying "dočasná ochrana" or "DO" word for word. `expand_query_terms(query, locale)` finds the
glossary terms in a query and returns the concept's terms in every language, analysed as the index
analyses text of that language (search/vocabulary/analysis.py), for the lexical query to add.

Concepts are GlossaryConcept rows: the shipped ones (search/vocabulary/data/glossary.yml, one comment per concept)
are loaded on migrate (search/vocabulary/shipped.py) and editors change them in the admin; the next
query sees the change (RowStampedCache), no reindex needed. Matching ignores case and diacritics, as
synonym rules do (search/vocabulary/synonyms.py, whose matching this reuses).
"""

import re
from dataclasses import dataclass
from functools import cache

from search.vocabulary.analysis import (
    DATA_DIR,
    LANGUAGES,
    AnalysisDataError,
    analysed_tokens,
    tokens,
)
from search.vocabulary.synonyms import RowStampedCache, Variant, find_phrases, load_yaml

SHIPPED_GLOSSARY_PATH = DATA_DIR / "glossary.yml"
CONCEPT_KEYS = {"key", "note", "abbreviations", *LANGUAGES}
KEY_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Concept:
    key: str
    terms: dict  # language -> tuple of terms, the preferred one first
    abbreviations: tuple[str, ...] = ()
    note: str = ""

    @property
    def label(self):
        return next((terms[0] for terms in self.terms.values() if terms), self.key)


@dataclass(frozen=True)
class GlossaryMatch:
    """Query words [start, end) name a concept; `terms` says how each language names it.

    `terms[language]` holds analysed phrases (tuples of index terms) of the concept's terms in that
    language plus its abbreviations, without the phrase the query itself used.
    """

    start: int
    end: int
    surface: str
    concept: str
    terms: dict

    def phrases(self, language):
        return self.terms.get(language, ())


def parse_concepts(data, source):
    """Validate concepts loaded from YAML; a mistake names the file and the concept."""
    if not isinstance(data, list):
        raise AnalysisDataError(f"{source}: expected a list of concepts")
    concepts, keys = [], set()
    for number, item in enumerate(data, start=1):
        where = f"{source}, concept {number}"
        if not isinstance(item, dict) or not {"key", "note"} <= set(item) <= CONCEPT_KEYS:
            raise AnalysisDataError(
                f"{where}: needs key and note, and only {', '.join(sorted(CONCEPT_KEYS))}"
            )
        key = item["key"]
        if not isinstance(key, str) or not KEY_RE.fullmatch(key):
            raise AnalysisDataError(f"{where}: key must be lowercase words joined by hyphens")
        if key in keys:
            raise AnalysisDataError(f"{where}: key {key!r} is used twice")
        keys.add(key)
        lists = {}
        for name in (*LANGUAGES, "abbreviations"):
            terms = item.get(name, [])
            if not isinstance(terms, list) or not all(
                isinstance(term, str) and term.strip() for term in terms
            ):
                raise AnalysisDataError(
                    f"{where} ({key}): {name} must be a list of non-empty strings"
                )
            lists[name] = tuple(term.strip() for term in terms)
        if sum(1 for language in LANGUAGES if lists[language]) < 2:
            raise AnalysisDataError(f"{where} ({key}): name the concept in at least two languages")
        if not isinstance(item["note"], str) or not item["note"].strip():
            raise AnalysisDataError(
                f"{where} ({key}): say in `note` what the concept is and where it comes from"
            )
        concepts.append(
            Concept(
                key=key,
                terms={language: lists[language] for language in LANGUAGES},
                abbreviations=lists["abbreviations"],
                note=item["note"].strip(),
            )
        )
    return concepts


@cache
def shipped_concepts(path=SHIPPED_GLOSSARY_PATH):
    return tuple(parse_concepts(load_yaml(path), path.name))


def enabled_concepts():
    from search.models import GlossaryConcept

    return [
        Concept(
            key=row.builtin_key or f"row-{row.pk}",
            terms={language: tuple(terms) for language, terms in row.terms_by_language().items()},
            abbreviations=tuple(row.abbreviation_list()),
            note=row.note,
        )
        for row in GlossaryConcept.objects.filter(enabled=True)
    ]


class Glossary:
    """The concepts prepared for matching: each term a Variant in its language."""

    def __init__(self, concepts):
        self.groups = []
        self.concepts = []
        for concept in concepts:
            variants = [
                Variant.of(term, language)
                for language in LANGUAGES
                for term in concept.terms[language]
            ]
            # An abbreviation is matched in the query's language and offered to every language; "*" is no
            # language to the analyser, so it is only folded and lowercased, as abbreviations are anyway.
            variants += [Variant.of(term, "*") for term in concept.abbreviations]
            variants = [variant for variant in variants if variant.length]
            if len(variants) >= 2:
                self.groups.append(variants)
                self.concepts.append(concept)

    def matches(self, query, locale):
        """GlossaryMatch for each concept the query names, left to right, longest first, no overlaps."""
        text = query if isinstance(query, str) else " ".join(query)
        # The same words analysed as each language would: a Czech term typed into a Ukrainian search is
        # still lemmatised as Czech. Positions agree, because every analysis splits words the same way.
        analysed = {language: analysed_tokens(text, language) for language in {*LANGUAGES, locale}}
        analysed["*"] = analysed[locale]
        words = tokens(text)
        found = find_phrases(self.groups, lambda variant: analysed[variant.language], len(words))
        result = []
        for start, group, variant in found:
            concept = self.concepts[self.groups.index(group)]
            result.append(
                GlossaryMatch(
                    start=start,
                    end=start + variant.length,
                    surface=" ".join(words[start : start + variant.length]),
                    concept=concept.label,
                    terms=self._terms_by_language(group, variant),
                )
            )
        return result

    @staticmethod
    def _terms_by_language(group, matched):
        terms = {}
        for language in LANGUAGES:
            phrases = []
            for variant in group:
                if variant is matched or not offered_to(variant, language):
                    continue
                if (
                    variant.phrase
                    and variant.phrase not in phrases
                    and variant.phrase != matched.phrase
                ):
                    phrases.append(variant.phrase)
            terms[language] = tuple(phrases)
        return terms


def offered_to(variant, language):
    """Whether a concept's term is worth looking for in text of `language`.

    Terms go to their own language. Abbreviations go to the languages of their script (Czech texts never
    write "ТЗ"; Ukrainian ones do write "CPIC"), except those of one or two letters: a query recognises
    "DO" only in capitals, but the index keeps no case, so looking for "do" would find every "do".
    """
    if variant.language != "*":
        return variant.language == language
    if variant.case_sensitive:
        return False
    cyrillic = any("\u0400" <= char <= "\u04ff" for char in variant.text)
    return language == "uk" if cyrillic else True


glossary_cache = RowStampedCache("search.GlossaryConcept", lambda _: Glossary(enabled_concepts()))


def current_glossary():
    return glossary_cache.get("all")


def expand_query_terms(query, locale):
    """GlossaryMatches for the glossary terms in `query` (text or a list of words) typed in `locale`."""
    return current_glossary().matches(query, locale)
