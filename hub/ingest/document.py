"""The structure a cleaned document has: a title and headed sections of paragraphs, lists and tables.

The shared vocabulary of hub/ingest: `structure` builds it, `goals` reads operational goals from it and
`streamfield` turns it into a page body.
"""

from dataclasses import dataclass, field


@dataclass
class Paragraph:
    text: str
    subtitle: bool = False  # the line under the title: organisation, version, date


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
        """The first paragraph of running text (not the subtitle), or None."""
        return next(
            (
                block
                for block in self.blocks()
                if isinstance(block, Paragraph) and not block.subtitle
            ),
            None,
        )

    def without(self, removed):
        """A copy without the block `removed`, dropping a section left with neither heading nor text."""
        sections = [
            Section(
                section.heading,
                section.level,
                [block for block in section.blocks if block is not removed],
            )
            for section in self.sections
        ]
        return CleanDocument(
            self.title, [section for section in sections if section.heading or section.blocks]
        )
