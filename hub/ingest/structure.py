"""Structure recognition: paragraphs, lists, headings and the title, from repaired lines.

The layout is measured once per document (are lines hard-wrapped, double-spaced, did bullets survive
only as indents); then lines are grouped into blocks (a soft-wrapped line continues its paragraph) and
blocks become headed sections of paragraphs, lists and tables. Pure, line-level heuristics.
"""

import re
from dataclasses import dataclass

from hub.ingest.document import BulletList, CleanDocument, ListItem, Paragraph, Section, Table
from hub.ingest.extraction import TABLE_CELL_SEPARATOR
from hub.ingest.line_repair import URL_RE

# "", "", "·", "●", "•", "▪", "■", "◦", "‣", "-", "–", "*" followed by a space start a list item.
BULLET_RE = re.compile(r"^[\uf0b7\uf0a7\uf0d8\uf076\uf0fc·●•▪■◦‣\-–*]\s*(?=\S)")
# Word's second-level bullet survives as a lone "o" (Courier New) before the item text.
SUB_BULLET_RE = re.compile(r"^o\s+(?=[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ])")
NUMBERED_RE = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2})*)(?:\.|\))?\s+(?P<text>\S.*)$")
# Two words glued where a PDF lost the line break between a title and its subtitle: "strategieMetodické".
GLUED_WORDS_RE = re.compile(
    r"(?<=[a-záčďéěíňóřšťúůýž])(?=[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][a-záčďéěíňóřšťúůýž])"
)
SENTENCE_END = ".!?:;"
# A line ending in one of these does not end a sentence.
ABBREVIATIONS = set(
    "např. tzv. tj. tzn. resp. popř. příp. mj. cca. č. str. viz. Mgr. Bc. Ing. PhDr. Dr. MUDr. JUDr. "
    "Sb. odst. písm. e.g. i.e.".split()
)
OPENING_PUNCTUATION = "„“\"'‚(["
MAX_HEADING_LENGTH = 150
MAX_TITLE_LENGTH = 200
MAX_SUBTITLE_LENGTH = 160
# What a subtitle line names: a year, a date, a version, a month ("březen 2024", "v. 1.2", "12. 3. 2024").
SUBTITLE_RE = re.compile(
    r"\b(?:19|20)\d{2}\b|\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\b(?:verze|version|aktualizace|vydání|stav k)\b"
    r"|\bv\.\s?\d|\b(?:leden|ledna|únor|února|březen|března|duben|dubna|květen|května|červen|června"
    r"|červenec|července|srpen|srpna|září|říjen|října|listopad|listopadu|prosinec|prosince)\b",
    re.IGNORECASE,
)


def recognise_structure(lines, *, fallback_title="", wrapped=None):
    """A CleanDocument from repaired lines; `wrapped=False` for formats with one paragraph per line."""
    layout = measure_layout(lines, wrapped)
    sections = build_document(group_blocks(lines, layout), layout)
    title = take_title(sections, fallback_title)
    mark_subtitle(sections)
    sections = [section for section in sections if section.heading or section.blocks]
    return CleanDocument(title=title[:MAX_TITLE_LENGTH].strip(), sections=sections)


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


# --- sections and title -------------------------------------------------------------------------


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
        section.blocks.insert(0, Paragraph(parts[1].strip(), subtitle=True))
        return parts[0].strip()
    return title


def mark_subtitle(sections):
    """The line right under the title that names a date, year or version ("CPIC Jihlava, verze 2,
    březen 2024") is a subtitle: neither a heading nor the summary."""
    if not sections or sections[0].heading is not None:
        return
    first = sections[0]
    if first.blocks:
        candidate = first.blocks[0]
        if (
            isinstance(candidate, Paragraph)
            and len(candidate.text) <= MAX_SUBTITLE_LENGTH
            and SUBTITLE_RE.search(candidate.text)
        ):
            candidate.subtitle = True
        return
    following = sections[1] if len(sections) > 1 else None
    if following and following.heading and SUBTITLE_RE.search(following.heading):
        sections.pop(1)
        first.blocks = [Paragraph(following.heading, subtitle=True), *following.blocks]
