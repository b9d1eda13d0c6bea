"""Synonyms and abbreviations editors add on top of the shipped list (search/analysis_data/)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class SynonymRule(models.Model):
    """Terms that mean the same in searches, e.g. "OSP" and "odborné sociální poradenství".

    Applied at query time, so a change takes effect on the next search without reindexing.
    """

    language = models.CharField(
        _("language"), max_length=8, choices=[("cs", "čeština"), ("uk", "українська"), ("en", "English")], default="cs"
    )
    terms = models.TextField(
        _("equivalent terms"),
        help_text=_("One term or phrase per line; the first is the abbreviation or preferred term."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True, help_text=_("Why this rule exists."))
    enabled = models.BooleanField(_("enabled"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["language", "terms"]
        verbose_name = _("synonym rule")
        verbose_name_plural = _("synonym rules")

    def __str__(self):
        return " ↔ ".join(self.term_list())

    def term_list(self):
        return [line.strip() for line in self.terms.splitlines() if line.strip()]

    def clean(self):
        if len(self.term_list()) < 2:
            raise ValidationError({"terms": _("Enter at least two terms, one per line.")})
