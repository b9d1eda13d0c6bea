"""Yearly operational goals documents: one heading per CPIC branch, each followed by its list of goals.

Built on the cleaner's structure: the preamble gives the year, who is responsible, how and by when
goals are evaluated; each "CPIC <city>" section becomes one OperationalGoalsPage. `plan_goals_pages`
decides which pages an import creates or updates; the importer only carries the plans out.
"""

import re
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _

from hub.goals.models import OperationalGoal, OperationalGoalsPage
from hub.ingest.document import BulletList, Paragraph
from hub.ingest.extraction import ExtractionError
from hub.ingest.plans import PagePlan
from hub.ingest.streamfield import shorten
from hub.organisations.models import OrganisationPage

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


def plan_goals_pages(document, filename, parent, may_edit):
    """A PagePlan per CPIC branch of a goals document.

    Under an organisation page only that organisation's branch is imported: its editors may not
    publish goals in another organisation's name. An organisation has one goals page a year
    (OperationalGoalsPage.clean), wherever editors keep it: the import updates that page when
    `may_edit(page)` allows it, and otherwise says it may not.
    """
    goals_document = parse_goals(document)
    if not goals_document.branches:
        raise ExtractionError(filename, _("no “CPIC …” sections with goals were found"))
    if goals_document.year is None:
        raise ExtractionError(filename, _("the title does not say which year the goals are for"))
    branches = [
        (branch, find_organisation(branch.branch, parent.locale))
        for branch in goals_document.branches
    ]
    if isinstance(parent, OrganisationPage):
        branches = [
            (branch, organisation)
            for branch, organisation in branches
            if organisation and organisation.translation_key == parent.translation_key
        ]
        if not branches:
            raise ExtractionError(
                filename,
                _("the document has no goals for “%(organisation)s”")
                % {"organisation": parent.title},
            )
    return [
        PagePlan(
            branch.branch,
            goals_title(branch.branch, goals_document.year, parent.locale),
            goals_filler(goals_document, branch, organisation),
            existing_goals_page(organisation, goals_document.year, may_edit, filename),
        )
        for branch, organisation in branches
    ]


def goals_title(branch, year, locale):
    with translation.override(locale.language_code):  # the page's language, not the editor's
        return _("%(branch)s: operational goals %(year)s") % {"branch": branch, "year": year}


def existing_goals_page(organisation, year, may_edit, filename):
    if organisation is None:
        return None
    page = OperationalGoalsPage.objects.filter(
        organisation=organisation, year=year, locale=organisation.locale
    ).first()
    if page is None or may_edit(page):
        return page
    raise ExtractionError(
        filename,
        _("“%(organisation)s” already has operational goals for %(year)s, and you may not edit them")
        % {"organisation": organisation.title, "year": year},
    )


def goals_filler(goals_document, branch, organisation):
    def fill(page):
        page.year = goals_document.year
        page.summary = shorten(goals_document.introduction)
        page.responsible_person = goals_document.responsible_person
        page.evaluation_method = goals_document.evaluation_method
        page.evaluation_deadline = goals_document.evaluation_deadline
        page.organisation = page.organisation or organisation
        # Keep what editors recorded about a goal whose wording did not change.
        previous = {goal.text: goal for goal in page.goals.all()} if page.pk else {}
        goals = []
        for text in branch.goals:
            kept = previous.get(text)
            goal = OperationalGoal(
                text=text,
                target=kept.target if kept else "",
                status=kept.status if kept else OperationalGoal.Status.PLANNED,
                progress_notes=kept.progress_notes if kept else "",
            )
            goal.prefill_target()
            goals.append(goal)
        page.goals = goals

    return fill


def find_organisation(branch, locale):
    """The organisation page for a CPIC branch: titled exactly like it, or naming its city and CPIC."""
    organisations = OrganisationPage.objects.filter(locale=locale)
    exact = organisations.filter(title__iexact=branch).first()
    if exact:
        return exact
    city = branch.split(maxsplit=1)[-1]
    return organisations.filter(title__icontains=city).filter(title__icontains="CPIC").first()
