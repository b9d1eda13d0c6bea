"""Good practice: what a municipality or NGO did, where, for whom, and what came of it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail_localize.fields import SynchronizedField

from hub.core import search_schema as find
from hub.core.blocks import BodyBlock, LinkBlock, VideoBlock
from hub.core.models import HubPage, SectionIndexPage
from hub.core.validators import validate_date_range


class GoodPracticePage(HubPage):
    municipality = models.CharField(_("municipality"), max_length=200, blank=True)
    organisations = ParentalManyToManyField(
        "organisations.OrganisationPage", blank=True, verbose_name=_("organisations involved")
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True, help_text=_("Leave empty if it still runs."))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("what was done"))
    outcomes = RichTextField(_("outcomes"), blank=True, features=["bold", "italic", "link", "ul", "ol"])
    funding_source = models.CharField(_("funding source"), max_length=300, blank=True)
    contact = models.TextField(_("contact"), blank=True)
    links = StreamField(
        [("link", LinkBlock()), ("video", VideoBlock())],
        blank=True,
        verbose_name=_("links and videos"),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # Names, numbers and e-mail addresses of contact people read the same in every language.
    override_translatable_fields = [SynchronizedField("contact"), SynchronizedField("photo")]

    search_type = "good_practice"
    search_fields = HubPage.search_fields + [
        find.PageText("municipality", find.LABEL),
        find.PageText("funding_source", find.FACT),
        find.PageText("contact", find.FACT),
        find.BodySections("body"),
        find.FieldSection("outcomes", anchor="outcomes", heading=_("Outcomes")),
        find.PageFacet("organisation", "organisations", _("Organisation")),
    ]
    content_panels = HubPage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("municipality"),
                FieldPanel("organisations"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            ],
            heading=_("Where, who, when"),
        ),
        FieldPanel("photo"),
        FieldPanel("body"),
        FieldPanel("outcomes"),
        FieldPanel("funding_source"),
        FieldPanel("contact"),
        FieldPanel("links"),
        *HubPage.taxonomy_panels,
    ]

    parent_page_types = ["practices.GoodPracticeIndexPage", "organisations.OrganisationPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")

    def search_year(self):
        """A good practice is filed under the year it began, when editors say so."""
        return self.start_date.year if self.start_date else super().search_year()

    def clean(self):
        super().clean()
        validate_date_range(self.start_date, self.end_date)


class GoodPracticeIndexPage(SectionIndexPage):
    listed_page_model = GoodPracticePage
    subpage_types = ["practices.GoodPracticePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("good practice collection")
