"""How strictly a query must match: spelling corrections, slot weights and match levels (engine-neutral).

Given what the index's vocabulary knows (a Vocabulary from the backend), `plan_query` decides:
- which typed words the index does not know, and the indexed spelling closest to each (`poradentsvím` →
  `poradenstvím`); a word that only lacks diacritics is matched silently, a real typo also becomes the
  "did you mean" suggestion. Known words are never expanded, so exact matches are never drowned;
- how rare each slot is (weight 1–3 by inverse document frequency);
- the match levels to try in turn: every word, then most of them (two thirds of the weight), then any.
  Both compilers turn a MatchLevel into their engine's boolean logic.
"""

import math
from dataclasses import dataclass, field

from search.analysis import (
    WORD_RE,
    allowed_edits,
    analysed_tokens,
    fold,
    is_dictionary_word,
    within_edits,
)

# Shorter words are too easily "corrected" into another word ("kde" → "kdo").
MIN_CORRECTED_LENGTH = 4
# Slot weights run from 1 (as common as the query's commonest word) to this (its rarest).
MAX_SLOT_WEIGHT = 3
# "Most of the words": this share of the query's weight.
MOST_SHARE = 2 / 3


@dataclass(frozen=True)
class Vocabulary:
    """What the index knows about a query's words, as a backend reports it."""

    passages: int  # passages in the index
    documents: dict[str, int]  # analysed term → passages holding it (the *_stem fields)
    raw: dict[str, int] = field(default_factory=dict)  # lowercase word → passages holding it as written
    # typed word (lowercase) → indexed spellings close to it, with how many passages hold each
    spellings: dict[str, list[tuple[str, int]]] = field(default_factory=dict)

    def frequency(self, term):
        return self.documents.get(term, 0)


@dataclass(frozen=True)
class Correction:
    """An indexed spelling for a typed word the index does not know."""

    typed: str
    spelling: str
    terms: tuple[str, ...]  # analysed terms of `spelling`, what the *_stem fields hold
    is_typo: bool  # False when the two differ only in diacritics
    frequency: int  # passages holding `spelling`


@dataclass(frozen=True)
class PlannedSlot:
    slot: object  # search.parsing.Slot
    weight: int  # 1 (common) … MAX_SLOT_WEIGHT (rare); 0: no page can match it
    corrections: tuple[Correction, ...] = ()

    @property
    def matchable(self):
        return self.weight > 0

    def all_terms(self):
        """Every analysed term the slot may match: its own, its synonyms' and its corrections'."""
        terms = list(self.slot.terms)
        for phrase in self.slot.synonyms:
            terms += phrase
        for correction in self.corrections:
            terms += correction.terms
        return tuple(dict.fromkeys(terms))


@dataclass(frozen=True)
class MatchLevel:
    """A passage matches when the weights of the slots it matches add up to `required`."""

    name: str  # "all", "most" or "any"
    required: int


@dataclass(frozen=True)
class QueryPlan:
    parsed: object  # search.parsing.ParsedQuery
    slots: tuple[PlannedSlot, ...] = ()
    suggestion: str | None = None

    @property
    def matchable(self):
        return [index for index, planned in enumerate(self.slots) if planned.matchable]

    @property
    def total_weight(self):
        return sum(planned.weight for planned in self.slots)

    def levels(self):
        """The levels to try, strictest first; empty when no slot can match anything."""
        weights = [planned.weight for planned in self.slots if planned.matchable]
        if not weights:
            return []
        total = sum(weights)
        levels = [MatchLevel("all", total)]
        most = math.ceil(total * MOST_SHARE)
        if most < total:
            levels.append(MatchLevel("most", most))
        if min(weights) < levels[-1].required:
            levels.append(MatchLevel("any", min(weights)))
        return levels

    def coverage(self, slot_indexes):
        """Share of the matchable weight that the slots in `slot_indexes` carry."""
        total = self.total_weight
        covered = sum(self.slots[index].weight for index in slot_indexes if self.slots[index].matchable)
        return covered / total if total else 1.0

    def missing(self, slot_indexes):
        """The typed words of slots not in `slot_indexes`."""
        return tuple(
            planned.slot.surface for index, planned in enumerate(self.slots) if index not in slot_indexes
        )


def slot_frequency(slot, vocabulary, corrections=()):
    """Passages that can match the slot: through its own terms, a synonym or a correction."""
    if not slot.terms and not slot.synonyms:
        return vocabulary.raw.get(slot.surface.lower(), 0)
    alternatives = []
    if slot.terms:
        alternatives.append(min(vocabulary.frequency(term) for term in slot.terms))
    alternatives += [min(vocabulary.frequency(term) for term in phrase) for phrase in slot.synonyms if phrase]
    alternatives += [correction.frequency for correction in corrections]
    return max(alternatives, default=0)


def correction_for(word, locale, vocabulary):
    """The closest indexed spelling of a typed word the index does not know, or None.

    Distance is measured without diacritics (`jihlave` is `jihlavě`, no typo at all); a word the language's
    dictionary knows is never "corrected" into another word; among equally close
    spellings the most frequent wins, so the grammatical form typed is kept where it exists
    (`ochrna` → `ochrana`, not `ochrany`).
    """
    lower = word.lower()
    if len(lower) < MIN_CORRECTED_LENGTH:
        return None
    folded = fold(lower)
    # A real word of the language is what the reader meant, even if no page uses it: only its
    # diacritics may be put right.
    limit = 0 if is_dictionary_word(lower, locale) else allowed_edits(folded)
    best = None
    for spelling, frequency in vocabulary.spellings.get(lower, ()):
        candidate = fold(spelling)
        if candidate == folded:
            distance = 0
        elif not limit:
            continue
        elif within_edits(folded, candidate, 1):
            distance = 1
        elif within_edits(folded, candidate, limit):
            distance = 2
        else:
            continue
        key = (distance, -frequency, spelling)
        best = key if best is None else min(best, key)
    if best is None:
        return None
    distance, negative_frequency, spelling = best
    terms = tuple(token.term for token in analysed_tokens(spelling, locale) if not token.is_stop)
    if not terms:
        return None
    return Correction(
        lower, spelling, terms, is_typo=distance > 0 and not is_inflection(folded, fold(spelling)),
        frequency=-negative_frequency,
    )


def is_inflection(typed, spelling):
    """One word is the other plus an ending ("ubytovna", "ubytovnách"): a form the lemmatiser did not
    know, not a typo, so it is matched silently and never offered as "did you mean"."""
    return typed.startswith(spelling) or spelling.startswith(typed)


def terms_to_count(parsed):
    """(analysed terms, raw words) whose passage counts the plan needs from the backend."""
    terms = {term for slot in parsed.slots for term in slot.terms}
    terms |= {term for slot in parsed.slots for phrase in slot.synonyms for term in phrase}
    raw = {slot.surface.lower() for slot in parsed.slots if not slot.terms and not slot.synonyms}
    return sorted(terms), sorted(raw)


def words_to_check(parsed):
    """Typed words the backend should find spellings for: every word long enough to correct."""
    return sorted(
        {
            token.surface.lower()
            for slot in parsed.slots
            for token in analysed_tokens(slot.surface, parsed.locale)
            if not token.is_stop and len(token.surface) >= MIN_CORRECTED_LENGTH
        }
    )


def typed_corrections(parsed, vocabulary):
    """{typed word: spelling} for every word of the query the index does not know and can correct."""
    found = {}
    for word in words_to_check(parsed):
        terms = [token.term for token in analysed_tokens(word, parsed.locale)]
        if vocabulary.raw.get(word) or any(vocabulary.frequency(term) for term in terms):
            continue
        correction = correction_for(word, parsed.locale, vocabulary)
        if correction and correction.is_typo:
            found[word] = correction.spelling
    return found


def plan_query(parsed, vocabulary):
    planned, frequencies = [], []
    for slot in parsed.slots:
        corrections = ()
        known = slot_frequency(slot, vocabulary) > 0
        if not known and len(slot.terms) == 1 and not slot.synonyms:
            correction = correction_for(slot.surface, parsed.locale, vocabulary)
            corrections = (correction,) if correction else ()
        frequencies.append(slot_frequency(slot, vocabulary, corrections))
        planned.append((slot, corrections))
    idfs = [inverse_frequency(frequency, vocabulary.passages) if frequency else 0.0 for frequency in frequencies]
    rarest = max(idfs, default=0.0)
    slots = tuple(
        PlannedSlot(
            slot=slot,
            weight=max(1, round(MAX_SLOT_WEIGHT * idf / rarest)) if idf else 0,
            corrections=corrections,
        )
        for (slot, corrections), idf in zip(planned, idfs, strict=True)
    )
    suggestion = corrected_query(parsed.text, typed_corrections(parsed, vocabulary))
    return QueryPlan(parsed=parsed, slots=slots, suggestion=suggestion)


def inverse_frequency(frequency, total):
    """BM25's idf: rare words say more about what a passage is about."""
    return math.log(1 + (total - frequency + 0.5) / (frequency + 0.5))


def corrected_query(text, corrections):
    """`text` with misspelled words replaced ({"ochrna": "ochrana"}), keeping the reader's capitals and
    every other word as typed; None when nothing changed."""
    if not corrections:
        return None

    def replace(match):
        word = match.group()
        spelling = corrections.get(word.lower())
        if spelling is None:
            return word
        if word.isupper() and len(word) > 1:
            return spelling.upper()
        if word[:1].isupper():
            return spelling[:1].upper() + spelling[1:]
        return spelling

    suggestion = WORD_RE.sub(replace, text)
    return suggestion if suggestion != text else None
