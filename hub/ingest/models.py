"""What was imported from which file under which page, so importing the same file again updates its pages.

A file is recognised by name or content only under the page it was imported to: an editor who imports
a file named like another organisation's never reaches that organisation's pages.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageKind(models.TextChoices):
    MANUAL = "manual", _("manual")
    GOALS = "goals", _("operational goals")
    GOOD_PRACTICE = "good_practice", _("good practice")


class ImportedFile(models.Model):
    """One source file (by name and checksum) imported under one parent page, and the Wagtail document
    that keeps its latest version."""

    parent = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("imported under"),
        null=True,  # rows from before imports were tied to their parent; filled by migration 0002
        on_delete=models.CASCADE,
        related_name="+",
    )
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
                fields=["parent", "source_name"], name="ingest_unique_source_per_parent"
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


class DocumentText(models.Model):
    """The text of one file content (Wagtail's SHA-1 `file_hash`), page by page, or why it could not
    be read; extracted once when a document is uploaded or replaced, read by search.

    Keyed by content, not by document: replacing a document's file gives a new hash and a fresh
    extraction, and the same file uploaded twice is read once.
    """

    file_hash = models.CharField(_("file hash"), max_length=40, unique=True)
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    # [[page number (PDF) or null, text], …] in reading order.
    pages = models.JSONField(_("text per page"), default=list, blank=True)
    error = models.TextField(_("extraction error"), blank=True)
    extracted_at = models.DateTimeField(_("extracted"), auto_now=True)

    class Meta:
        verbose_name = _("extracted document text")
        verbose_name_plural = _("extracted document texts")

    def __str__(self):
        return self.filename or self.file_hash
