"""Result excerpts, built the same way for both backends from a passage's stored text.

The engines match on analysed terms (lemmas without diacritics) that no reader should see, and their own
highlighters can only mark the analysed text. So the excerpt is cut from the passage's original text here: a
word is marked when its analysed form is one the query asked for (directly, through a synonym or a spelling
correction), which is exactly why the passage matched. A passage is at most a few hundred words
(search/documents/passages.py), so the cost of an excerpt does not grow with the length of the document.
"""

import re
from functools import cached_property
from html import escape

from search.vocabulary.analysis import WORD_RE, analysed_tokens, fold

EXCERPT_LENGTH = 220
# The weight, among the query's words (1–3), of one that the result's title already holds.
TITLE_WORD_WEIGHT = 0.5
# A word of the text derived from one the query asked for (lékař → lékařské, cizinec → cizinecký) marks
# too, in the excerpt only: the term must be this long, and the derived word at most this much longer.
DERIVED_FROM_LETTERS = 5
DERIVED_SUFFIX_LETTERS = 3
ELLIPSIS = "…"
# Where a passage's lines (list items, a card's label and its text, table cells) meet in one excerpt line:
# a line that ends without punctuation is set apart, so "Škola" and "Pozvěte CPIC…" do not read as one
# sentence.
LINE_SEPARATOR = " · "
LINE_END_PUNCTUATION = tuple(".!?…:;,")


class Marker:
    """Decides which words of a text QueryPlans (of the text's language) matched, and for which of the
    query's words (slots): a synonym or a correction counts as the word it stands for."""

    def __init__(self, plans, title=""):
        locale = plans[0].parsed.locale
        self.locale = locale
        self.terms = {}  # analysed or folded term: slot key
        # Synonyms of several words ("Centrum na podporu integrace cizinců" for CPIC) are marked only
        # where the whole phrase stands, not wherever one of its common words does.
        self.phrases = {}
        self.prefixes = {}
        # A rare word tells more of where the answer stands than a common one (weights 1–3 by idf); a
        # word no page held when the plan was made still counts as a common one.
        self.weights = {}
        for plan_index, plan in enumerate(plans):
            for slot_index, planned in enumerate(plan.slots):
                key = (plan_index, slot_index)
                self.weights[key] = max(1, planned.weight)
                if planned.prefix:
                    self.prefixes.setdefault(planned.prefix, key)
                for term in planned.slot.terms:
                    self.terms.setdefault(term, key)
                for phrase in planned.slot.synonyms:
                    if len(phrase) == 1:
                        self.terms.setdefault(phrase[0], key)
                    else:
                        self.phrases.setdefault(tuple(phrase), key)
                surfaces = [planned.slot.surface] + [c.spelling for c in planned.corrections]
                for surface in surfaces:
                    for word in analysed_tokens(surface, locale):
                        if not word.is_stop:
                            self.terms.setdefault(word.term, key)
                            self.terms.setdefault(fold(word.surface), key)
        # Words the result's title already shows count least: the excerpt should show what it does not
        # (on CPIC Zlín's page, the hostels asked about rather than another mention of Zlín).
        for *_, key in self.spans(one_line(title)):
            self.weights[key] = TITLE_WORD_WEIGHT

    @cached_property
    def stems(self):
        """{term: slot key} of the terms long enough to mark the words derived from them."""
        return {term: key for term, key in self.terms.items() if len(term) >= DERIVED_FROM_LETTERS}

    @cached_property
    def stem_prefixes(self):
        return tuple(self.stems)

    def slot_of(self, token):
        """The slot key a word of the text matches, or None."""
        found = self.terms.get(token.term) or self.terms.get(fold(token.surface))
        if found is None:
            found = next((key for prefix, key in self.prefixes.items() if token.term.startswith(prefix)), None)
        if found is None and token.term.startswith(self.stem_prefixes):
            found = next(
                (
                    key
                    for stem, key in self.stems.items()
                    if token.term.startswith(stem) and len(token.term) - len(stem) <= DERIVED_SUFFIX_LETTERS
                ),
                None,
            )
        return found

    def spans(self, text):
        """(start, end, slot key) of every matched word in `text`."""
        # Both walk the text with WORD_RE, so the n-th match and the n-th token are the same word.
        words = [
            (match.span(), token)
            for match, token in zip(WORD_RE.finditer(text), analysed_tokens(text, self.locale), strict=True)
            if not token.is_stop
        ]
        marked = {}
        for index, (_, token) in enumerate(words):
            key = self.slot_of(token)
            if key is not None:
                marked[index] = key
            for phrase, key in self.phrases.items():
                if tuple(word.term for _, word in words[index : index + len(phrase)]) == phrase:
                    marked.update(dict.fromkeys(range(index, index + len(phrase)), key))
        return [(*words[index][0], marked[index]) for index in sorted(marked)]

    def weight(self, spans):
        """How much of the query `spans` hold: the weights of the different slots they match."""
        return sum(self.weights[key] for key in {key for _, _, key in spans})


def best_window(marker, spans, length):
    """Start of the `length`-long window holding most of the query's weight, then the most matches:
    "Praha 13 … dotace" beats "Praha 13 … Praha 13", and the one rare word asked for beats a common one."""
    best_start, best_key = spans[0][0], (0, 0)
    for index, (start, _, _) in enumerate(spans):
        inside = [span for span in spans[index:] if span[0] < start + length]
        key = (marker.weight(inside), len(inside))
        if key > best_key:
            best_start, best_key = start, key
    return best_start


def mark(text, spans):
    """Escape `text`, wrapping each (start, end) span in <mark>."""
    parts, cursor = [], 0
    for start, end in spans:
        parts += [escape(text[cursor:start]), "<mark>", escape(text[start:end]), "</mark>"]
        cursor = end
    parts.append(escape(text[cursor:]))
    return "".join(parts)


def window(text, start, length):
    """Text around `start`, cut at word boundaries."""
    begin = max(0, start - length // 4)
    if begin:
        space = text.rfind(" ", 0, begin)
        begin = space + 1 if space != -1 else begin
    end = min(len(text), begin + length)
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > start else end
    return begin, end


def one_line(text):
    """A passage's text on one line: its lines joined by a space after punctuation, else by LINE_SEPARATOR."""
    joined = ""
    for line in filter(None, (" ".join(line.split()) for line in (text or "").splitlines())):
        separator = " " if joined.endswith(LINE_END_PUNCTUATION) else LINE_SEPARATOR
        joined += separator + line if joined else line
    return joined


def plans_in(plans, locale):
    """The plans whose words are in `locale` (the passage's language), or the query's own one (the first)."""
    return [plan for plan in plans if plan.parsed.locale == locale] or plans[:1]


def make_excerpt(plans, text, length=EXCERPT_LENGTH, title=""):
    """HTML-safe excerpt of a passage: the window holding most of the query's words matched by `plans`
    (QueryPlans in the passage's language) that its page's `title` does not, or its beginning."""
    return excerpt_with_slots(plans, text, length, title)[0]


def excerpt_with_slots(plans, text, length=EXCERPT_LENGTH, title=""):
    """(make_excerpt's excerpt, indexes of the first plan's slots it marks): a word the excerpt marks in
    a derived form (lékařské for lékař) is not missing from the page."""
    text = one_line(text)
    if not text:
        return "", frozenset()
    marker = Marker(plans, title)
    spans = marker.spans(text) if any(plan.slots for plan in plans) else []
    begin, end = window(text, best_window(marker, spans, length) if spans else 0, length)
    prefix = ELLIPSIS if begin else ""
    suffix = ELLIPSIS if end < len(text) else ""
    shown = frozenset(slot for start, stop, (plan_index, slot) in spans if plan_index == 0 and start >= begin and stop <= end)
    # A window cut next to a line separator shows no dangling "·".
    return prefix + marked_slice(text, spans, begin, end).strip(" ·") + suffix, shown


def marked_slice(text, spans, begin, end):
    """`text[begin:end]`, escaped, with the matched words inside it in <mark>."""
    inside = [(start - begin, stop - begin) for start, stop, _ in spans if start >= begin and stop <= end]
    return mark(text[begin:end], inside)


# A sentence ends at . ! ? … followed by a space and a capital letter (after an opening quote or bracket):
# "tzv. asistent" and "č. 326/1999 Sb." stay inside their sentence because a lower-case word or a number
# follows. A line of the passage that ends without punctuation (one_line) ends its sentence too.
BOUNDARY_RE = re.compile(r"(?:[.!?…][\"“”»)\]]*|(?=\s·\s))(\s+)(?:·\s+)?")
OPENING = "\"„“«(["
MAX_QUOTE_SENTENCES = 3
MAX_QUOTE_LENGTH = 360


def sentences(text):
    """(start, end) of each sentence of `text`."""
    spans, start = [], 0
    for match in BOUNDARY_RE.finditer(text):
        following = text[match.end() :].lstrip(OPENING)[:1]
        if following.isupper() or "·" in match.group():
            spans.append((start, match.start(1)))
            start = match.end()
    spans.append((start, len(text)))
    return [(begin, end) for begin, end in spans if text[begin:end].strip()]


def make_quote(plans, text, length=MAX_QUOTE_LENGTH, title=""):
    """HTML-safe quote of 1–3 whole sentences of a passage: from the sentence holding most of the query's
    weight matched by `plans`, as many following ones as fit `length` (or the passage's first ones)."""
    text = one_line(text)
    marker = Marker(plans, title)
    spans = marker.spans(text) if any(plan.slots for plan in plans) else []
    found = sentences(text)
    if not found:
        return ""

    def matched(sentence):
        begin, end = sentence
        return marker.weight([span for span in spans if span[0] >= begin and span[1] <= end])

    first = max(range(len(found)), key=lambda index: (matched(found[index]), -index))
    begin, end = found[first]
    for _, next_end in found[first + 1 : first + MAX_QUOTE_SENTENCES]:
        if next_end - begin > length:
            break
        end = next_end
    suffix = ""
    if end - begin > length:  # one long sentence: cut it at a word
        end = text.rfind(" ", begin, begin + length)
        end, suffix = (end if end > begin else begin + length), ELLIPSIS
    return marked_slice(text, spans, begin, end) + suffix
