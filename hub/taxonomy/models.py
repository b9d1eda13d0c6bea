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

    class Meta(Term.Meta):
        verbose_name = _("actor type")
        verbose_name_plural = _("actor types")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
