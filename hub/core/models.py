"""The home page and the base every content page shares: summary, taxonomies, review dates."""

from urllib.parse import urlencode

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from hub.core import blocks as hub_blocks
from hub.core import search_schema as find
from hub.core.forms import HubPageForm
from hub.core.freshness import Checked
from hub.core.language_fallback import in_language_or_default
from hub.core.listing import filter_listing, paginate_listing

# The taxonomy terms every content page carries (HubPage), shown on its card in listings.
TAXONOMY_FIELDS = ("regions", "topics", "target_groups")


class HubPage(Checked, Page):
    """Fields every piece of content carries, so search, facets and listings treat them alike.

    `search_fields` declares what readers can find (hub/core/search_schema.py); each content type adds
    its own texts, sections and facets, and names itself with `search_type` (None: not searchable).
    """

    # The stable key of a content type in the search index, its ?type= filter and the JSON API.
    search_type = None

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=600,
        help_text=_("Two or three sentences shown in listings and search results."),
    )
    regions = ParentalManyToManyField("taxonomy.Region", blank=True, verbose_name=_("regions"))
    topics = ParentalManyToManyField("taxonomy.Topic", blank=True, verbose_name=_("topics"))
    target_groups = ParentalManyToManyField(
        "taxonomy.TargetGroup", blank=True, verbose_name=_("target groups")
    )

    @property
    def freshness_key(self):
        """Pages are checked at their search type's interval (settings.FRESHNESS_CHECK_MONTHS)."""
        return self.search_type

    # Whether the home page's "Recently published" lists pages of this type; a directory entry
    # (an organisation profile) is not news, so its type turns this off.
    listed_as_recent = True

    search_fields = Page.search_fields + [
        index.SearchField("title", boost=find.TITLE.boost),
        find.PageText("summary", find.LEAD),
        find.TermFacet("region", "regions", _("Region")),
        find.TermFacet("topic", "topics", _("Topic")),
        find.TermFacet("target_group", "target_groups", _("Target group")),
        find.OwnerFacet("organisation", "organisations.OrganisationPage", _("Organisation")),
        find.ValueFacet("year", "search_year", _("Year")),
        find.AttachmentSections(),
    ]
    base_form_class = HubPageForm

    taxonomy_panels = [
        MultiFieldPanel(
            [
                FieldPanel("regions"),
                FieldPanel("topics"),
                FieldPanel("target_groups"),
            ],
            heading=_("Classification"),
        ),
        *Checked.freshness_panels,
    ]

    class Meta:
        abstract = True

    @property
    def content_type_label(self):
        return self._meta.verbose_name

    def search_year(self):
        """The year a reader filters by: the year of first publication, unless a type knows better."""
        published = self.first_published_at or self.last_published_at
        return published.year if published else None

    def attached_documents(self):
        """Wagtail documents attached to this page: source documents and document blocks in the body."""
        documents = []
        if hasattr(self, "source_documents"):
            documents += [link.document for link in self.source_documents.all()]
        for block in getattr(self, "body", None) or []:
            if block.block_type == "document" and block.value["document"]:
                documents.append(block.value["document"])
        return documents


class HomePage(Page):
    """Routes a newcomer: who are you (municipality, new NGO, social worker) and where to start."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    audience_routes = StreamField(
        [("route", hub_blocks.AudienceRouteBlock())],
        blank=True,
        verbose_name=_("routes for newcomers"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("audience_routes"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "organisations.OrganisationIndexPage",
        "manuals.ManualIndexPage",
        "practices.GoodPracticeIndexPage",
        "goals.OperationalGoalsIndexPage",
        "events.EventIndexPage",
        "journeys.JourneyIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")


class SectionIndexPage(Page):
    """A section landing page listing every live page of one type, filterable.

    Content lives under the organisation that owns it (for per-organisation permissions);
    the section page gathers it from the whole tree, so readers browse by type. A translated
    section lists its language's pages first, then the Czech pages not yet translated
    (hub.core.language_fallback), so no language meets an empty section while Czech content exists.
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    listed_page_model = None  # set by each section
    default_ordering = "title"
    orderings = {"title": "title", "newest": "-first_published_at"}
    per_page = 20

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["core.HomePage"]
    show_in_menus_default = True

    class Meta:
        abstract = True

    def listed_queryset(self):
        """Every page this section lists (in the reader's language, then Czech ones not translated
        yet: hub.core.language_fallback), unordered; a section may annotate what its orderings use."""
        pages = self.listed_page_model.objects.live().public().select_related("locale")
        # Every card names its terms: fetch them per listing page, not per card.
        return in_language_or_default(pages.prefetch_related(*TAXONOMY_FIELDS), self.locale)

    def listed_pages(self, request):
        return filter_listing(
            self.listed_queryset(),
            request.GET,
            locale=self.locale,
            orderings=self.orderings,
            default_ordering=self.default_ordering,
            language_first=True,
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = self.listed_pages(request)
        context["listing"] = listing
        # The section's Atom feed (search/web/feeds.py) follows the same filters.
        feed = {"type": self.listed_page_model.search_type, "region": listing.selected_region, "topic": listing.selected_topic}
        context["feed_query"] = urlencode({name: value for name, value in feed.items() if value})
        context["page_obj"] = paginate_listing(listing.pages, request.GET.get("page"), self.per_page)
        return context


class TranslationRequest(models.Model):
    """Readers asking for a page in their language: one row per page and language, with a count.

    Editors see the counts in the admin (Reports → Translation requests) and translate what is
    asked for most. No reader data is kept: only how often and when last.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", verbose_name=_("language")
    )
    count = models.PositiveIntegerField(_("requests"), default=0)
    last_requested_at = models.DateTimeField(_("last requested"), auto_now=True)

    class Meta:
        verbose_name = _("translation request")
        verbose_name_plural = _("translation requests")
        constraints = [
            models.UniqueConstraint(fields=["page", "locale"], name="one_translation_request_per_language")
        ]

    def __str__(self):
        return f"{self.page} → {self.locale}"

    @classmethod
    def record(cls, page, locale):
        """Count one more request for `page` in `locale` (safe under concurrent requests)."""
        request, _created = cls.objects.get_or_create(page=page, locale=locale)
        cls.objects.filter(pk=request.pk).update(
            count=models.F("count") + 1, last_requested_at=timezone.now()
        )


class CheckReminder(models.Model):
    """A page's editors were reminded, in the ISO week starting `week`, that it is past its check-by date.

    One row per page and week keeps the daily reminder run from mailing twice (hub/organisations/reminders.py).
    Who was mailed is not kept: the organisation's editor group says that.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    week = models.DateField(_("week"), help_text=_("The Monday of the ISO week the reminder was sent in."))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("check reminder")
        verbose_name_plural = _("check reminders")
        constraints = [models.UniqueConstraint(fields=["page", "week"], name="one_check_reminder_per_page_and_week")]

    def __str__(self):
        return f"{self.page} ({self.week})"
