"""Snippets and "did you mean" text, built the same way for both backends.

The engines match on analysed terms (lemmas without diacritics) that no reader should see, and their own
highlighters can only mark the analysed text. So the snippet is cut from the original text here: a word is
marked when its analysed form is one the query asked for (directly, through a synonym or within the
typo tolerance), which is exactly why the page matched.
"""

from html import escape

from search.analysis import WORD_RE, allowed_edits, analysed_tokens, fold, within_edits

SNIPPET_LENGTH = 220
# Long attachments are only scanned this far; a snippet from page 40 of a PDF helps nobody.
SCAN_LIMIT = 30_000
ELLIPSIS = "…"


class Marker:
    """Decides which words of a text a ParsedQuery matched."""

    def __init__(self, parsed):
        self.locale = parsed.locale
        self.terms = set(parsed.terms)
        for slot in parsed.slots:
            self.terms.update(term for phrase in slot.synonyms for term in phrase)
            self.terms.update(fold(word.surface) for word in analysed_tokens(slot.surface, self.locale) if not word.is_stop)

    def matches(self, word_term):
        if word_term in self.terms:
            return True
        return any(within_edits(word_term, term, allowed_edits(term)) for term in self.terms)

    def spans(self, text):
        """(start, end) of every matched word in `text`."""
        found = []
        scanned = text[:SCAN_LIMIT]
        # Both walk the text with WORD_RE, so the n-th match and the n-th token are the same word.
        for match, token in zip(WORD_RE.finditer(scanned), analysed_tokens(scanned, self.locale), strict=True):
            if token.term and self.matches(token.term):
                found.append(match.span())
        return found


def best_window(spans, length):
    """Start of the `length`-long window holding the most matched words."""
    best_start, best_count = spans[0][0], 0
    for index, (start, _) in enumerate(spans):
        count = sum(1 for other, _ in spans[index:] if other < start + length)
        if count > best_count:
            best_start, best_count = start, count
    return best_start


def mark(text, spans):
    """Escape `text`, wrapping each span in <mark>."""
    parts, cursor = [], 0
    for start, end in spans:
        parts += [escape(text[cursor:start]), "<mark>", escape(text[start:end]), "</mark>"]
        cursor = end
    parts.append(escape(text[cursor:]))
    return "".join(parts)


def excerpt(text, start, length):
    """Text around `start`, cut at word boundaries, with ellipses where it was cut."""
    begin = max(0, start - length // 4)
    if begin:
        space = text.rfind(" ", 0, begin)
        begin = space + 1 if space != -1 else begin
    end = min(len(text), begin + length)
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > start else end
    return begin, end


def make_snippet(parsed, texts, length=SNIPPET_LENGTH):
    """HTML-safe snippet from the first of `texts` (summary, body, attachments) the query matched."""
    texts = [" ".join(text.split()) for text in texts if text and text.strip()]
    if not texts:
        return ""
    marker = Marker(parsed) if parsed.slots else None
    for text in texts if marker else ():
        spans = marker.spans(text)
        if spans:
            begin, end = excerpt(text, best_window(spans, length), length)
            inside = [(s - begin, e - begin) for s, e in spans if s >= begin and e <= end]
            prefix = ELLIPSIS if begin else ""
            suffix = ELLIPSIS if end < len(text) else ""
            return prefix + mark(text[begin:end], inside) + suffix
    text = texts[0]
    _, end = excerpt(text, 0, length)
    return escape(text[:end]) + (ELLIPSIS if end < len(text) else "")


def did_you_mean(parsed, corrections, known_terms):
    """The query with misspelled words replaced, or None.

    `corrections` maps typed words (lowercase) missing from the raw text to the closest indexed spelling;
    a word is only corrected when its analysed term is unknown too (`known_terms(terms) -> set`), so
    "domaci" (indexed as the term of "domácího") is not "corrected" to "dotaci".
    """
    if not corrections:
        return None
    terms = {word: analysed_tokens(word, parsed.locale)[0].term for word in corrections}
    known = known_terms(set(terms.values()))
    return corrected_query(parsed.text, {word: fix for word, fix in corrections.items() if terms[word] not in known})


def corrected_query(text, corrections):
    """`text` with misspelled words replaced ({"prirucka": "příručka"}), or None when nothing changed."""
    if not corrections:
        return None

    def replace(match):
        return corrections.get(match.group().lower(), match.group())

    suggestion = WORD_RE.sub(replace, text)
    return suggestion if suggestion != text else None

