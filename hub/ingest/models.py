"""What was imported from which file, so importing the same file again updates its pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageKind(models.TextChoices):
    MANUAL = "manual", _("manual")
    GOALS = "goals", _("operational goals")
    GOOD_PRACTICE = "good_practice", _("good practice")


class ImportedFile(models.Model):
    """One source file (by name and checksum, per locale) and the Wagtail document that keeps it."""

    source_name = models.CharField(_("file name"), max_length=255)
    checksum = models.CharField(_("SHA-256 checksum"), max_length=64, db_index=True)
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("imported as"), max_length=20, choices=PageKind.choices)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("original file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("first imported"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last imported"), auto_now=True)

    class Meta:
        verbose_name = _("imported file")
        verbose_name_plural = _("imported files")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "source_name"], name="ingest_unique_source_per_locale"
            )
        ]

    def __str__(self):
        return self.source_name


class ImportedPage(models.Model):
    """A page made from an imported file; `key` tells pages of one file apart (the CPIC branch for goals)."""

    source = models.ForeignKey(ImportedFile, on_delete=models.CASCADE, related_name="pages")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "key"], name="ingest_unique_page_key")
        ]

    def __str__(self):
        return f"{self.source} → {self.key or self.page_id}"
