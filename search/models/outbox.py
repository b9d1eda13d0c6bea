"""The durable outbox: every change to what search should contain is a row until an engine took it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexUpdate(models.Model):
    class Action(models.TextChoices):
        INDEX = "index", _("index")
        DELETE = "delete", _("delete")

    page_id = models.PositiveBigIntegerField(_("page id"), db_index=True)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("pending search index update")
        verbose_name_plural = _("pending search index updates")

    def __str__(self):
        return f"{self.action} page {self.page_id}"
