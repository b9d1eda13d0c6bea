"""Yearly operational goals documents: one heading per CPIC branch, each followed by its list of goals.

Built on the cleaner's structure: the preamble gives the year, who is responsible, how and by when
goals are evaluated; each "CPIC <city>" section becomes one OperationalGoalsPage.
"""

import re
from dataclasses import dataclass, field

from hub.ingest.cleaning import BulletList, Paragraph

BRANCH_HEADING_RE = re.compile(r"^CPIC\s+\w", re.UNICODE)
YEAR_RE = re.compile(r"\b(20\d\d)\b")
GOALS_KEYWORD_RE = re.compile(r"operační(ch)?\s+cíl", re.IGNORECASE)
MIN_BRANCHES = 3
# Preamble labels ("Zodpovědná osoba za realizaci operačních cílů:") and the page field each fills.
PREAMBLE_FIELDS = {
    "responsible_person": re.compile(r"^(zodpovědn|odpovědn)", re.IGNORECASE),
    "evaluation_method": re.compile(r"^(hodnocení|vyhodnocení)", re.IGNORECASE),
    "evaluation_deadline": re.compile(r"^(termín)", re.IGNORECASE),
}


@dataclass
class BranchGoals:
    branch: str
    goals: list[str]


@dataclass
class GoalsDocument:
    title: str
    year: int | None
    introduction: str = ""
    responsible_person: str = ""
    evaluation_method: str = ""
    evaluation_deadline: str = ""
    branches: list[BranchGoals] = field(default_factory=list)


def looks_like_goals_document(document):
    """Several 'CPIC <city>' sections and the words 'operační cíle': a goals document, not a manual."""
    branch_count = sum(1 for heading in document.headings if BRANCH_HEADING_RE.match(heading))
    text = " ".join(
        [document.title, *(b.text for b in document.blocks() if isinstance(b, Paragraph))]
    )
    return branch_count >= MIN_BRANCHES and GOALS_KEYWORD_RE.search(text) is not None


def parse_goals(document):
    """The goals per branch and the shared evaluation rules of a cleaned goals document."""
    year_match = YEAR_RE.search(document.title)
    result = GoalsDocument(
        title=document.title, year=int(year_match.group(1)) if year_match else None
    )
    for section in document.sections:
        if section.heading and BRANCH_HEADING_RE.match(section.heading):
            goals = section_goals(section.blocks)
            if goals:
                result.branches.append(BranchGoals(branch=section.heading.strip(), goals=goals))
        elif not result.branches:
            read_preamble(section.blocks, result)
    return result


def section_goals(blocks):
    goals = []
    for item in blocks:
        if isinstance(item, BulletList):
            goals.extend(goal_text(entry.text, entry.children) for entry in item.items)
        elif isinstance(item, Paragraph):
            goals.append(item.text)  # an item whose bullet did not survive extraction
    return [goal for goal in goals if goal]


def goal_text(text, children):
    return "\n".join([text.strip(), *(f"– {child.strip()}" for child in children)])


def read_preamble(blocks, result):
    for index, item in enumerate(blocks):
        if not isinstance(item, Paragraph):
            continue
        if not result.introduction and not item.text.endswith(":"):
            result.introduction = item.text
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        for field_name, label in PREAMBLE_FIELDS.items():
            if label.match(item.text) and isinstance(following, BulletList):
                value = "; ".join(entry.text.rstrip(".") for entry in following.items)
                setattr(
                    result, field_name, value[:200] if field_name != "evaluation_method" else value
                )
