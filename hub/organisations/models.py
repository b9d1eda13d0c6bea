"""Organisations (CPIC branches, NGOs, municipalities, state bodies) and the helplines they run."""

from operator import attrgetter

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from hub.core.collation import sorted_by_name
from hub.core.models import HubPage, SectionIndexPage
from hub.core.validators import validate_phone


class Helpline(TranslatableMixin, index.Indexed, models.Model):
    """A phone line or web service for foreigners or the people helping them; reusable anywhere."""

    name = models.CharField(_("name"), max_length=200)
    operator = models.CharField(_("operator"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[validate_phone])
    languages = models.CharField(
        _("languages"), max_length=200, blank=True, help_text=_("For example: čeština, ukrajinština, angličtina")
    )
    hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    url = models.URLField(_("web"), blank=True)
    description = models.TextField(_("description"), blank=True)
    show_in_footer = models.BooleanField(
        _("show in footer"), default=False, help_text=_("Key helplines appear at the foot of every page.")
    )

    # A number, a web address and the footer choice are the same in every language.
    override_translatable_fields = [
        SynchronizedField("phone"),
        SynchronizedField("url"),
        SynchronizedField("show_in_footer"),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("operator"),
        FieldPanel("phone"),
        FieldPanel("languages"),
        FieldPanel("hours"),
        FieldPanel("url"),
        FieldPanel("description"),
        FieldPanel("show_in_footer"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("operator"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("helpline")
        verbose_name_plural = _("helplines")
        ordering = ["name"]

    def __str__(self):
        return self.name


class OrganisationPage(HubPage):
    """A CPIC branch, NGO, municipality or state body; its own content lives beneath it."""

    actor_type = models.ForeignKey(
        "taxonomy.ActorType",
        verbose_name=_("actor type"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    operator = models.ForeignKey(
        "organisations.OrganisationPage",
        verbose_name=_("operator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="operated_branches",
        help_text=_("For a CPIC branch: the organisation that runs it (e.g. SUZ MV, a region, an NGO)."),
    )
    services = RichTextField(_("services"), blank=True, features=["bold", "italic", "link", "ul", "ol"])
    languages_spoken = models.CharField(_("languages spoken"), max_length=300, blank=True)
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[validate_phone])
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("web"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    helplines = ParentalManyToManyField(Helpline, blank=True, verbose_name=_("helplines"))

    # A directory entry, not news: not in the home page's "Recently published".
    listed_as_recent = False

    # Contacts are facts, not prose: a translation shows the same numbers and addresses.
    override_translatable_fields = [
        SynchronizedField("address"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        SynchronizedField("website"),
        SynchronizedField("actor_type"),
        SynchronizedField("operator"),
        SynchronizedField("logo"),
        TranslatableField("languages_spoken"),
    ]

    search_fields = HubPage.search_fields + [
        index.SearchField("services"),
        index.SearchField("address"),
        index.SearchField("languages_spoken"),
    ]
    content_panels = HubPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("actor_type"),
        FieldPanel("operator"),
        FieldPanel("logo"),
        FieldPanel("services"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("website"),
                FieldPanel("languages_spoken"),
            ],
            heading=_("Contact"),
        ),
        InlinePanel("places", label=_("other offices and contact points")),
        FieldPanel("helplines"),
        *HubPage.taxonomy_panels,
    ]

    parent_page_types = ["organisations.OrganisationIndexPage"]
    subpage_types = [
        "manuals.ManualPage",
        "practices.GoodPracticePage",
        "goals.OperationalGoalsPage",
        "events.EventPage",
    ]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def live_branches(self):
        """CPIC branches and other organisations this one operates, in the same language."""
        # `operator` is synchronised across languages, so a translated branch still points at
        # the Czech operator page: match on the translation key instead of the page itself.
        branches = OrganisationPage.objects.live().filter(
            operator__translation_key=self.translation_key, locale=self.locale
        )
        return sorted_by_name(branches, attrgetter("title"), self.locale.language_code)

    def owned_content(self):
        """Manuals, good practice, goals and events this organisation publishes (its subtree)."""
        return self.get_children().live().specific().order_by("-first_published_at")


class OrganisationPlace(Orderable):
    """A further office or contact point, e.g. a CPIC's detached workplace in another town."""

    page = ParentalKey(OrganisationPage, on_delete=models.CASCADE, related_name="places")
    label = models.CharField(_("name"), max_length=200, help_text=_("For example: Kontaktní místo Rakovník"))
    address = models.TextField(_("address"))
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[validate_phone])
    email = models.EmailField(_("e-mail"), blank=True)
    hours = models.CharField(_("opening hours"), max_length=200, blank=True)

    panels = [
        FieldPanel("label"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("hours"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("office or contact point")
        verbose_name_plural = _("offices and contact points")

    def __str__(self):
        return self.label


class OrganisationIndexPage(SectionIndexPage):
    listed_page_model = OrganisationPage
    subpage_types = ["organisations.OrganisationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("organisation directory")
