"""Synonym rules and the terminology glossary: the words of the field, editable in the admin.

Both are read at query time (search/vocabulary/synonyms.py, search/vocabulary/glossary.py), so an edit applies to the next
search without reindexing. The shipped rules and concepts (search/vocabulary/data/) are rows too, marked
with the key of their shipped entry, so editors see, correct and switch them off like their own.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

LANGUAGE_CHOICES = [("cs", "čeština"), ("uk", "українська"), ("en", "English")]


def lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class VocabularyEntry(models.Model):
    """What synonym rules and glossary concepts share: an on/off switch and the mark of a shipped entry."""

    enabled = models.BooleanField(_("enabled"), default=True)
    builtin_key = models.CharField(
        _("built-in"),
        max_length=200,
        blank=True,
        editable=False,
        help_text=_(
            "Set on entries shipped with Rozcestník; to retire one, switch it off rather than delete it."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True
        constraints = [
            models.UniqueConstraint(
                fields=["builtin_key"],
                condition=~models.Q(builtin_key=""),
                name="%(app_label)s_%(class)s_builtin_key",
            )
        ]

    @property
    def is_builtin(self):
        return bool(self.builtin_key)


class SynonymRule(VocabularyEntry):
    """Terms that mean the same in searches, e.g. "OSP" and "odborné sociální poradenství"."""

    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, default="cs")
    terms = models.TextField(
        _("equivalent terms"),
        help_text=_(
            "One term or phrase per line; the first is the abbreviation or preferred term."
        ),
    )
    note = models.CharField(
        _("note"), max_length=300, blank=True, help_text=_("Why this rule exists.")
    )

    panels = [
        FieldPanel("language"),
        FieldPanel("terms"),
        FieldPanel("note"),
        FieldPanel("enabled"),
    ]

    class Meta(VocabularyEntry.Meta):
        ordering = ["language", Lower("terms")]
        verbose_name = _("synonym rule")
        verbose_name_plural = _("synonym rules")

    def __str__(self):
        return " ↔ ".join(self.term_list())

    def term_list(self):
        return lines(self.terms)

    def clean(self):
        if len(self.term_list()) < 2:
            raise ValidationError({"terms": _("Enter at least two terms, one per line.")})


class GlossaryConcept(VocabularyEntry):
    """One concept of the field named in Czech, Ukrainian and English, with its abbreviations.

    A query naming the concept in any of these ways can also find text that names it in another
    language, e.g. "тимчасовий захист" finds Czech pages on "dočasná ochrana".
    """

    terms_cs = models.TextField(
        _("Czech terms"), blank=True, help_text=_("One per line; the first is the preferred term.")
    )
    terms_uk = models.TextField(
        _("Ukrainian terms"),
        blank=True,
        help_text=_("One per line; the first is the preferred term."),
    )
    terms_en = models.TextField(
        _("English terms"),
        blank=True,
        help_text=_("One per line; the first is the preferred term."),
    )
    abbreviations = models.TextField(
        _("abbreviations"),
        blank=True,
        help_text=_(
            "One per line, in any language (OSP, ТЗ, TP). Abbreviations of one or two letters only match when typed in capitals."
        ),
    )
    note = models.CharField(
        _("note"),
        max_length=300,
        blank=True,
        help_text=_("What the concept is, and where the terms come from."),
    )

    panels = [
        FieldPanel("terms_cs"),
        FieldPanel("terms_uk"),
        FieldPanel("terms_en"),
        FieldPanel("abbreviations"),
        FieldPanel("note"),
        FieldPanel("enabled"),
    ]

    class Meta(VocabularyEntry.Meta):
        ordering = [Lower("terms_cs"), Lower("terms_en")]
        verbose_name = _("glossary concept")
        verbose_name_plural = _("terminology glossary")

    def __str__(self):
        return " ↔ ".join(terms[0] for terms in self.terms_by_language().values() if terms) or "—"

    def terms_by_language(self):
        return {"cs": lines(self.terms_cs), "uk": lines(self.terms_uk), "en": lines(self.terms_en)}

    def abbreviation_list(self):
        return lines(self.abbreviations)

    def clean(self):
        if sum(1 for terms in self.terms_by_language().values() if terms) < 2:
            raise ValidationError(_("Name the concept in at least two languages."))
