"""Passage vectors, kept by the text they were computed from, so no passage is embedded twice."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PassageEmbedding(models.Model):
    """The vector one model gave one passage text (float32 bytes, little-endian).

    Keyed by (model name, SHA-256 of the exact text): a rebuild of an unchanged site finds every vector
    here and embeds nothing, an edited passage gets a new hash, and another model gets rows of its own
    instead of vectors from a foreign space. Rows of texts no page holds any more are harmless and can
    be pruned by age (`created_at`).
    """

    model_name = models.CharField(_("model"), max_length=100)
    text_hash = models.CharField(_("text hash"), max_length=64)
    dimensions = models.PositiveSmallIntegerField(_("dimensions"))
    vector = models.BinaryField(_("vector"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["model_name", "text_hash"], name="passage_embedding_key"
            )
        ]
        verbose_name = _("passage embedding")
        verbose_name_plural = _("passage embeddings")

    def __str__(self):
        return f"{self.model_name} {self.text_hash[:12]}"


class EmbeddingTask(models.Model):
    """A page whose passages the embedding cache lacks: the backlog every worker shares.

    Workers take pages with SELECT … FOR UPDATE SKIP LOCKED and hold them under a lease
    (search/changes/backlog.py), so no two embed one page at once and the pages of a killed worker go to
    another once its lease ends; what it had embedded is in the cache already.
    """

    page_id = models.PositiveBigIntegerField(_("page id"), unique=True)
    # Newest first: a page published today is searched for sooner than one from years ago.
    published_at = models.DateTimeField(null=True, blank=True)
    lease_owner = models.CharField(_("held by"), max_length=200, blank=True)
    lease_expires_at = models.DateTimeField(_("held until"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-published_at", "id"]
        verbose_name = _("page to embed")
        verbose_name_plural = _("pages to embed")

    def __str__(self):
        return f"embed page {self.page_id}"
