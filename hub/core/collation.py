"""Sorting names the way a language's dictionary does, without ICU (not installable everywhere).

Czech treats č, ř, š, ž and "ch" as letters of their own (č after c, ch after h) and other
diacritics (á, ě, ů…) as secondary: "Čáslav" comes after "Cvikov", "Dočasná" before "Domácí",
"Charita" after "Hradec". Other languages get letters first and diacritics second.
"""

import unicodedata

CZECH_ALPHABET = "a b c č d e f g h ch i j k l m n o p q r ř s š t u v w x y z ž".split()
CZECH_RANKS = {letter: rank for rank, letter in enumerate(CZECH_ALPHABET)}
# Spaces, digits and punctuation sort before letters; letters outside the alphabet after it.
OTHER_LETTER_OFFSET = len(CZECH_ALPHABET)


def without_diacritics(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def czech_sort_key(text):
    text = unicodedata.normalize("NFC", text.casefold())
    primary, secondary = [], []
    position = 0
    while position < len(text):
        if text.startswith("ch", position):
            primary.append(CZECH_RANKS["ch"])
            secondary.append(0)
            position += 2
            continue
        character = text[position]
        base = without_diacritics(character)
        if character in CZECH_RANKS:
            primary.append(CZECH_RANKS[character])
            secondary.append(0)
        elif base in CZECH_RANKS:
            primary.append(CZECH_RANKS[base])
            secondary.append(1)
        elif character.isalpha():
            primary.append(OTHER_LETTER_OFFSET + ord(base[:1] or character))
            secondary.append(0)
        else:
            primary.append(ord(character) - 0x110000)  # negative: before every letter
            secondary.append(0)
        position += 1
    return (primary, secondary)


def sort_key(text, language_code="cs"):
    """A key that orders `text` as readers of `language_code` expect."""
    if language_code == "cs":
        return czech_sort_key(text)
    return (without_diacritics(text).casefold(), text.casefold())
