"""Placeholder pictures for the demo: a coloured card with a short text (initials, a title).

Generated rather than shipped, so the demo carries no third-party photos and each organisation's
logo shows its own initials. The text is drawn in DejaVu Sans Bold, shipped in hub/demo/fonts/
(free licence in LICENSE.txt there), because Pillow's built-in font has no Czech or Ukrainian
letters and drew boxes instead ("Spole□n□ adresa").
"""

from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_PATH = Path(__file__).resolve().parent / "fonts" / "DejaVuSans-Bold.ttf"
# Dark colours, so the white text on them stays easy to read.
PALETTE = ["#0b4f8a", "#1f6f43", "#8a3b0b", "#5b2a86", "#0f6a73", "#7a1f3d"]
LOGO_SIZE = (320, 320)
PHOTO_SIZE = (1200, 675)
# The text keeps this share of the card free around it, so it never touches the edges.
MARGIN = 0.1
LINE_SPACING = 1.2


def logo_text(name):
    """An organisation's initials: "Centrum pro integraci cizinců" → "CPI"."""
    words = name.replace(",", "").split()[:3]
    return "".join(word[0] for word in words if word[0].isalnum()).upper()


def photo_text(title):
    """A good practice's title up to its dash: "Společná adresa – integrační projekt…" → "Společná adresa"."""
    return title.split("–")[0].strip()


def text_font(size):
    return ImageFont.truetype(str(FONT_PATH), size)


def colour_for(title):
    """The same title always gets the same colour, so reloading the demo changes nothing."""
    return PALETTE[sum(map(ord, title)) % len(PALETTE)]


def wrapped(text, font, width):
    """`text` broken between words into lines no wider than `width` (a long word stays whole)."""
    lines = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def fitted_lines(text, size):
    """The largest font (from a sixth of the card's height down) at which `text` fits the card."""
    width, height = (dimension * (1 - 2 * MARGIN) for dimension in size)
    font_size = max(12, size[1] // 6)
    while True:
        font = text_font(font_size)
        lines = wrapped(text, font, width)
        fits = max(font.getlength(line) for line in lines) <= width
        if font_size <= 12 or (fits and len(lines) * font_size * LINE_SPACING <= height):
            return font, lines
        font_size = int(font_size * 0.9)


def placeholder_png(text, size, colour):
    """A PNG of `size` filled with `colour`, `text` centred in white; returned as a file-like object."""
    canvas = Image.new("RGB", size, colour)
    font, lines = fitted_lines(text, size)
    ImageDraw.Draw(canvas).multiline_text(
        (size[0] / 2, size[1] / 2),
        "\n".join(lines),
        fill="#ffffff",
        font=font,
        anchor="mm",
        align="center",
        spacing=font.size * (LINE_SPACING - 1),
    )
    buffer = BytesIO()
    canvas.save(buffer, "PNG")
    return buffer
