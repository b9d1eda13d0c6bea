"""Small builders for StreamField raw data, so demo content reads like the page it becomes.

Every block and list item gets an id, as the admin would give it: wagtail-localize addresses
translated segments by block id.
"""

import uuid


def _block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def heading(text, level="h2"):
    return _block("heading", {"text": text, "level": level})


def paragraph(html):
    return _block("paragraph", html)


def callout(kind, title, html):
    return _block("callout", {"kind": kind, "title": title, "text": html})


def recommendations(title, items):
    """items: (text, responsible) pairs."""
    return _block(
        "recommendations",
        {"title": title, "items": [_block("item", {"text": text, "responsible": who}) for text, who in items]},
    )


def table(rows, caption=""):
    return _block(
        "table",
        {"data": rows, "first_row_is_table_header": True, "first_col_is_header": False, "table_caption": caption},
    )


def link(title, url):
    return _block("link", {"title": title, "url": url})


def document(document_id, description=""):
    return _block("document", {"document": document_id, "description": description})


def image(image_id, alt_text):
    return _block("image", {"image": image_id, "alt_text": alt_text, "decorative": False})


def audience_route(audience, text, page_id):
    return _block("route", {"audience": audience, "text": text, "page": page_id})


def in_language(language):
    """A chooser among (Czech, Ukrainian, English) texts, so one structure serves all three languages."""
    index = {"cs": 0, "uk": 1, "en": 2}[language]
    return lambda *texts: texts[index]


def journey_step(title, html, shows=(), page_ids=()):
    """A first step of an "I am …" journey (hub.journeys.blocks.JourneyStepBlock)."""
    return _block("step", {"title": title, "text": html, "shows": list(shows), "pages": list(page_ids)})
