"""Structure recovered from extracted text: title, headed sections, paragraphs, lists and tables.

Text pulled out of PDFs is broken in predictable ways: lines are hard-wrapped (sometimes with a blank
line between every wrapped line), bullets become odd glyphs or vanish leaving only an indent, URLs are
cut at the line end, page numbers, repeated headers and the PDF's link annotations are mixed into the
text. `clean_text` undoes this with pure, line-level heuristics and returns a `CleanDocument`;
`hub.ingest.streamfield` maps that onto the page body.
"""

import re
from dataclasses import dataclass, field

from hub.ingest.extraction import PAGE_BREAK, TABLE_CELL_SEPARATOR

# "", "", "·", "●", "•", "▪", "■", "◦", "‣", "-", "–", "*" followed by a space start a list item.
BULLET_RE = re.compile(r"^[\uf0b7\uf0a7\uf0d8\uf076\uf0fc·●•▪■◦‣\-–*]\s*(?=\S)")
# Word's second-level bullet survives as a lone "o" (Courier New) before the item text.
SUB_BULLET_RE = re.compile(r"^o\s+(?=[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ])")
NUMBERED_RE = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2})*)(?:\.|\))?\s+(?P<text>\S.*)$")
URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"“”„]+", re.IGNORECASE)
URL_CONTINUATION_RE = re.compile(r"^[A-Za-z0-9\-._~/#?=&%+:]+$")
PAGE_NUMBER_RE = re.compile(
    r"^(?:[-–]?\s*\d{1,3}\s*[-–]?|\d{1,3}\s*/\s*\d{1,3}|(?:strana|str\.|page)\s*\d{1,3}(?:\s*(?:z|/|of)\s*\d{1,3})?)$",
    re.IGNORECASE,
)
IMAGE_REFERENCE_RE = re.compile(
    r"^(?:File:|Soubor:)?\S.{0,100}\.(?:jpe?g|png|gif|svg|webp)(?:\s+-\s+.*)?$", re.IGNORECASE
)
# Two words glued where a PDF lost the line break between a title and its subtitle: "strategieMetodické".
GLUED_WORDS_RE = re.compile(
    r"(?<=[a-záčďéěíňóřšťúůýž])(?=[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][a-záčďéěíňóřšťúůýž])"
)
ZERO_WIDTH = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\ufeff"))
SENTENCE_END = ".!?:;"
# A line ending in one of these does not end a sentence.
ABBREVIATIONS = set(
    "např. tzv. tj. tzn. resp. popř. příp. mj. cca. č. str. viz. Mgr. Bc. Ing. PhDr. Dr. MUDr. JUDr. "
    "Sb. odst. písm. e.g. i.e.".split()
)
OPENING_PUNCTUATION = "„“\"'‚(["
MAX_HEADING_LENGTH = 150
MAX_TITLE_LENGTH = 200


@dataclass
class Paragraph:
    text: str


@dataclass
class ListItem:
    text: str
    children: list[str] = field(default_factory=list)


@dataclass
class BulletList:
    items: list[ListItem]
    ordered: bool = False


@dataclass
class Table:
    rows: list[list[str]]


@dataclass
class Section:
    heading: str | None
    level: int = 2
    blocks: list = field(default_factory=list)


@dataclass
class CleanDocument:
    title: str
    sections: list[Section]

    @property
    def headings(self):
        return [section.heading for section in self.sections if section.heading]

    def blocks(self):
        return [block for section in self.sections for block in section.blocks]

    def first_paragraph(self):
        return next((block.text for block in self.blocks() if isinstance(block, Paragraph)), "")


# --- lines --------------------------------------------------------------------------------------


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


# --- layout -------------------------------------------------------------------------------------


@dataclass
class Layout:
    """How the text was laid out, measured once per document."""

    wrapped: bool  # lines are hard-wrapped at a width, paragraphs span several lines
    width: float  # the wrap width (90th percentile of line lengths)
    double_spaced: (
        bool  # a blank line after every wrapped line, so blank lines do not separate paragraphs
    )
    indented_bullets: bool  # bullet glyphs were lost, only the indent of each item is left


def measure_layout(lines, wrapped=None):
    lengths = sorted(len(line.text) for line in lines) or [0]
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if wrapped is None:
        near_width = sum(1 for length in lengths if length >= 0.75 * width)
        # Hard-wrapped text has many lines close to one width, and that width is a page's (50–140 chars).
        wrapped = len(lines) >= 4 and 50 <= width <= 140 and near_width >= 0.3 * len(lines)
    followed_by_one_blank = sum(1 for line in lines[1:] if line.empty_before == 1)
    double_spaced = wrapped and followed_by_one_blank >= 0.6 * max(1, len(lines) - 1)
    indented_letters = sum(
        1
        for line in lines
        if line.indent and line.text[0].isalpha() and not SUB_BULLET_RE.match(line.text)
    )
    indented_bullets = indented_letters >= 5 and indented_letters >= 0.15 * len(lines)
    return Layout(wrapped, float(width or 1), double_spaced, indented_bullets)


# --- blocks -------------------------------------------------------------------------------------


def first_letter(text):
    stripped = text.lstrip(OPENING_PUNCTUATION)
    return stripped[:1]


def starts_lowercase(text):
    letter = first_letter(text)
    return letter.isalpha() and letter.islower()


def ends_sentence(text):
    if not text or text[-1] not in SENTENCE_END:
        return False
    last_word = text.rsplit(" ", 1)[-1]
    return last_word not in ABBREVIATIONS and not re.fullmatch(r"\w\.", last_word)


def ends_with_url(text):
    return URL_RE.fullmatch(text.rsplit(" ", 1)[-1].rstrip(".,;:)")) is not None


def line_kind(line, layout, previous_kind):
    """'bullet', 'sub_bullet', 'numbered', 'table' or 'text' — what the line starts."""
    if TABLE_CELL_SEPARATOR in line.text:
        return "table"
    if BULLET_RE.match(line.text):
        return "bullet"
    if SUB_BULLET_RE.match(line.text) and previous_kind in ("bullet", "sub_bullet"):
        return "sub_bullet"
    if NUMBERED_RE.match(line.text):
        return "numbered"
    if layout.indented_bullets and line.indent and line.text[0].isalpha():
        return "bullet"
    return "text"


def continues(previous, line, kind, layout):
    """Whether `line` carries on the block that `previous` ends (a soft-wrapped line)."""
    if kind != "text" or line.spacer_before:
        return False
    text = previous.text
    if TABLE_CELL_SEPARATOR in text:
        return False
    blank_separates = line.empty_before and not layout.double_spaced
    if not ends_sentence(text) and starts_lowercase(line.text):
        return True
    if ends_with_url(text) or not layout.wrapped or blank_separates:
        return False
    short = previous.last_piece_length < 0.6 * layout.width
    if not ends_sentence(text):
        return not short
    # The sentence ends with the line: a new paragraph unless the line was filled to the wrap width
    # (a line ending in a colon introduces what follows, like "Termín plnění:").
    return (
        text[-1] != ":"
        and not line.text.endswith(":")
        and previous.trailing < 2
        and previous.last_piece_length >= 0.8 * layout.width
    )


@dataclass
class RawBlock:
    kind: str
    lines: list

    @property
    def text(self):
        return " ".join(line.text for line in self.lines)


def group_blocks(lines, layout):
    blocks = []
    previous_kind = None
    for line in lines:
        kind = line_kind(line, layout, previous_kind)
        next_row = (
            kind == "table" and blocks and blocks[-1].kind == "table" and not line.empty_before
        )
        if next_row or (blocks and continues(blocks[-1].lines[-1], line, kind, layout)):
            blocks[-1].lines.append(line)
            continue
        blocks.append(RawBlock(kind, [line]))
        previous_kind = kind
    return blocks


# --- structure ----------------------------------------------------------------------------------


def strip_marker(text):
    return BULLET_RE.sub("", SUB_BULLET_RE.sub("", text), count=1).strip()


def is_heading_text(text, layout, line_count):
    if not text or len(text) > MAX_HEADING_LENGTH or len(text.split()) > 20:
        return False
    if text[-1] in ".,;:" or not first_letter(text).isupper():
        return False
    if line_count > 1 and layout.wrapped:
        return False  # a wrapped paragraph, not a heading
    return not (layout.wrapped and len(text) >= 0.95 * layout.width)


def numbered_heading(block, layout, blocks, index):
    """(level, text) if a numbered block is a chapter heading ("1. Centra…", "1.1 Koordinační…")."""
    match = NUMBERED_RE.match(block.text)
    number, text = match["number"], match["text"].strip()
    text = text.rstrip(":").strip()
    if (
        not text
        or len(text) > MAX_HEADING_LENGTH
        or text[-1] in ".,;"
        or not first_letter(text).isupper()
    ):
        return None
    if (
        len(block.lines) > 1
        and layout.wrapped
        and block.lines[0].last_piece_length >= 0.8 * layout.width
    ):
        return None
    if "." in number:
        return 3, f"{number} {text}"
    if in_numbered_list(int(number), blocks, index):
        return None
    return 2, f"{number}. {text}"


def in_numbered_list(number, blocks, index):
    """Whether the neighbouring blocks continue the numbering with sentences: a list, not chapters."""
    for neighbour_index, expected in ((index - 1, number - 1), (index + 1, number + 1)):
        if not 0 <= neighbour_index < len(blocks) or blocks[neighbour_index].kind != "numbered":
            continue
        match = NUMBERED_RE.match(blocks[neighbour_index].text)
        if match["number"] == str(expected) and match["text"].rstrip()[-1] in ".,;":
            return True
    return False


def build_document(blocks, layout):
    sections = [Section(heading=None)]
    for index, block in enumerate(blocks):
        current = sections[-1].blocks
        if block.kind == "table":
            rows = [line.text.split(TABLE_CELL_SEPARATOR) for line in block.lines]
            current.append(Table([[cell.strip() for cell in row] for row in rows]))
        elif block.kind in ("bullet", "sub_bullet"):
            add_list_item(
                current, strip_marker(block.text), ordered=False, child=block.kind == "sub_bullet"
            )
        elif block.kind == "numbered":
            heading = numbered_heading(block, layout, blocks, index)
            if heading:
                level, text = heading
                sections.append(Section(heading=text, level=level))
            else:
                add_list_item(current, NUMBERED_RE.match(block.text)["text"].strip(), ordered=True)
        elif is_heading_text(block.text, layout, len(block.lines)):
            sections.append(Section(heading=block.text, level=2))
        else:
            current.append(Paragraph(block.text))
    return [section for section in sections if section.heading or section.blocks]


def add_list_item(blocks, text, ordered, child=False):
    if child and blocks and isinstance(blocks[-1], BulletList) and blocks[-1].items:
        blocks[-1].items[-1].children.append(text)
        return
    if not (blocks and isinstance(blocks[-1], BulletList) and blocks[-1].ordered == ordered):
        blocks.append(BulletList(items=[], ordered=ordered))
    blocks[-1].items.append(ListItem(text))


def take_title(sections, fallback):
    """The document's title: its first heading (or short first line) before any text; else `fallback`."""
    first = sections[0] if sections else None
    if first is None:
        return fallback
    if first.heading is None and first.blocks and isinstance(first.blocks[0], Paragraph):
        candidate = first.blocks[0].text
        if len(candidate) <= MAX_TITLE_LENGTH and not ends_sentence(candidate):
            first.blocks.pop(0)
            return split_glued_title(candidate, first)
        return fallback
    if first.heading is None and not first.blocks:
        sections.pop(0)
        return take_title(sections, fallback)
    if first.heading is None:
        return fallback
    title = first.heading
    first.heading = None
    return split_glued_title(title, first)


def split_glued_title(title, section):
    """'Města a inkluzivní strategieMetodické materiály…' → title + a subtitle paragraph."""
    parts = GLUED_WORDS_RE.split(title, maxsplit=1)
    if len(parts) == 2 and len(parts[0].split()) >= 2:
        section.blocks.insert(0, Paragraph(parts[1].strip()))
        return parts[0].strip()
    return title


def clean_text(text, *, fallback_title="", wrapped=None):
    """Structure of an extracted text. `wrapped=False` for formats with one paragraph per line (DOCX, HTML)."""
    lines = drop_link_annotations(repair_urls(drop_noise(split_lines(text))))
    layout = measure_layout(lines, wrapped)
    sections = build_document(group_blocks(lines, layout), layout)
    title = take_title(sections, fallback_title)
    sections = [section for section in sections if section.heading or section.blocks]
    return CleanDocument(title=title[:MAX_TITLE_LENGTH].strip(), sections=sections)
