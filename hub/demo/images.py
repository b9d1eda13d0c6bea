"""Placeholder pictures for the demo: a coloured card with a short text (initials, a title).

Generated rather than shipped, so the demo carries no third-party photos and each organisation's
logo shows its own initials.
"""

from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

# Dark colours, so the white text on them stays easy to read.
PALETTE = ["#0b4f8a", "#1f6f43", "#8a3b0b", "#5b2a86", "#0f6a73", "#7a1f3d"]


def colour_for(title):
    """The same title always gets the same colour, so reloading the demo changes nothing."""
    return PALETTE[sum(map(ord, title)) % len(PALETTE)]


def placeholder_png(text, size, colour):
    """A PNG of `size` filled with `colour`, `text` centred in white; returned as a file-like object."""
    canvas = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(canvas)
    font = ImageFont.load_default(size=max(24, size[1] // 6))
    box = draw.textbbox((0, 0), text, font=font)
    position = ((size[0] - (box[2] - box[0])) / 2, (size[1] - (box[3] - box[1])) / 2)
    draw.text(position, text, fill="#ffffff", font=font)
    buffer = BytesIO()
    canvas.save(buffer, "PNG")
    return buffer
