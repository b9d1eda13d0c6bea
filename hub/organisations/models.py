"""Organisations (CPIC branches, NGOs, municipalities, state bodies) and the helplines they run.

An organisation's contacts are structured (phone, e-mail, street, postal code, town, opening hours,
languages), so pages can dial, mail and map them and publish them as schema.org data; its other
offices have the same contacts of their own.
"""

from operator import attrgetter

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from hub.core import search_schema as find
from hub.core.collation import sorted_by_name
from hub.core.forms import HubPageForm, TranslatedChoicesMixin
from hub.core.freshness import Checked
from hub.core.languages import SpokenLanguagesField, language_names
from hub.core.models import HubPage, SectionIndexPage
from hub.core.validators import validate_phone
from hub.organisations.contacts import ContactDetails, contact_panels
from hub.organisations.structured_data import organisation_json_ld

# The actor type whose organisations are the regions' integration centres (CPIC). Editors manage
# actor types as terms; this one's slug is what the regional signpost and the checks below rely on.
INTEGRATION_CENTRE_SLUG = "cpic"
# A helpline in the footer of every page must be worth the space: editors pick at most this many.
MAX_FOOTER_HELPLINES = 3


class HelplineForm(TranslatedChoicesMixin, WagtailAdminModelForm):
    """The regions a line serves are offered once, as checkboxes named in the helpline's language."""


class Helpline(TranslatableMixin, Checked, index.Indexed, models.Model):
    """A phone line or web service for foreigners or the people helping them; reusable anywhere."""

    freshness_key = "helpline"

    name = models.CharField(_("name"), max_length=200)
    operator = models.CharField(_("operator"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[validate_phone])
    languages = SpokenLanguagesField(_("languages"), help_text=_("Languages callers can use on the line."))
    hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    url = models.URLField(_("web"), blank=True)
    description = models.TextField(_("description"), blank=True)
    regions = models.ManyToManyField(
        "taxonomy.Region",
        blank=True,
        verbose_name=_("regions"),
        help_text=_("Leave empty for a line that serves the whole country."),
    )
    show_in_footer = models.BooleanField(
        _("show in footer"),
        default=False,
        help_text=_("The most important lines appear at the foot of every page (three at most)."),
    )
    footer_order = models.PositiveSmallIntegerField(
        _("order in the footer"), default=0, help_text=_("Lower numbers come first.")
    )

    # A number, a web address, languages and the footer choice are the same in every language.
    override_translatable_fields = [
        SynchronizedField("phone"),
        SynchronizedField("url"),
        SynchronizedField("show_in_footer"),
        SynchronizedField("footer_order"),
        SynchronizedField("last_checked"),
        SynchronizedField("check_by"),
    ]

    base_form_class = HelplineForm
    panels = [
        FieldPanel("name"),
        FieldPanel("operator"),
        FieldPanel("phone"),
        FieldPanel("languages"),
        FieldPanel("hours"),
        FieldPanel("url"),
        FieldPanel("description"),
        FieldPanel("regions"),
        FieldRowPanel([FieldPanel("show_in_footer"), FieldPanel("footer_order")]),
        *Checked.freshness_panels,
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

    def clean(self):
        super().clean()
        if not self.show_in_footer:
            return
        others = Helpline.objects.filter(show_in_footer=True, locale_id=self.locale_id)
        if self.translation_key:
            others = others.exclude(translation_key=self.translation_key)
        others = list(others.order_by("footer_order", "name").values_list("name", flat=True))
        if len(others) >= MAX_FOOTER_HELPLINES:
            raise ValidationError(
                {
                    "show_in_footer": _(
                        "The footer already shows %(count)s helplines (%(names)s). Take one of them "
                        "out of the footer first."
                    )
                    % {"count": len(others), "names": ", ".join(others)}
                }
            )

    @property
    def language_names(self):
        return language_names(self.languages)


class OrganisationPageForm(HubPageForm):
    """An integration centre must say which region it serves: the regional signpost finds it by that."""

    def clean(self):
        cleaned_data = super().clean()
        actor_type = cleaned_data.get("actor_type")
        if actor_type and actor_type.slug == INTEGRATION_CENTRE_SLUG and not cleaned_data.get("regions"):
            self.add_error("regions", _("Choose the region this integration centre serves."))
        return cleaned_data


class OrganisationPage(ContactDetails, HubPage):
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
    website = models.URLField(_("web"), blank=True, help_text=_("The organisation's official website."))
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
    # Opening hours are words ("Po–Čt") and are translated.
    override_translatable_fields = [
        *ContactDetails.synchronised_fields,
        SynchronizedField("website"),
        SynchronizedField("last_checked"),
        SynchronizedField("check_by"),
        SynchronizedField("actor_type"),
        SynchronizedField("operator"),
        SynchronizedField("logo"),
    ]

    search_type = "organisation"
    base_form_class = OrganisationPageForm
    search_fields = HubPage.search_fields + [
        find.PageText("address", find.LABEL),
        find.PageText("phone", find.FACT),
        find.PageText("email", find.FACT),
        find.PageText("languages_spoken", find.FACT),
        find.TermLabels("actor_type"),
        # A branch's other offices and contact points: readers look them up by town.
        find.RowText("places", {"label": find.LABEL, "address": find.LABEL, "phone": find.FACT}),
        find.RowText("helplines", {"name": find.LABEL, "phone": find.FACT}),
        find.FieldSection("services", anchor="services", heading=_("Services")),
        find.PageFacet("organisation", "operator", _("Organisation")),
    ]
    content_panels = HubPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("actor_type"),
        FieldPanel("operator"),
        FieldPanel("logo"),
        FieldPanel("services"),
        MultiFieldPanel(
            [*contact_panels(), FieldPanel("website")],
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

    def clean(self):
        super().clean()
        self.clean_contacts()

    def search_year(self):
        """A directory entry is about no year: organisations have no value in the "Year" filter."""
        return None

    @property
    def languages_spoken(self):
        """The languages spoken, named in the active language (text for search and listings)."""
        return ", ".join(self.language_names)

    def structured_data(self, request=None):
        """schema.org Organization / GovernmentOrganization / NGO data for the page's JSON-LD."""
        return organisation_json_ld(self, request)

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


class OrganisationPlace(ContactDetails, Orderable):
    """A further office or contact point, e.g. a CPIC's detached workplace in another town."""

    page = ParentalKey(OrganisationPage, on_delete=models.CASCADE, related_name="places")
    label = models.CharField(_("name"), max_length=200, help_text=_("For example: Kontaktní místo Rakovník"))
    # An office without a town cannot be found; the organisation's own address may be left empty.
    town = models.CharField(_("town"), max_length=100)

    panels = [FieldPanel("label"), *contact_panels()]

    class Meta(Orderable.Meta):
        verbose_name = _("office or contact point")
        verbose_name_plural = _("offices and contact points")

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        self.clean_contacts()


class OrganisationIndexPage(SectionIndexPage):
    listed_page_model = OrganisationPage
    subpage_types = ["organisations.OrganisationPage"]
    max_count_per_parent = 1

    def listed_queryset(self):
        return super().listed_queryset().select_related("actor_type")  # named on every card

    class Meta:
        verbose_name = _("organisation directory")
