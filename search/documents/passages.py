"""Cutting a page's sections into passages: the unit search indexes, ranks and links to.

A passage is one section of the rendered page (everything under one heading, one goal, one attached file's
page), cut further when it is long, always between sentences. Short pages stay one passage: a reader
landing at the top sees all of it anyway. Engine-neutral: search/documents/pages.py builds the sections, both
backends index the passages.
"""

import re
from dataclasses import dataclass

# A passage long enough to hold an answer with its context, short enough that its excerpt is the answer.
MAX_WORDS = 400
# A leftover shorter than this joins the passage before it rather than standing alone.
MIN_WORDS = 150
# A whole page this short is one passage (its sections and lead together).
SHORT_PAGE_WORDS = 150
# Sentence ends: ., !, ? or … followed by space; a newline also ends a sentence (list items, table rows).
SENTENCE_END_RE = re.compile(r"(?<=[.!?…])\s+|\s*\n+\s*")
# Where a run-on "sentence" (extracted text without full stops) may be cut when it alone is too long.
CLAUSE_END_RE = re.compile(r"(?<=[;:,])\s+")


@dataclass(frozen=True)
class Section:
    """A part of the rendered page a link can land on: its id ("" for the top), heading path and text."""

    anchor: str
    heading: tuple[str, ...]
    text: str
    role: str = "text"  # or "attachment": text extracted from an attached file


@dataclass(frozen=True)
class Passage:
    position: int  # order within the page, 0 first
    anchor: str
    heading: tuple[str, ...]
    text: str
    role: str = "text"


def word_count(text):
    return len(text.split())


def sentences(text):
    return [part for part in SENTENCE_END_RE.split(text) if part.strip()]


def pieces(sentence):
    """A sentence longer than MAX_WORDS in parts: at clause ends, then at word boundaries."""
    if word_count(sentence) <= MAX_WORDS:
        return [sentence]
    parts = []
    for clause in CLAUSE_END_RE.split(sentence):
        words = clause.split()
        parts += [" ".join(words[start : start + MAX_WORDS]) for start in range(0, len(words), MAX_WORDS)]
    return parts


def split_text(text):
    """`text` in chunks of at most MAX_WORDS words, cut between sentences, none shorter than MIN_WORDS
    unless the text itself is."""
    text = text.strip()
    if word_count(text) <= MAX_WORDS:
        return [text] if text else []
    chunks, current, size = [], [], 0
    for sentence in sentences(text):
        for piece in pieces(sentence):
            length = word_count(piece)
            if current and size + length > MAX_WORDS:
                chunks.append(current)
                current, size = [], 0
            current.append(piece)
            size += length
    if current:
        if chunks and size < MIN_WORDS and sum(map(word_count, chunks[-1])) + size <= MAX_WORDS + MIN_WORDS:
            chunks[-1] += current
        else:
            chunks.append(current)
    return [" ".join(chunk) for chunk in chunks]


def passages_of(sections):
    """Passages of a page from its sections, in page order."""
    sections = [section for section in sections if section.text.strip()]
    own = [section for section in sections if section.role == "text"]
    if own and sum(word_count(section.text) for section in own) <= SHORT_PAGE_WORDS:
        merged = Section(anchor="", heading=(), text="\n".join(section.text.strip() for section in own))
        sections = [merged] + [section for section in sections if section.role != "text"]
    result = []
    for section in sections:
        for chunk in split_text(section.text):
            result.append(Passage(len(result), section.anchor, section.heading, chunk, section.role))
    return result
