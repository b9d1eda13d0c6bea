"""Yearly operational goals of one CPIC branch, each with a measurable target and its status."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

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
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[validate_goal_year], help_text=_("The year the goals are set for, e.g. 2024.")
    )
    responsible_person = models.CharField(_("responsible for the goals"), max_length=200, blank=True)
    evaluation_method = models.TextField(_("how goals are evaluated"), blank=True)
    evaluation_deadline = models.CharField(_("when goals are evaluated"), max_length=200, blank=True)
    evaluation = RichTextField(
        _("evaluation of the year"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("How the goals were met, written after the year's deadline."),
    )

    override_translatable_fields = [SynchronizedField("year"), SynchronizedField("organisation")]

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
                FieldPanel("evaluation"),
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

    def clean(self):
        super().clean()
        if self.organisation_id and self.year:
            same_year = OperationalGoalsPage.objects.filter(
                organisation_id=self.organisation_id, year=self.year, locale_id=self.locale_id
            ).exclude(pk=self.pk)
            if same_year.exists():
                raise ValidationError(
                    {"year": _("This organisation already has operational goals for %(year)s.") % {"year": self.year}}
                )

    def goals_by_status(self):
        """How many goals are in each status, for the summary line above the list."""
        counts = {status: 0 for status in OperationalGoal.Status.values}
        for goal in self.goals.all():
            counts[goal.status] += 1
        return [(OperationalGoal.Status(status).label, count) for status, count in counts.items() if count]


# Countable commitments as CPIC branches write them in their yearly goals, e.g.
# "alespoň 4 přednášky", "Minimálně 1x týdně", "(ideálně 4x do roka)", "5 h / týden", "4x/rok".
_QUALIFIER = r"(?:minimálně|min\.|alespoň|nejméně|ideálně|nejvýše)"
# One to three digits not glued to other digits, so years (2024) and dates never count.
_DIGITS = r"(?<![\d.\-])\d{1,3}(?![\d])"
_NUMBER_WORDS = r"(?:jeden|jedna|jedno|jednu|jednoho|dva|dvě|dvou|tři|čtyři|pět|šest|sedm|osm|devět|deset)\b"
_TIMES = r"(?:\s*[x×](?=[\s/]|$))?"
_PERIOD = (
    r"(?:\s*/\s*(?:rok|týden|měsíc)"
    r"|\s+(?:do roka|ročně|měsíčně|týdně|za rok|za měsíc|za tři měsíce|za čtvrt roku))"
)
_WORD = r"[^\W\d_]+"
# An adjective ("4 jednorázové setkání", "1 kulturní či sportovní aktivitu") takes its noun along.
_ADJECTIVE = r"[^\W\d_]+?(?:é|ý|á|ích|ých|[^\Wáeě]ní)\b"
_ADJECTIVES = rf"{_ADJECTIVE}(?:\s+(?:či|nebo|a)\s+{_ADJECTIVE})?"
_COUNTED = rf"(?:{_PERIOD}|\s+(?:{_ADJECTIVES}\s+[^\W\d_]{{3,}}|{_WORD}){_PERIOD}?)"
_QUALIFIED_TARGET_RE = re.compile(
    rf"{_QUALIFIER}\s+(?:{_DIGITS}|{_NUMBER_WORDS}){_TIMES}{_COUNTED}", re.IGNORECASE
)
_BARE_TARGET_RE = re.compile(rf"{_DIGITS}{_TIMES}{_COUNTED}", re.IGNORECASE)


def find_measurable_target(text):
    """The countable commitment in a goal's text, e.g. 'alespoň 4 přednášky', or ''.

    A qualified commitment ("alespoň", "minimálně"…) wins over a bare number, because
    goals often mention other numbers too ("ve věkové skupině 15 až 18 let … alespoň jeden kurz").
    """
    for pattern in (_QUALIFIED_TARGET_RE, _BARE_TARGET_RE):
        match = pattern.search(text)
        if match:
            return " ".join(match.group(0).split())
    return ""


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

    def prefill_target(self):
        """Guess the measurable target from the goal's text when none is set (the one place that does)."""
        if not self.target:
            self.target = find_measurable_target(self.text)[: self._meta.get_field("target").max_length]

    def save(self, *args, **kwargs):
        # Prefill only when the goal is new: an editor who later clears a wrong guess keeps it clear.
        if self.pk is None:
            self.prefill_target()
        super().save(*args, **kwargs)


class OperationalGoalsIndexPage(SectionIndexPage):
    listed_page_model = OperationalGoalsPage
    subpage_types = ["goals.OperationalGoalsPage"]
    orderings = {"title": "title", "newest": "-first_published_at", "year": "-year"}
    default_ordering = "year"
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("operational goals overview")
