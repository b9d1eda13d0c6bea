"""Result excerpts, built the same way for both backends from a passage's stored text.

The engines match on analysed terms (lemmas without diacritics) that no reader should see, and their own
highlighters can only mark the analysed text. So the excerpt is cut from the passage's original text here: a
word is marked when its analysed form is one the query asked for (directly, through a synonym or a spelling
correction), which is exactly why the passage matched. A passage is at most a few hundred words
(search/documents/passages.py), so the cost of an excerpt does not grow with the length of the document.
"""

import re
from html import escape

from search.vocabulary.analysis import WORD_RE, analysed_tokens, fold

EXCERPT_LENGTH = 220
ELLIPSIS = "…"
# Where a passage's lines (list items, a card's label and its text, table cells) meet in one excerpt line:
# a line that ends without punctuation is set apart, so "Škola" and "Pozvěte CPIC…" do not read as one
# sentence.
LINE_SEPARATOR = " · "
LINE_END_PUNCTUATION = tuple(".!?…:;,")


class Marker:
    """Decides which words of a text QueryPlans (of the text's language) matched."""

    def __init__(self, plans):
        locale = plans[0].parsed.locale
        self.locale = locale
        self.terms = set()
        # Synonyms of several words ("Centrum na podporu integrace cizinců" for CPIC) are marked only
        # where the whole phrase stands, not wherever one of its common words does.
        self.phrases = set()
        slots = [planned for plan in plans for planned in plan.slots]
        self.prefixes = tuple(planned.prefix for planned in slots if planned.prefix)
        for planned in slots:
            self.terms.update(planned.slot.terms)
            for phrase in planned.slot.synonyms:
                (self.terms.update(phrase) if len(phrase) == 1 else self.phrases.add(tuple(phrase)))
            surfaces = [planned.slot.surface] + [c.spelling for c in planned.corrections]
            for surface in surfaces:
                words = [word for word in analysed_tokens(surface, locale) if not word.is_stop]
                self.terms.update(word.term for word in words)
                self.terms.update(fold(word.surface) for word in words)

    def spans(self, text):
        """(start, end, term) of every matched word in `text`."""
        # Both walk the text with WORD_RE, so the n-th match and the n-th token are the same word.
        words = [
            (match.span(), token)
            for match, token in zip(WORD_RE.finditer(text), analysed_tokens(text, self.locale), strict=True)
            if not token.is_stop
        ]
        marked = set()
        for index, (_, token) in enumerate(words):
            if token.term in self.terms or fold(token.surface) in self.terms or token.term.startswith(self.prefixes):
                marked.add(index)
            for phrase in self.phrases:
                if tuple(word.term for _, word in words[index : index + len(phrase)]) == phrase:
                    marked.update(range(index, index + len(phrase)))
        return [(*words[index][0], words[index][1].term) for index in sorted(marked)]


def best_window(spans, length):
    """Start of the `length`-long window holding the most different query words, then the most matches:
    "Praha 13 … dotace" beats "Praha 13 … Praha 13"."""
    best_start, best_key = spans[0][0], (0, 0)
    for index, (start, _, _) in enumerate(spans):
        inside = [term for other, _, term in spans[index:] if other < start + length]
        key = (len(set(inside)), len(inside))
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


def make_excerpt(plans, text, length=EXCERPT_LENGTH):
    """HTML-safe excerpt of a passage: the window with the most words matched by `plans` (QueryPlans in
    the passage's language), or its beginning."""
    text = one_line(text)
    if not text:
        return ""
    spans = Marker(plans).spans(text) if any(plan.slots for plan in plans) else []
    begin, end = window(text, best_window(spans, length) if spans else 0, length)
    prefix = ELLIPSIS if begin else ""
    suffix = ELLIPSIS if end < len(text) else ""
    # A window cut next to a line separator shows no dangling "·".
    return prefix + marked_slice(text, spans, begin, end).strip(" ·") + suffix


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


def make_quote(plans, text, length=MAX_QUOTE_LENGTH):
    """HTML-safe quote of 1–3 whole sentences of a passage: from the sentence holding the most different
    words matched by `plans`, as many following ones as fit `length` (or the passage's first ones)."""
    text = one_line(text)
    spans = Marker(plans).spans(text) if any(plan.slots for plan in plans) else []
    found = sentences(text)
    if not found:
        return ""

    def matched(sentence):
        begin, end = sentence
        inside = {term for start, stop, term in spans if start >= begin and stop <= end}
        return len(inside)

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
