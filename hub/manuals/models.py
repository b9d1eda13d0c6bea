"""Methodology documents and manuals: long-form guidance with a table of contents (checked yearly)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable

from hub.core import search_schema as find
from hub.core.blocks import BodyBlock, stream_anchors
from hub.core.models import HubPage, SectionIndexPage


class ManualPage(HubPage):
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    search_type = "manual"
    search_fields = HubPage.search_fields + [find.BodySections("body")]
    content_panels = HubPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("source_documents", label=_("source documents")),
        *HubPage.taxonomy_panels,
    ]

    parent_page_types = ["manuals.ManualIndexPage", "organisations.OrganisationPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("manual")
        verbose_name_plural = _("manuals")

    def table_of_contents(self):
        return [
            {"text": block.value["text"], "anchor": anchor, "level": block.value["level"]}
            for block, anchor in zip(self.body, stream_anchors(self.body), strict=True)
            if anchor
        ]


class ManualSourceDocument(Orderable):
    """The original PDF/DOCX a manual came from; its text is indexed with the page."""

    page = ParentalKey(ManualPage, on_delete=models.CASCADE, related_name="source_documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("document")
    )

    panels = [FieldPanel("document")]


class ManualIndexPage(SectionIndexPage):
    listed_page_model = ManualPage
    subpage_types = ["manuals.ManualPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("manual library")
