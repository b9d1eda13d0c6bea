"""Taxonomies editors manage; they drive filters, facets and routing across every content type."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


class Term(TranslatableMixin, index.Indexed, models.Model):
    """Shared shape of every taxonomy: a translatable name and a stable slug used in URLs and facets."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"), max_length=120, help_text=_("Used in search filters and URLs; keep it stable.")
    )
    description = models.TextField(_("description"), blank=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    # The slug names the term in URLs and search filters in every language, so it never diverges.
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Region(Term):
    """One of the 14 Czech regions (kraje)."""

    code = models.CharField(
        _("region code"),
        max_length=5,
        blank=True,
        help_text=_(
            "The ISO 3166-2 code, e.g. CZ-63 for Kraj Vysočina. It places the region on the map and "
            "links it to its municipalities; keep it as it is."
        ),
    )

    # The slug and the official code name the region in every language.
    override_translatable_fields = [SynchronizedField("slug"), SynchronizedField("code")]

    class Meta(Term.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Topic(Term):
    class Meta(Term.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class TargetGroup(Term):
    class Meta(Term.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class ActorType(Term):
    """What kind of actor an organisation is: CPIC branch, NGO, municipality, state body…"""

    class SchemaType(models.TextChoices):
        """The schema.org type an organisation of this kind is published as (its page's JSON-LD)."""

        ORGANIZATION = "Organization", _("Organisation")
        GOVERNMENT = "GovernmentOrganization", _("Public authority (municipality, region, state)")
        NGO = "NGO", _("Non-governmental organisation")

    schema_org_type = models.CharField(
        _("kind of organisation for search engines"),
        max_length=40,
        choices=SchemaType.choices,
        default=SchemaType.ORGANIZATION,
    )

    # The slug and the schema.org type classify, they are not words to translate.
    override_translatable_fields = [SynchronizedField("slug"), SynchronizedField("schema_org_type")]

    class Meta(Term.Meta):
        verbose_name = _("actor type")
        verbose_name_plural = _("actor types")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
