"""Yearly operational goals of one CPIC branch, each with a measurable target and its status."""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from hub.core.models import HubPage, SectionIndexPage
from hub.core.validators import validate_goal_year


class OperationalGoalsPage(HubPage):
    organisation = models.ForeignKey(
        "organisations.OrganisationPage",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="goal_pages",
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[validate_goal_year])
    responsible_person = models.CharField(_("responsible for the goals"), max_length=200, blank=True)
    evaluation_method = models.TextField(_("how goals are evaluated"), blank=True)
    evaluation_deadline = models.CharField(_("when goals are evaluated"), max_length=200, blank=True)

    search_fields = HubPage.search_fields + [
        index.SearchField("evaluation_method"),
        index.FilterField("year"),
    ]
    content_panels = HubPage.content_panels + [
        FieldPanel("organisation"),
        FieldPanel("year"),
        FieldPanel("summary"),
        InlinePanel("goals", label=_("goals"), min_num=1),
        MultiFieldPanel(
            [
                FieldPanel("responsible_person"),
                FieldPanel("evaluation_method"),
                FieldPanel("evaluation_deadline"),
            ],
            heading=_("Evaluation"),
        ),
        *HubPage.taxonomy_panels,
    ]

    parent_page_types = ["goals.OperationalGoalsIndexPage", "organisations.OrganisationPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("operational goals")
        verbose_name_plural = _("operational goals")


# "at least 4 lectures", "minimálně 1x týdně", "(ideálně 4x do roka)", "10 schůzek"
MEASURABLE_TARGET_RE = re.compile(
    r"((?:minimálně|alespoň|nejméně|ideálně|každý měsíc)?\s*\d+\s*(?:x|×)?\s*[\wěščřžýáíéůúňťď]+(?:\s+(?:do roka|ročně|měsíčně|týdně|za rok))?)",
    re.IGNORECASE,
)


def find_measurable_target(text):
    """The first countable commitment in a goal's text, e.g. 'minimálně 1x týdně', or ''."""
    match = MEASURABLE_TARGET_RE.search(text)
    return match.group(1).strip() if match else ""


class OperationalGoal(Orderable):
    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        IN_PROGRESS = "in_progress", _("in progress")
        ACHIEVED = "achieved", _("achieved")
        NOT_ACHIEVED = "not_achieved", _("not achieved")

    page = ParentalKey(OperationalGoalsPage, on_delete=models.CASCADE, related_name="goals")
    text = models.TextField(_("goal"))
    target = models.CharField(
        _("measurable target"), max_length=200, blank=True, help_text=_("For example: at least 4 lectures")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    progress_notes = models.TextField(_("progress notes"), blank=True)

    panels = [FieldPanel("text"), FieldPanel("target"), FieldPanel("status"), FieldPanel("progress_notes")]

    def __str__(self):
        return self.text[:80]


class OperationalGoalsIndexPage(SectionIndexPage):
    listed_page_model = OperationalGoalsPage
    subpage_types = ["goals.OperationalGoalsPage"]
    orderings = {"title": "title", "newest": "-first_published_at", "year": "-year"}
    default_ordering = "year"
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("operational goals overview")
