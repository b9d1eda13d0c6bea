"""Czech place names typed in Cyrillic: "курси чеської мови в Остраві" also searches "Ostrava".

A Ukrainian or Russian reader writes Czech towns in their own script and declines them (в Остраві,
у Страконицях). Pages name them in Czech, so a Cyrillic word is read as a place when, lemmatised and
transcribed by the Czech convention (ш → š, х → ch, г → h, ї → ji…), it is close to one of the 206
municipalities with extended powers (hub/regions/data/orp.csv, every town the region chooser knows).
Snapping to a known name, rather than trusting the transcription, gives the real spelling with its
diacritics and keeps ordinary words (мова, курси) from turning into guessed Latin letters.
"""

import re
from functools import cache, lru_cache

import simplemma
from rapidfuzz import fuzz, process

from hub.regions.municipalities import fold, municipalities
from search.vocabulary.analysis import analysed_token

# Town names and the pages naming them are Czech.
SOURCE_LANGUAGE = "cs"

# Ukrainian letters by the Czech transcription; и is y in Ukrainian (i in Russian, tried as well).
UKRAINIAN_TO_CZECH = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "je", "ж": "ž", "з": "z",
    "и": "y", "і": "i", "ї": "ji", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "щ": "šč",
    "ь": "", "ю": "ju", "я": "ja", "'": "", "’": "", "ʼ": "",
    # Russian letters Ukrainian lacks.
    "ы": "y", "э": "e", "ё": "jo", "ъ": "",
}
WORD = re.compile(r"[^\W_]+")
CYRILLIC_WORD = re.compile(r"[\u0400-\u04FF'’ʼ]+(?:-[\u0400-\u04FF'’ʼ]+)*")
# Case endings of declined names the lemmatiser does not know (у Страконицях, до Страконіц; Russian
# в общежитиях Остравы).
CASE_ENDINGS = ("ами", "ями", "ах", "ях", "ові", "ою", "ею", "ой", "ом", "ем", "ій", "ої", "і", "и", "ы", "у", "ю", "е")
# rapidfuzz ratio (0–100) a transcription needs to be taken for a town: "pardubici" ~ "pardubice" is 89,
# while ordinary words stay below 75 against every town name (tests/search/query/test_transliteration.py).
SNAP_SCORE = 86
SHORT_WORD = 4
# A word stripped of its ending must keep this many letters: shorter stems match too much.
MIN_STEM = 4
# Names of up to this many words: "Ústí nad Labem", "Frýdek-Místek" (one word with its hyphen).
MAX_NAME_WORDS = 3


@cache
def town_names():
    """{folded name: name} of every municipality with extended powers."""
    return {fold(town.name): town.name for town in municipalities()}


def transcribe(word, russian=False):
    letters = (UKRAINIAN_TO_CZECH.get(char, char) for char in word.lower())
    latin = "".join(letters)
    return latin.replace("y", "i") if russian else latin


def stem(word):
    """`word` without the first case ending it carries, if a long enough stem remains."""
    for ending in CASE_ENDINGS:
        if word.lower().endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def readings(words):
    """Folded Latin readings of a run of Cyrillic words, most faithful first: lemmas, as typed, stems.

    Each word of a name is declined (у Чеських Будейовицях), so each one is lemmatised or stripped."""
    lemmas = [simplemma.lemmatize(word, lang="uk") for word in words]
    forms = {" ".join(lemmas), " ".join(words), " ".join(map(stem, words)), " ".join(map(stem, lemmas))}
    return [fold(transcribe(form, russian)) for form in forms for russian in (False, True)]


def town_for(words):
    """The Czech town a run of Cyrillic words names, or None."""
    names = town_names()
    best = None
    for reading in readings(words):
        # A short word is a town only as written (Брно, Хеб): "коли" (when) is one letter from Kolín.
        cutoff = SNAP_SCORE if len(reading) > SHORT_WORD else 100
        found = process.extractOne(reading, names.keys(), scorer=fuzz.ratio, score_cutoff=cutoff)
        if found and (best is None or found[1] > best[1]):
            best = found
    return names[best[0]] if best else None


# One search reads the places of its text several times (the Czech plan, both place rules): fuzzy
# matching against every town is done once per text.
PLACE_TEXTS_CACHED = 256


@lru_cache(maxsize=PLACE_TEXTS_CACHED)
def czech_place_names(text):
    """The Czech towns that Cyrillic words of `text` name, in order, each once."""
    words = CYRILLIC_WORD.findall(text)
    found = []
    start = 0
    while start < len(words):
        for length in range(min(MAX_NAME_WORDS, len(words) - start), 0, -1):
            town = town_for(words[start : start + length])
            if town:
                if town not in found:
                    found.append(town)
                start += length
                break
        else:
            start += 1
    return tuple(found)


def with_czech_place_names(text):
    """`text` followed by the Czech names of the towns it writes in Cyrillic (unchanged without any)."""
    names = czech_place_names(text)
    return " ".join([text, *names]) if names else text


# A word names a place when it shares a town's or region's stem ("Liberci" ~ Liberec, "Olomoucký" ~
# Olomouc, "Zlínský" ~ Zlín), or is this close to it (fuzz.ratio) at about its length ("Plzni" ~ Plzeň;
# "bezplatná" is not Blatná).
PLACE_SCORE = 80
# A name this long may lose two letters to a case ending (Liberec → Liberci); a shorter one only its last
# (Opava → Opavě), or "seminář" would name Semily and "tísni" Tišnov.
LONG_NAME = 7
# Only a word this short is compared letter by letter (Plzni ~ Plzeň, Hradci ~ Hradec): a longer one is a
# town by its stem, or "přeložit" would name Přelouč.
SHORT_NAME = 6
# Words of region names that name no place by themselves ("Kraj Vysočina", "South Moravian Region").
REGION_WORDS = {"kraj", "region", "край", "hlavni", "mesto", "столиця", "central", "south", "nad"}


# Czech case endings that change the stem's last letter (v Praze ← Praha, v Brně ← Brno; v Kolíně is only an
# ending): the folded ending and the nominative ending it stands for.
SOFTENED_ENDINGS = (("ze", "ha"), ("ce", "ka"), ("se", "cha"), ("re", "ra"), ("ne", "no"))
# A word that begins like a town but ends in none of these (folded Czech case endings of nouns and
# adjectives, and the Ukrainian ones above) is another word: "přeložit" is no Přelouč, "Přelouči" is.
LATIN_CASE_ENDINGS = (
    "a", "e", "i", "o", "u", "y", "j", "em", "om", "ou", "am", "im", "ym", "iv", "ov",
    "ach", "ech", "ich", "ych", "ami", "imi", "ymi", "ovi", "eho", "emu",
)


VOWELS = set("aeiouy")
# Case endings of the name of a town's surroundings after its "-sk"/"-ck" (Chebsko, z Chebska, na Chebsku,
# s Chebskem).
AREA_ENDINGS = ("o", "a", "u", "em")


def area_stems(name):
    """Folded stems of the name of a town's surroundings, by the usual Czech derivations: Cheb → Chebsko,
    Ostrava → Ostravsko, Kladno → Kladensko (an "e" between the last two consonants), Liberec → Liberecko,
    Písek → Písecko, Rakovník → Rakovnicko. Irregular ones (Brno → Brněnsko) are not known."""
    if name.endswith("c"):
        return [name + "k"]
    if name.endswith("ek"):
        return [name[:-2] + "eck"]
    if name.endswith("k"):
        return [name[:-1] + "ck"]
    if name[-1] not in VOWELS:
        return [name + "sk"]
    stems = [name[:-1] + "sk"]
    if len(name) > MIN_STEM and not VOWELS & {name[-2], name[-3]}:
        stems.append(name[:-2] + "e" + name[-2] + "sk")
    return stems


# Words of town names that are ordinary Czech words ("kurzy českého jazyka" names no town; "nové" and
# "velké" neither): a town is known by its other word (Budějovice, Lípa, Jičín, Meziříčí).
GENERIC_PLACE_WORDS = {
    "cesky", "ceska", "ceske", "novy", "nova", "nove", "velky", "velka", "velke", "horni", "dolni",
    "moravsky", "moravska", "moravske", "morave", "uhersky", "uherske", "stary", "stara", "stare", "mesto",
    "labem", "orlici", "kraj",
}


@cache
def town_regions():
    """{folded name of a municipality with extended powers: its region code}."""
    return {fold(town.name): town.region_code for town in municipalities()}


@cache
def place_regions():
    """{folded distinctive word of a municipality with extended powers: {its region codes}}."""
    regions = {}
    for town in municipalities():
        words = [word for word in fold(town.name).split() if word not in GENERIC_PLACE_WORDS and len(word) >= MIN_STEM]
        for word in words[:1]:
            regions.setdefault(word, set()).add(town.region_code)
    return regions


def word_forms(word):
    """(forms, softened) of a query word to compare with place names: folded as typed and transcribed
    from Cyrillic; and those with a softened Czech case ending undone (Praze → Praha), which must match a
    name exactly ("práce" is no "Praka")."""
    forms = {fold(word), fold(transcribe(word))} if CYRILLIC_WORD.fullmatch(word) else {fold(word)}
    softened = {form[: -len(ending)] + base for form in forms for ending, base in SOFTENED_ENDINGS if form.endswith(ending)}
    return forms, softened


def names_place(word_forms, name):
    """Whether a query word, given as its `word_forms`, names the place `name` (folded): the name's stem
    starts the word ("Liberci" ~ Liberec, "Ostravsku" ~ Ostrava, "Kladensku" ~ Kladno), or the word
    begins like it and is this close to it at about its length ("Plzni" ~ Plzeň; "bezplatná" is not
    Blatná, "pracovník" is not Rakovník)."""
    if len(name) < MIN_STEM:
        return False
    forms, softened = word_forms
    areas = tuple(area_stems(name))
    return name in softened or any(
        len(form) >= MIN_STEM
        and (
            (
                form.startswith(name[: max(MIN_STEM, len(name) - (2 if len(name) >= LONG_NAME else 1))])
                and (form == name or form.endswith(LATIN_CASE_ENDINGS + CASE_ENDINGS))
            )
            or (form.startswith(areas) and form.endswith(LATIN_CASE_ENDINGS))
            or (
                len(form) <= SHORT_NAME
                and form[0] == name[0]
                and abs(len(form) - len(name)) <= 1
                and fuzz.ratio(form, name) >= PLACE_SCORE
            )
        )
        for form in forms
    )


@lru_cache(maxsize=PLACE_TEXTS_CACHED)
def latin_towns_named(text):
    """The towns (`place_regions` keys) that words of `text` in Latin letters name, in any case form."""
    named = set()
    for word in WORD.findall(text):
        if not CYRILLIC_WORD.fullmatch(word):
            forms = word_forms(word)
            named |= {name for name in place_regions() if names_place(forms, name)}
    return frozenset(named)


@lru_cache(maxsize=PLACE_TEXTS_CACHED)
def place_alternatives(word):
    """Analysed one-word synonym phrases of a query word in Latin letters that names a town: the town's
    name and the case forms of its surroundings' name, so "Cheb" finds "na Chebsku" and "na Kladensku"
    finds "Kladno". () for any other word."""
    if CYRILLIC_WORD.fullmatch(word):
        return ()
    forms = word_forms(word)
    towns = [name for name in place_regions() if names_place(forms, name)]
    alternatives = set()
    for town in towns:
        for form in [town] + [stem + ending for stem in area_stems(town) for ending in AREA_ENDINGS]:
            alternatives |= {form, analysed_token(form, SOURCE_LANGUAGE).term}
    alternatives -= {fold(word), analysed_token(word, SOURCE_LANGUAGE).term}
    return tuple((alternative,) for alternative in sorted(alternatives))


def towns_named(text):
    """The towns (`place_regions` keys) `text` names, in Latin or Cyrillic letters and any case form."""
    cyrillic = {word for town in czech_place_names(text) for word in fold(town).split() if word in place_regions()}
    return cyrillic | latin_towns_named(text)


def title_names_town(title, towns):
    """Whether a page title names one of `towns` (as `towns_named` gives them): "CPIC Ostrava",
    "Kurzy češtiny v Opavě"."""
    return any(names_place(word_forms(word), town) for word in WORD.findall(title) for town in towns)


def regions_named(text, region_names=()):
    """The region codes of the towns and regions `text` names, in any case form: towns in Cyrillic as
    `czech_place_names` reads them, towns in Latin letters and region names (`region_names`: (name, code)
    pairs in every language) as `names_place` does."""
    codes = {town_regions()[fold(town)] for town in czech_place_names(text)}
    names = {}
    for name, code in region_names:
        for part in fold(name).split():
            if part not in REGION_WORDS and code:
                names.setdefault(part, set()).add(code)
    for name in latin_towns_named(text):
        codes |= place_regions()[name]
    latin = [word_forms(word) for word in WORD.findall(text) if not CYRILLIC_WORD.fullmatch(word)]
    for forms in [word_forms(word) for word in CYRILLIC_WORD.findall(text)] + latin:
        for name, regions in names.items():
            if names_place(forms, name):
                codes |= regions
    return codes


def names_a_place(word, region_names=()):
    """Whether a word of a query (in any case form, in Latin or Cyrillic) names a Czech town or one of
    `region_names` (in any language)."""
    names = place_regions().keys() | {
        part for name in region_names for part in fold(name).split() if part not in REGION_WORDS
    }
    forms = word_forms(word)
    return any(names_place(forms, name) for name in names)
