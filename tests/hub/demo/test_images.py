"""The demo's images with text draw real letters: every character has a glyph in the shipped font.

A missing glyph is drawn as the font's .notdef box, so a character "has a glyph" when its mask
differs from the mask of a character no font maps (a private-use code point).
"""

import pytest
from PIL import Image, ImageFont

from hub.demo.content import organisations, practices
from hub.demo.images import (
    FONT_PATH,
    LOGO_SIZE,
    MARGIN,
    PHOTO_SIZE,
    fitted_lines,
    logo_text,
    photo_text,
    placeholder_png,
    text_font,
)

CZECH = "aábcčdďeéěfghchiíjklmnňoópqrřsštťuúůvwxyýzž"
UKRAINIAN = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'"
UNMAPPED = "\ue000"


def mask_signature(font, character):
    mask = font.getmask(character)
    return mask.size, bytes(mask)


def missing_glyphs(font, text):
    notdef = mask_signature(font, UNMAPPED)
    return sorted({ch for ch in text if not ch.isspace() and mask_signature(font, ch) == notdef})


def texts_the_demo_draws():
    """(text, card size) of every logo and photo the demo generates."""
    logos = [(logo_text(data["title"]), LOGO_SIZE) for data in organisations.ORGANISATIONS]
    photos = [(photo_text(data["fields"]["title"]), PHOTO_SIZE) for data in practices.PRACTICES]
    return logos + photos


def test_the_check_catches_the_boxes_pillows_built_in_font_drew():
    built_in = ImageFont.load_default(size=40)
    assert "č" in missing_glyphs(built_in, "Společná adresa")


def test_the_font_ships_with_its_licence():
    assert FONT_PATH.is_file()
    assert "Bitstream Vera" in (FONT_PATH.parent / "LICENSE.txt").read_text()


@pytest.mark.parametrize(
    "text",
    [CZECH, CZECH.upper(), UKRAINIAN, UKRAINIAN.upper(), "0123456789 –„“()&.,"],
    ids=["czech", "czech-upper", "ukrainian", "ukrainian-upper", "digits-and-punctuation"],
)
def test_the_font_has_every_czech_and_ukrainian_letter(text):
    assert missing_glyphs(text_font(40), text) == []


def test_every_text_the_demo_draws_has_its_letters():
    texts = [text for text, _size in texts_the_demo_draws()]
    assert "Společná adresa" in texts
    assert missing_glyphs(text_font(40), "".join(texts)) == []


@pytest.mark.parametrize(("text", "size"), texts_the_demo_draws(), ids=lambda value: str(value)[:30])
def test_every_text_the_demo_draws_fits_its_card_whole(text, size):
    font, lines = fitted_lines(text, size)
    assert " ".join(lines) == text
    assert max(font.getlength(line) for line in lines) <= size[0] * (1 - 2 * MARGIN)


def test_a_placeholder_draws_the_text_in_white_on_its_colour():
    image = Image.open(placeholder_png("Společná adresa", LOGO_SIZE, "#0b4f8a"))
    colours = {colour for _count, colour in image.getcolors(maxcolors=100_000)}
    assert (255, 255, 255) in colours and (11, 79, 138) in colours
