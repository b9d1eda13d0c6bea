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
import os
from dataclasses import dataclass, field

from search.vocabulary.analysis import (
    LANGUAGES,
    WORD_RE,
    allowed_edits,
    analysed_tokens,
    fold,
    is_dictionary_word,
    stop_words,
    within_edits,
)

# --- query-time weights, the same in both compilers (docs/search-relevance.md) ----------------------
# The exact word form as typed, on the raw fields, on top of the lemma match: "příručka" ranks pages that
# write "příručka" above pages that only write "příručky" or "prirucka".
EXACT_FORM_BOOST = 1.5
# All query words next to each other, in order.
PHRASE_BOOST = 3.0
# The query as typed is (part of) a page's title: "Integrační centrum Praha" finds the organisation of
# that name before the manuals whose titles only mention it in another form.
TITLE_PHRASE_BOOST = 3.0
# A synonym ("OSP" for "odborné sociální poradenství") is nearly as good as the word itself.
SYNONYM_BOOST = 0.8
# A spelling correction is a guess: it ranks below passages that match what was typed.
CORRECTION_BOOST = 0.5

# Shorter words are too easily "corrected" into another word ("kde" → "kdo").
MIN_CORRECTED_LENGTH = 4
# Slot weights run from 1 (as common as the query's commonest word) to this (its rarest).
MAX_SLOT_WEIGHT = 3
# "Most of the words": this share of the query's weight.
MOST_SHARE = 2 / 3
# A slot on more than this share of the pages is common (PlannedSlot.is_common).
COMMON_SHARE = 0.2


@dataclass(frozen=True)
class Vocabulary:
    """What the index knows about a query's words, as a backend reports it."""

    # Rarity is counted in pages, not passages: a word in the title of a long manual is repeated on each
    # of its passages but is still one page's word.
    pages: int  # pages in the index
    documents: dict[str, int]  # analysed term → pages holding it (the *_stem fields)
    raw: dict[str, int] = field(default_factory=dict)  # lowercase word → passages holding it as written
    # typed word (lowercase) → indexed spellings close to it, with how many passages hold each
    spellings: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    # truncated word (search.query.matching.truncation) → pages holding a term that starts with it
    prefixes: dict[str, int] = field(default_factory=dict)

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
    slot: object  # search.query.parsing.Slot
    weight: int  # 1 (common) … MAX_SLOT_WEIGHT (rare); 0: no page can match it
    corrections: tuple[Correction, ...] = ()
    # For a word the index does not know: analysed terms starting with this also match ("ubytovn" for
    # "ubytovny" finds "ubytovnách", a form the lemmatiser left as it was).
    prefix: str = ""
    share: float = 0.0  # share of the index's pages that hold the slot

    @property
    def is_common(self):
        """Found on a large share of pages (`integrace` on an integration hub): its idf is near zero, so
        where it stands in running text hardly tells pages apart."""
        return self.share > COMMON_SHARE

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
    parsed: object  # search.query.parsing.ParsedQuery
    slots: tuple[PlannedSlot, ...] = ()
    suggestion: str | None = None

    @property
    def matchable(self):
        return [index for index, planned in enumerate(self.slots) if planned.matchable]

    @property
    def total_weight(self):
        return sum(planned.weight for planned in self.slots)

    @property
    def typed_words(self):
        """The query's words as typed, fillers dropped, for the title phrase bonus."""
        return [word.lower() for planned in self.slots for word in WORD_RE.findall(planned.slot.surface)]

    def levels(self):
        """The levels to try, strictest first; empty when no slot can match anything."""
        weights = [planned.weight for planned in self.slots if planned.matchable]
        if not weights:
            return []
        total = sum(weights)
        levels = [MatchLevel("all", total)]
        most = math.ceil(total * MOST_SHARE)
        if most < total and len(weights) > 1:
            levels.append(MatchLevel("most", most))
        if min(weights) < levels[-1].required:
            levels.append(MatchLevel("any", min(weights)))
        return levels

    @property
    def unknown_words(self):
        """The typed words that no page holds in any form (nor a spelling of them) and that are no word
        of the hub's languages at all: noise, not a question the pages do not answer."""
        return tuple(
            planned.slot.surface
            for planned in self.slots
            if not planned.matchable and not any(is_dictionary_word(planned.slot.surface, lang) for lang in LANGUAGES)
        )

    @property
    def mostly_unknown(self):
        """More than half the words are noise: the few that match are incidental, as «sit» (síť) in
        «lorem ipsum dolor sit amet»."""
        return len(self.unknown_words) * 2 > len(self.slots)

    @property
    def names_a_topic(self):
        """Whether a word that matches carries a topic. Function words of any of the hub's languages and
        one- or two-digit numbers match pages incidentally: «OR», «FROM» and «1» of an SQL fragment."""
        return any(
            planned.matchable and not is_incidental_word(planned.slot.surface) for planned in self.slots
        )

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


def is_incidental_word(surface):
    lower = surface.lower()
    if lower.isdigit():
        return len(lower) <= 2
    return any(lower in stop_words(lang) for lang in LANGUAGES)


# Truncating a word to find its other forms needs this much of it left: "ubytovn", not "kur".
MIN_PREFIX_LENGTH = 5


def truncation(word):
    """The word without its last letter, as the stem of its other forms; "" when too short to be safe."""
    folded = fold(word.lower())
    return folded[:-1] if len(folded) - 1 >= MIN_PREFIX_LENGTH else ""


def prefixes_to_count(parsed):
    return sorted({prefix for word in words_to_check(parsed) if (prefix := truncation(word))})


def slot_frequency(slot, vocabulary, corrections=(), prefix=""):
    """Passages that can match the slot: through its own terms, a synonym or a correction."""
    if not slot.terms and not slot.synonyms:
        return vocabulary.raw.get(slot.surface.lower(), 0)
    alternatives = []
    if slot.terms:
        alternatives.append(min(vocabulary.frequency(term) for term in slot.terms))
    alternatives += [min(vocabulary.frequency(term) for term in phrase) for phrase in slot.synonyms if phrase]
    alternatives += [correction.frequency for correction in corrections]
    if prefix:
        alternatives.append(vocabulary.prefixes.get(prefix, 0))
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
    # diacritics and its ending may differ from what the pages write.
    limit = 0 if is_dictionary_word(lower, locale) else allowed_edits(folded)
    best = None
    for spelling, frequency in vocabulary.spellings.get(lower, ()):
        candidate = fold(spelling)
        if candidate == folded:
            distance = 0
        elif is_inflection(folded, candidate):
            distance = 0.5
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
    return Correction(lower, spelling, terms, is_typo=distance >= 1, frequency=-negative_frequency)


# An inflected form adds at most this many letters of ending to the shorter form ("ubytovn-ách").
MAX_ENDING = 3


# Czech, Ukrainian and English endings that change a word's form start with a vowel (folded).
ENDING_STARTS = frozenset("aeiouyаеєиіїоуюя")


def is_inflection(typed, spelling):
    """The two differ only in their endings ("ubytovna", "ubytovny", "ubytovnách"): a form the lemmatiser
    did not know, not a typo, so it is matched silently and never offered as "did you mean".
    ("metodikka" is a typo: its extra "k" is no ending.)"""
    shorter, longer = sorted((typed, spelling), key=len)
    common = len(os.path.commonprefix([shorter, longer]))
    endings = (shorter[common:], longer[common:])
    return (
        common >= max(MIN_CORRECTED_LENGTH, len(shorter) - 1)
        and len(longer) - common <= MAX_ENDING
        and all(not ending or ending[0] in ENDING_STARTS for ending in endings)
    )


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
        corrections, prefix = (), ""
        known = slot_frequency(slot, vocabulary) > 0
        if not known and len(slot.terms) == 1:
            correction = correction_for(slot.surface, parsed.locale, vocabulary)
            corrections = (correction,) if correction else ()
            if not correction or correction.is_typo:
                prefix = truncation(slot.surface) if vocabulary.prefixes.get(truncation(slot.surface)) else ""
        frequencies.append(slot_frequency(slot, vocabulary, corrections, prefix))
        planned.append((slot, corrections, prefix))
    idfs = [inverse_frequency(frequency, vocabulary.pages) if frequency else 0.0 for frequency in frequencies]
    rarest = max(idfs, default=0.0)
    slots = tuple(
        PlannedSlot(
            slot=slot,
            # A word on (nearly) every page has no positive idf: it still matches, at the lowest weight.
            weight=(max(1, round(MAX_SLOT_WEIGHT * idf / rarest)) if idf > 0 and rarest > 0 else 1) if frequency else 0,
            corrections=corrections,
            prefix=prefix,
            share=frequency / vocabulary.pages if vocabulary.pages else 0.0,
        )
        for (slot, corrections, prefix), idf, frequency in zip(planned, idfs, frequencies, strict=True)
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
