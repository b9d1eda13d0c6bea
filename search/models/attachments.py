"""Text extracted from attached documents, kept per file content so a reindex does not parse PDFs again."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AttachmentText(models.Model):
    """The text of one file content (Wagtail's SHA-1 `file_hash`), or why it could not be read.

    Keyed by content, not by document: replacing a document's file gives a new hash and a fresh
    extraction, and the same file attached twice is parsed once.
    """

    file_hash = models.CharField(_("file hash"), max_length=40, unique=True)
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    text = models.TextField(_("text"), blank=True)
    error = models.TextField(_("extraction error"), blank=True)
    extracted_at = models.DateTimeField(_("extracted"), auto_now=True)

    class Meta:
        verbose_name = _("extracted attachment text")
        verbose_name_plural = _("extracted attachment texts")

    def __str__(self):
        return self.filename or self.file_hash
