"""The change log ("outbox"): every change to what search should contain, and each consumer's place in it.

An IndexUpdate row is written in the transaction that publishes, unpublishes, restricts, moves or deletes
a page, so no change is lost. Rows are numbered (their id) and kept for a while after every engine took
them: each consumer (the Elasticsearch index, each host's embedded backup copy, the worker's slow
enrichment step, a rebuild catching up) remembers how far it has read, so several consumers, a rebuild
and a copy that was away for a day all replay the same history (search/changes/outbox.py).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexUpdate(models.Model):
    class Action(models.TextChoices):
        INDEX = "index", _("index")
        DELETE = "delete", _("delete")

    page_id = models.PositiveBigIntegerField(_("page id"), db_index=True)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("search index change")
        verbose_name_plural = _("search index changes")

    def __str__(self):
        return f"{self.action} page {self.page_id}"


class IndexCursor(models.Model):
    """How far one consumer of the change log has applied it, who holds it now, and its last failure.

    `position`: every change with an id up to it is applied. `gaps`: ids below `position` that were not
    visible yet when it moved (a transaction that took its id earlier but commits later) → the time they
    were first missed; they are read again until they appear or are old enough to be rolled back.
    """

    consumer = models.CharField(_("consumer"), max_length=200, unique=True)
    position = models.BigIntegerField(_("position"), default=0)
    gaps = models.JSONField(_("gaps"), default=dict, blank=True)
    lease_owner = models.CharField(_("held by"), max_length=200, blank=True)
    lease_expires_at = models.DateTimeField(_("held until"), null=True, blank=True)
    failures = models.PositiveIntegerField(_("failures in a row"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    retry_at = models.DateTimeField(_("next retry"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["consumer"]
        verbose_name = _("search index cursor")
        verbose_name_plural = _("search index cursors")

    def __str__(self):
        return f"{self.consumer} at {self.position}"
