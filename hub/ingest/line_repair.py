"""Line repair: undo what PDF extraction does to lines before any structure is recognised.

Text pulled out of PDFs is broken in predictable ways: URLs are cut at the line end, page numbers,
repeated page headers and footers, image file names and the PDF's link annotations are mixed into the
text. `repaired_lines(text)` splits the text into `Line`s (remembering indent, trailing spaces, blank
lines and page of each) and removes or mends that noise; `hub.ingest.structure` reads the result.
"""

import re
from dataclasses import dataclass

from hub.ingest.extraction import PAGE_BREAK, TABLE_CELL_SEPARATOR

URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"“”„]+", re.IGNORECASE)
URL_CONTINUATION_RE = re.compile(r"^[A-Za-z0-9\-._~/#?=&%+:]+$")
PAGE_NUMBER_RE = re.compile(
    r"^(?:[-–]?\s*\d{1,3}\s*[-–]?|\d{1,3}\s*/\s*\d{1,3}|(?:strana|str\.|page)\s*\d{1,3}(?:\s*(?:z|/|of)\s*\d{1,3})?)$",
    re.IGNORECASE,
)
IMAGE_REFERENCE_RE = re.compile(
    r"^(?:File:|Soubor:)?\S.{0,100}\.(?:jpe?g|png|gif|svg|webp)(?:\s+-\s+.*)?$", re.IGNORECASE
)
# Soft hyphens and zero-width characters are invisible in the PDF but split words in the text.
ZERO_WIDTH = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\ufeff"))


def repaired_lines(text):
    """The text's non-empty lines with page noise dropped and cut URLs joined."""
    return drop_link_annotations(repair_urls(drop_noise(split_lines(text))))


@dataclass
class Line:
    text: str
    indent: int = 0
    trailing: int = 0
    empty_before: int = 0  # truly empty lines before this one
    spacer_before: bool = (
        False  # a line of only spaces before this one: an empty paragraph in the PDF
    )
    page: int = 0
    last_piece_length: int = 0  # length of the physical line that ends this one (after URL repair)

    def __post_init__(self):
        self.last_piece_length = self.last_piece_length or len(self.text)


def normalise(text):
    text = text.translate(ZERO_WIDTH).replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\u00a0", " ").replace("\u2007", " ").replace("\u202f", " ")


def split_lines(text):
    """Non-empty lines with what surrounded them (indent, trailing spaces, blank lines, page)."""
    lines = []
    empty = 0
    spacer = False
    for page_number, page in enumerate(normalise(text).split(PAGE_BREAK)):
        for raw in page.split("\n"):
            stripped = raw.strip(" ")
            if not stripped.strip():
                if raw:
                    spacer = True
                else:
                    empty += 1
                continue
            lines.append(
                Line(
                    text=" ".join(stripped.split(" "))
                    if TABLE_CELL_SEPARATOR in stripped
                    else " ".join(stripped.split()),
                    indent=len(raw) - len(raw.lstrip(" ")),
                    trailing=len(raw) - len(raw.rstrip(" ")),
                    empty_before=empty,
                    spacer_before=spacer,
                    page=page_number,
                )
            )
            empty = 0
            spacer = False
    return lines


def drop_noise(lines):
    """Remove page numbers, repeated page headers/footers and leftover image file names."""
    repeated = repeated_page_edges(lines)
    kept = []
    for line in lines:
        noise = PAGE_NUMBER_RE.match(line.text) or IMAGE_REFERENCE_RE.match(line.text)
        if not noise and edge_key(line.text) not in repeated:
            kept.append(line)
    return kept


def repeated_page_edges(lines):
    """Lines that open or close at least half of three or more pages: headers and footers.

    Lines differing only in digits ("Strana 3 z 10") count as the same when they are short.
    """
    pages = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line)
    if len(pages) < 3:
        return set()
    counts = {}
    for page_lines in pages.values():
        edges = {edge_key(line.text) for line in page_lines[:2] + page_lines[-2:]}
        for key in edges:
            counts[key] = counts.get(key, 0) + 1
    threshold = max(3, len(pages) // 2)
    return {key for key, count in counts.items() if count >= threshold and len(key) <= 120}


def edge_key(text):
    return re.sub(r"\d+", "#", text.lower()) if len(text) <= 40 else text.lower()


def is_url_only(text):
    return URL_RE.fullmatch(text) is not None


def url_key(url):
    url = re.sub(r"^https?://", "", url.lower())
    return url.removeprefix("www.").rstrip("/")


def repair_urls(lines):
    """Join URLs cut at the end of a line with their rest on the next line."""
    known = {url_key(line.text) for line in lines if is_url_only(line.text)}
    lines = list(lines)
    index = 0
    while index < len(lines) - 1:
        line, following = lines[index], lines[index + 1]
        rest = url_continuation(line.text, following.text, known)
        if rest is None:
            index += 1
            continue
        piece, remainder = rest
        line.text += piece
        if remainder:
            following.text = remainder
            following.indent = 0
            index += 1
        else:
            # The next line held only the URL's tail: it is gone, and the URL may go on after it.
            line.trailing = following.trailing
            line.last_piece_length = len(piece)
            del lines[index + 1]
    return lines


def url_continuation(text, next_text, known):
    """(piece, rest of next line) if the URL ending `text` continues at the start of `next_text`."""
    last_token = text.rsplit(" ", 1)[-1]
    if not URL_RE.fullmatch(last_token) or last_token[-1] not in "-_/#?=&~":
        return None
    piece, _space, remainder = next_text.partition(" ")
    if not URL_CONTINUATION_RE.match(piece):
        return None
    joined = url_key(last_token + piece)
    if any(key == joined or key.startswith(joined) for key in known):
        return piece, remainder
    if url_key(last_token) in known:
        return None  # the link annotation says the URL was already complete
    looks_like_path = piece == piece.lower() and (
        last_token[-1] != "/" or re.search(r"[/._#?=-]", piece)
    )
    return (piece, remainder) if looks_like_path else None


def drop_link_annotations(lines):
    """A PDF's link targets are often dumped as bare URL lines; keep a bare URL only if the text lacks it."""
    body = " ".join(url_key(line.text) for line in lines if not is_url_only(line.text))
    seen = set()
    kept = []
    for line in lines:
        if is_url_only(line.text):
            key = url_key(line.text)
            if key in body or key in seen:
                continue
            seen.add(key)
        kept.append(line)
    return kept
