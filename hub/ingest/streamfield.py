"""A CleanDocument as raw StreamField data for hub.core.blocks.BodyBlock, and a summary for listings."""

import re
import uuid
from html import escape

from hub.ingest.document import BulletList, Paragraph, Table
from hub.ingest.line_repair import URL_RE

SUMMARY_LENGTH = 600
# "Zajistit podporu školení – MV, CPIC, NNO." → task "Zajistit podporu školení", responsible "MV, CPIC, NNO"
RESPONSIBLE_RE = re.compile(
    r"^(?P<text>.+?)\s+[–—]\s+(?P<who>[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][^–—]{0,80}?)\.?$"
)
EMAIL_RE = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
# "+420 974 801 802", "00420 974801802", "+380 44 123 4567", and Czech "974 801 802" (never starting
# with 0 or 1, so "120 000 000 Kč" is no phone; nor is a number followed by a currency or unit).
PHONE_RE = (
    r"(?<![\w+/.,-])"
    r"(?:(?:\+|00)\d{1,3}(?:[ \u00a0]?\d{2,4}){2,4}|[2-9]\d{2}(?:[ \u00a0]?\d{3}){2})"
    r"(?![\w/-]|[ \u00a0]?\d|\s*(?:Kč|CZK|EUR|€|USD|korun|osob|,-))"
)
LINK_TARGET_RE = re.compile(
    rf"(?P<email>{EMAIL_RE})|(?P<url>{URL_RE.pattern})|(?P<phone>{PHONE_RE})", re.IGNORECASE
)
RECOMMENDATION_LEAD_RE = re.compile(
    r"^(doporučení|doporučujeme|úkoly|recommendations?)\b.*:$", re.IGNORECASE
)


def block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def body_blocks(document, attachments=()):
    """Raw BodyBlock data: per section a heading, then its text merged into rich-text paragraphs,
    with recommendation lists and tables as their own blocks; `attachments` become document blocks."""
    raw = []
    for section in document.sections:
        if section.heading:
            raw.append(
                block(
                    "heading", {"text": section.heading[:200], "level": f"h{min(section.level, 3)}"}
                )
            )
        raw.extend(section_blocks(section.blocks))
    raw.extend(
        block("document", {"document": document_id, "description": ""})
        for document_id in attachments
    )
    return raw


def section_blocks(blocks):
    raw = []
    pending = []  # paragraphs and lists merged into one rich-text block

    def flush():
        if pending:
            raw.append(block("paragraph", "".join(rich_text(item) for item in pending)))
            pending.clear()

    index = 0
    while index < len(blocks):
        item = blocks[index]
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if (
            isinstance(item, Paragraph)
            and RECOMMENDATION_LEAD_RE.match(item.text)
            and isinstance(following, BulletList)
        ):
            flush()
            raw.append(recommendations(following, item.text.rstrip(":").strip()))
            index += 2
            continue
        if isinstance(item, BulletList) and is_task_list(item):
            flush()
            raw.append(recommendations(item, ""))
        elif isinstance(item, Table):
            flush()
            raw.append(table(item))
        else:
            pending.append(item)
        index += 1
    flush()
    return raw


def is_task_list(bullet_list):
    """A numbered list whose items mostly end with '– who is responsible'."""
    if not bullet_list.ordered or len(bullet_list.items) < 2:
        return False
    matching = sum(1 for item in bullet_list.items if RESPONSIBLE_RE.match(item.text))
    return matching >= 0.6 * len(bullet_list.items)


def recommendations(bullet_list, title):
    items = []
    for item in bullet_list.items:
        text = " ".join([item.text, *item.children])
        match = RESPONSIBLE_RE.match(item.text) if bullet_list.ordered else None
        value = {"text": text, "responsible": ""}
        if match and not item.children:
            value = {
                "text": match["text"].rstrip(" ,;") + ".",
                "responsible": match["who"].strip()[:255],
            }
        items.append({"type": "item", "value": value, "id": str(uuid.uuid4())})
    return block("recommendations", {"title": title[:200], "items": items})


def table(item):
    width = max(len(row) for row in item.rows)
    rows = [row + [""] * (width - len(row)) for row in item.rows]
    return block(
        "table",
        {
            "data": rows,
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "",
        },
    )


def rich_text(item):
    if isinstance(item, Paragraph):
        text = linkify(item.text)
        return f"<p><i>{text}</i></p>" if item.subtitle else f"<p>{text}</p>"
    tag = "ol" if item.ordered else "ul"
    entries = []
    for entry in item.items:
        children = "".join(f"<li>{linkify(child)}</li>" for child in entry.children)
        entries.append(
            f"<li>{linkify(entry.text)}{f'<ul>{children}</ul>' if children else ''}</li>"
        )
    return f"<{tag}>{''.join(entries)}</{tag}>"


def linkify(text):
    """Escaped text with URLs (also bare "www.…"), e-mail addresses and phone numbers as links."""
    parts = []
    position = 0
    for match in LINK_TARGET_RE.finditer(text):
        if match.start() < position:
            continue
        shown, href = link_target(match)
        parts.append(escape(text[position : match.start()]))
        parts.append(f'<a href="{escape(href)}">{escape(shown)}</a>')
        position = match.start() + len(shown)
    parts.append(escape(text[position:]))
    return "".join(parts)


def link_target(match):
    """(the text the link shows, its href) for a match of LINK_TARGET_RE."""
    if match["email"]:
        return match["email"], f"mailto:{match['email']}"
    if match["phone"]:
        digits = re.sub(r"\D", "", match["phone"])
        if match["phone"].startswith("00"):
            digits = digits[2:]
        elif not match["phone"].startswith("+"):
            digits = "420" + digits  # a Czech number written without its country code
        return match["phone"], f"tel:+{digits}"
    url = match["url"]
    shown = url.rstrip(".,;:!?)“”\"'")
    if url.endswith(")") and "(" in shown:
        shown += ")"
    return shown, shown if shown.lower().startswith("http") else f"https://{shown}"


def summary_and_rest(document):
    """The page's summary (its first paragraph) and the document left for the body: a paragraph that
    fits the summary whole is not repeated at the top of the body, unless it holds a link (the
    summary is plain text, so the body keeps the clickable version)."""
    paragraph = document.first_paragraph()
    if paragraph is None:
        return "", document
    summary = shorten(paragraph.text)
    moved = summary == paragraph.text and linkify(paragraph.text) == escape(paragraph.text)
    return summary, document.without(paragraph) if moved else document


def shorten(text, limit=SUMMARY_LENGTH):
    """`text` cut at a sentence (or word) boundary to fit the summary field."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    sentence_end = cut.rfind(". ")
    if sentence_end > limit // 3:
        return cut[: sentence_end + 1]
    return cut[: cut.rfind(" ")].rstrip(",;:") + "…"
