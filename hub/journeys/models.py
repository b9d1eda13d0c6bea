"""'I am …' journeys: first steps for a municipality, a school, a new NGO, an employer or a volunteer.

Each journey is a page of steps taken from the recommendations for new actors. The steps say what
to do and which regional information helps (hub/journeys/blocks.py); combined with a region
(/cs/kraje/kraj-vysocina/obec/, hub/regions) they show that region's integration centre, trainings
and helplines.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page

from hub.core import search_schema as find
from hub.core.language_fallback import IN_DEFAULT_LANGUAGE, in_language_or_default
from hub.core.models import HubPage
from hub.journeys.blocks import JourneyStepBlock
from hub.organisations.models import Helpline


class JourneyPage(HubPage):
    audience = models.CharField(
        _("who it is for"),
        max_length=120,
        help_text=_("How the reader names themselves, e.g. Sociální pracovník obce nebo ORP"),
    )
    steps = StreamField(
        [("step", JourneyStepBlock())], blank=True, verbose_name=_("first steps")
    )

    # A journey is a signpost, not news.
    listed_as_recent = False

    search_type = "journey"
    search_fields = HubPage.search_fields + [
        # How readers name themselves ("sociální pracovník obce") is what they type: as strong as a summary.
        find.PageText("audience", find.LEAD),
        find.BodySections("steps"),
    ]
    content_panels = HubPage.content_panels + [
        FieldPanel("audience"),
        FieldPanel("summary"),
        FieldPanel("steps"),
        *HubPage.taxonomy_panels,
    ]

    parent_page_types = ["journeys.JourneyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("'I am …' journey")
        verbose_name_plural = _("'I am …' journeys")

    @property
    def route_slug(self):
        """The Czech page's slug: the journey's name in /<lang>/kraje/<region>/<journey>/ in every language."""
        original = self.get_translation_or_none(Locale.get_default())
        return (original or self).slug

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Without a region, the steps show the helplines editors put first (the footer's) and the rest.
        lines = in_language_or_default(Helpline.objects.all(), Locale.get_active())
        context["helplines"] = lines.order_by(IN_DEFAULT_LANGUAGE, "-show_in_footer", "footer_order", "name")
        return context


class JourneyIndexPage(Page):
    """The list of journeys ("I am …"), in the reader's language first, then in Czech."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["journeys.JourneyPage"]
    max_count_per_parent = 1
    show_in_menus_default = True

    class Meta:
        verbose_name = _("'I am …' journeys")

    def journeys(self):
        pages = in_language_or_default(JourneyPage.objects.live().public(), self.locale)
        return pages.order_by(IN_DEFAULT_LANGUAGE, "path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["journeys"] = self.journeys()
        return context
