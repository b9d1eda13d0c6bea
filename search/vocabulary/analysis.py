"""Text analysis shared by both backends: the same terms go into SQLite FTS5 and into Elasticsearch.

The Elasticsearch node in CI is the integ-test distribution (no asciifolding, no stemmers, no synonym
filter), so the engine only splits and lowercases; lemmatisation, stop words and diacritics folding run
here, identically for documents and queries. docs/search-relevance.md explains each step.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import simplemma
import yaml
from rapidfuzz.distance import DamerauLevenshtein

DATA_DIR = Path(__file__).resolve().parent / "data"
FILLERS_PATH = DATA_DIR / "fillers.yml"
FILLER_KEYS = {"language", "words", "note"}
LANGUAGES = ("cs", "uk", "en")

# Letters and digits; an apostrophe inside a word (Ukrainian м'ясо, English children's) keeps it whole.
WORD_RE = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*")
APOSTROPHES = str.maketrans("", "", "'’ʼ")
# Latin letters (Basic Latin to Latin Extended-B): only these lose their diacritics; Cyrillic й/ї stay.
LATIN_END = 0x024F
# A Czech phone number: an optional +420 and three groups of three digits, spaced or not.
PHONE_RE = re.compile(r"(?<![\d+])(\+?\d{3})?[ \u00a0]?(\d{3})[ \u00a0]?(\d{3})[ \u00a0]?(\d{3})(?!\d)")
# The three groups every phone number has, without the lookbehind that PHONE_RE tries at every
# character: most texts hold none, and this finds that seven times faster (it was a third of analysis).
PHONE_DIGITS_RE = re.compile(r"\d{3}[ \u00a0]?\d{3}[ \u00a0]?\d{3}")
# Longer words in capitals are shouted headings ("PŘÍRUČKA"), lemmatised like any other word.
MAX_ABBREVIATION_LENGTH = 5


class AnalysisDataError(ValueError):
    """A file in search/vocabulary/data/ is malformed; the message names the file and line."""


@dataclass(frozen=True)
class Token:
    surface: str  # as written, for exact-form matching and case-sensitive abbreviations
    term: str  # lemmatised and folded: what the *_stem fields hold
    is_stop: bool


@lru_cache(maxsize=200_000)
def fold(text):
    """Lowercase and strip diacritics from Latin letters: "Příručka" → "prirucka", "Київ" → "київ"."""
    if text.isascii():
        return text.lower().translate(APOSTROPHES)
    folded = []
    for char in text.lower():
        if ord(char) <= LATIN_END:
            folded.append("".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)))
        else:
            folded.append(char)
    return unicodedata.normalize("NFC", "".join(folded)).translate(APOSTROPHES)


def tokens(text):
    """Words of `text` in order, as written."""
    return WORD_RE.findall(text or "")


@cache
def stop_words(lang):
    """The stop words of a language, lowercase, from search/vocabulary/data/stopwords_<lang>.txt."""
    path = DATA_DIR / f"stopwords_{lang}.txt"
    if not path.exists():
        return frozenset()
    words = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        word = line.strip()
        if not word or word.startswith("#"):
            continue
        if word != word.lower() or len(tokens(word)) != 1:
            raise AnalysisDataError(f"{path.name}:{number}: {word!r} must be one lowercase word")
        words.add(word)
    return frozenset(words)


@lru_cache(maxsize=200_000)
def lemma(word, lang):
    """The dictionary form of a lowercase word (simplemma), before folding.

    Two corrections on top of simplemma, both so that related forms meet on one term:
    a capitalised lookup wins when it finds a proper noun ("prahy" → "Praha", not "práh"), and a Czech
    negation prefix the lemmatiser dropped is put back ("nestátní" must not become "státní").
    """
    if lang not in LANGUAGES:
        return word
    base = simplemma.lemmatize(word, lang=lang)
    capitalised = word.capitalize()
    proper = simplemma.lemmatize(capitalised, lang=lang)
    if proper != capitalised and proper[:1].isupper():
        base = proper
    if lang == "cs" and word.startswith("ne") and not base.lower().startswith("ne"):
        if simplemma.lemmatize(word[2:], lang=lang).lower() == base.lower():
            base = "ne" + base
    return base.lower()


def is_dictionary_word(word, lang):
    """The language's lemmatiser knows the word (or recognises its ending): a real word, not a typo, even
    when no page uses it ("financování", "kurty")."""
    if lang not in LANGUAGES:
        return False
    lower = word.lower()
    return simplemma.is_known(lower, lang=lang) or simplemma.lemmatize(lower, lang=lang) != lower


def is_abbreviation(surface):
    """CPIC, OSP, MPSV: words the lemmatiser does not know and would only guess at."""
    return surface.isupper() and 1 < len(surface) <= MAX_ABBREVIATION_LENGTH


def analysed_tokens(text, lang):
    """Every word of `text` with its analysed term; stop words are kept but flagged (synonyms need them)."""
    return [analysed_token(surface, lang) for surface in tokens(text)]


@lru_cache(maxsize=200_000)
def analysed_token(surface, lang):
    """One word as analysed; cached, because indexing meets the same few thousand words again and again
    (folding and lemmatising them anew was the largest part of indexing a passage)."""
    lower = surface.lower()
    term = fold(lower if is_abbreviation(surface) else lemma(lower, lang))
    return Token(surface=surface, term=term, is_stop=lower in stop_words(lang))


def analyse(text, lang):
    """The terms a *_stem field holds for `text` in language `lang`: no stop words, lemmatised, folded."""
    # One pass over the words, without the Token list analysed_tokens builds: indexing calls this for
    # every field of every passage.
    return [token.term for surface in tokens(text) if not (token := analysed_token(surface, lang)).is_stop]


def phone_terms(text):
    """Phone numbers written in groups ("+420 974 801 802") as the one word people also type
    ("974801802", "420974801802"), so either way of writing finds them."""
    if not text or not PHONE_DIGITS_RE.search(text):
        return []
    terms = []
    for match in PHONE_RE.finditer(text):
        number = "".join(match.groups()[1:])
        terms.append(number)
        if match.group(1):
            terms.append(match.group(1).lstrip("+") + number)
    return terms


def analysed_text(text, lang):
    """What a *_stem field holds for `text`: its analysed terms, then its phone numbers as single words."""
    return " ".join([*analyse(text, lang), *phone_terms(text)])


def allowed_edits(term):
    """Elasticsearch's fuzziness AUTO: no typo in short words, one from 3 letters, two from 6."""
    if len(term) < 3:
        return 0
    return 1 if len(term) < 6 else 2


def within_edits(a, b, limit):
    """Damerau-Levenshtein distance (a swap of neighbours is one edit) of a and b is at most `limit`.

    As in Elasticsearch's fuzzy query with prefix_length=1, the first letter must be right. rapidfuzz
    computes it in C++: the embedded backend compares a typo with thousands of indexed words.
    """
    if a[:1] != b[:1] or abs(len(a) - len(b)) > limit:
        return False
    return DamerauLevenshtein.distance(a, b, score_cutoff=limit) <= limit


def data_entries(data, source, keys, language_key="language", noun="rule"):
    """(where, entry) for each entry of a YAML list in search/vocabulary/data/ or search/quality/: a dict with exactly
    `keys` and a known language. A mistake names the file and the entry, so an editor can fix it."""
    if not isinstance(data, list):
        raise AnalysisDataError(f"{source}: expected a list of {noun}s")
    for number, entry in enumerate(data, start=1):
        where = f"{source}, {noun} {number}"
        if not isinstance(entry, dict) or set(entry) != keys:
            raise AnalysisDataError(f"{where}: needs exactly the keys {', '.join(sorted(keys))}")
        if entry[language_key] not in LANGUAGES:
            raise AnalysisDataError(f"{where}: {language_key} must be one of {', '.join(LANGUAGES)}")
        yield where, entry


def parse_fillers(data, source):
    """{language: frozenset of terms} from the filler rules; a mistake names the file and the rule."""
    found = {}
    for where, rule in data_entries(data, source, FILLER_KEYS):
        words = rule["words"]
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise AnalysisDataError(f"{where}: words must be a list of non-empty strings")
        if not isinstance(rule["note"], str) or not rule["note"].strip():
            raise AnalysisDataError(f"{where}: say in `note` why these words are fillers")
        terms = found.setdefault(rule["language"], set())
        for word in words:
            for token in analysed_tokens(word, rule["language"]):
                # Both the lemma and the word as typed without diacritics: "muzu" is not lemmatised.
                terms.update({token.term, fold(token.surface)})
    return {language: frozenset(terms) for language, terms in found.items()}


@cache
def filler_terms(lang):
    """Terms of words that never block a match in a query of language `lang` (search/vocabulary/data/fillers.yml)."""
    try:
        data = yaml.safe_load(FILLERS_PATH.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise AnalysisDataError(f"{FILLERS_PATH.name}: not valid YAML: {error}") from error
    return parse_fillers(data, FILLERS_PATH.name).get(lang, frozenset())


def is_filler(token, lang):
    return token.term in filler_terms(lang) or fold(token.surface) in filler_terms(lang)
