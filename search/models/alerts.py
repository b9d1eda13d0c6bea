"""What e-mail alerts keep (search/alerts/): who follows which search, which publishes were worth an
alert, and hashed counters for the abuse limits.

GDPR: a subscription holds only the address, its language, the followed filters (a query string), how
often to mail, when it was made, when it was confirmed (the consent) and when it was last mailed. An
unconfirmed one is deleted after SEARCH_ALERTS_CONFIRM_DAYS. A throttle row names no address or client:
its key is a keyed hash, and it is deleted when its day is over.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from search.models.synonyms import LANGUAGE_CHOICES


class Subscription(models.Model):
    """One address following one filter set (the query string of a search feed) in one language."""

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("As soon as something is published")
        WEEKLY = "weekly", _("Once a week")

    email = models.EmailField(_("e-mail address"), db_index=True)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    query = models.CharField(_("followed search"), max_length=500, blank=True)
    frequency = models.CharField(_("frequency"), max_length=12, choices=Frequency.choices)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # The time the reader clicked the confirmation link: their consent, and the start of their alerts.
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, db_index=True)
    last_sent_at = models.DateTimeField(_("last sent"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["email", "language", "query"], name="search_alert_once_per_search")
        ]
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")

    def __str__(self):
        return f"{self.language}: {self.query}"  # never the address: it may end up in a log

    @property
    def since(self):
        """Pages published after this time are news to the subscriber."""
        return self.last_sent_at or self.confirmed_at


class SubstantialChange(models.Model):
    """A publish an editor marked as worth alerting subscribers about ("Publish and alert subscribers");
    a plain publish (a typo fixed) is not recorded and alerts nobody."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("substantial change")
        verbose_name_plural = _("substantial changes")

    def __str__(self):
        return f"{self.page_id} at {self.at:%Y-%m-%d %H:%M}"


class AlertThrottle(models.Model):
    """How many times a hashed key (an address's confirmation mails, a client's subscribe requests) was
    counted in one window; the caps read it, the daily job deletes finished windows."""

    key = models.CharField(max_length=64)
    window = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "window"], name="search_alert_throttle_window")]

    def __str__(self):
        return f"{self.key[:8]}… {self.window:%Y-%m-%d %H:%M}: {self.count}"
