"""What the editors' search console keeps: the query log, its daily counts, promoted results ("best
bets") and saved relevance checks (search/console/).

The log holds no IP address, user agent, cookie or user id: a row is a search, not a person. Its text is
normalised and masked before it is stored (search/console/privacy.py). Rows older than
SEARCH_LOG_RETENTION_DAYS are deleted; their counts live on in SearchQueryDay, which is also what the
reports read for every finished day, so a million log rows never make a report slow.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel

from search.models.synonyms import LANGUAGE_CHOICES
from search.vocabulary.analysis import analyse

# The most promoted results one query shows: more would push the organic answers off a phone's screen.
MAX_PROMOTED = 3


class SearchLogEntry(models.Model):
    """One search a reader made: a query, however many pages of results and filters it went through."""

    class Source(models.TextChoices):
        PAGE = "page", _("search page")
        API = "api", _("JSON API")

    search_id = models.CharField(_("search id"), max_length=32, unique=True)
    created_at = models.DateTimeField(_("time"), db_index=True)
    source = models.CharField(_("source"), max_length=8, choices=Source.choices)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    # The language the query was written in, when it is not `language` (a Russian question on /cs/).
    query_language = models.CharField(_("language of the query"), max_length=8, blank=True)
    query = models.CharField(_("query"), max_length=200)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    results = models.PositiveIntegerField(_("results"))
    partial = models.BooleanField(_("partial matches only"), default=False)
    cross_language = models.BooleanField(_("answered from another language"), default=False)
    meaning_only = models.BooleanField(_("found by meaning only"), default=False)
    answer_shown = models.BooleanField(_("answer box shown"), default=False)
    backend = models.CharField(_("backend"), max_length=40)
    latency_ms = models.PositiveIntegerField(_("latency (ms)"))
    clicks = models.PositiveSmallIntegerField(_("clicks"), default=0)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["language", "created_at"], name="search_log_language_time")]
        verbose_name = _("logged search")
        verbose_name_plural = _("search log")

    def __str__(self):
        return f"{self.language}: {self.query}"


class SearchClick(models.Model):
    """A result a reader opened from a logged search: its position in the list and the results page."""

    search_id = models.CharField(_("search id"), max_length=32, db_index=True)
    created_at = models.DateTimeField(_("time"), db_index=True)
    position = models.PositiveSmallIntegerField(_("position"))  # 1-based rank; 0 for a promoted result
    page = models.PositiveSmallIntegerField(_("results page"))
    promoted = models.BooleanField(_("promoted result"), default=False)
    url = models.CharField(_("address"), max_length=500)

    class Meta:
        verbose_name = _("result opened")
        verbose_name_plural = _("results opened")

    def __str__(self):
        return f"{self.search_id} #{self.position}"


class SearchQueryDay(models.Model):
    """The counts of one query in one language on one (Prague) day: what the reports read."""

    day = models.DateField(_("day"))
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    query = models.CharField(_("query"), max_length=200)
    searches = models.PositiveIntegerField(_("searches"))
    zero_results = models.PositiveIntegerField(_("searches without results"))
    # Searches with results that matched only part of the query, or only in another language, or only
    # by meaning: answered, but maybe not well.
    weakly_answered = models.PositiveIntegerField(_("searches answered only partly"))
    with_results = models.PositiveIntegerField(_("searches with results"))
    clicked = models.PositiveIntegerField(_("searches with a result opened"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "language", "query"], name="search_query_day_key")]
        indexes = [
            models.Index(fields=["language", "day"], name="search_query_day_language"),
            # The reports add today's raw counts to the summed counts of the same queries: found by key.
            models.Index(fields=["language", "query", "day"], name="search_query_day_query"),
        ]
        # Organisation editors read the reports; the raw log is for search editors (view_searchlogentry).
        permissions = [("view_search_reports", "Can view search reports")]
        verbose_name = _("daily query count")
        verbose_name_plural = _("daily query counts")

    def __str__(self):
        return f"{self.day} {self.language}: {self.query}"


class AutocompleteDay(models.Model):
    """Autocomplete requests are counted apart from searches: one per keystroke is no search."""

    day = models.DateField(_("day"))
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    requests = models.PositiveIntegerField(_("requests"), default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "language"], name="autocomplete_day_key")]
        verbose_name = _("daily autocomplete count")
        verbose_name_plural = _("daily autocomplete counts")

    def __str__(self):
        return f"{self.day} {self.language}: {self.requests}"


def terms_key(text, language):
    """What a query and its close variants share: its analysed terms (lemmatised, folded, no stop words),
    in any order, so "kurzy češtiny", "Kurz češtiny" and "čeština kurzy" meet one promotion."""
    return " ".join(sorted(set(analyse(text, language))))[:200]


class PromotedResult(models.Model):
    """A page or an external link shown above the results of a query in one language ("best bet").

    Wagtail's own search_promotions keys a promotion on a `Query` row that is one per query string for
    the whole site, with no language and no dates, and compares the string exactly. A language field
    would need a fork of that model and its admin, so this small model stands beside it instead: a
    promotion belongs to a language, matches the query's analysed terms, and runs between two dates.
    """

    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, default="cs")
    query = models.CharField(
        _("query"), max_length=200, help_text=_("Also shown for other forms of the same words, in any order.")
    )
    key = models.CharField(max_length=200, editable=False, db_index=True)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    external_url = models.URLField(_("external link"), blank=True)
    title = models.CharField(_("title"), max_length=200, blank=True, help_text=_("Required for an external link."))
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    starts_at = models.DateField(_("shown from"), null=True, blank=True)
    ends_at = models.DateField(_("shown until"), null=True, blank=True)

    panels = [
        FieldPanel("language"),
        FieldPanel("query"),
        PageChooserPanel("page"),
        FieldPanel("external_url"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
        FieldPanel("starts_at"),
        FieldPanel("ends_at"),
    ]

    class Meta:
        ordering = ["language", "query", "sort_order"]
        verbose_name = _("promoted result")
        verbose_name_plural = _("promoted results")

    def __str__(self):
        return f"{self.query} → {self.shown_title()}"

    def save(self, *args, **kwargs):
        self.key = terms_key(self.query, self.language)
        super().save(*args, **kwargs)

    def shown_title(self):
        return self.title or (self.page.title if self.page_id else self.external_url)

    def clean(self):
        if bool(self.page_id) == bool(self.external_url):
            raise ValidationError(_("Choose a page or enter an external link, not both."))
        if self.external_url and not self.title:
            raise ValidationError({"title": _("An external link needs a title.")})
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The end comes before the start.")})
        key = terms_key(self.query, self.language)
        if not key:
            raise ValidationError({"query": _("The query has no searchable words.")})
        others = PromotedResult.objects.filter(language=self.language, key=key).exclude(pk=self.pk)
        if others.count() >= MAX_PROMOTED:
            raise ValidationError(
                {"query": _("This query already has %(count)s promoted results.") % {"count": MAX_PROMOTED}}
            )


class RelevanceCheck(models.Model):
    """"This query must find this page in its first N results": run by `run_relevance_checks`, daily by
    the worker, so a change of synonyms or ranking that loses a known answer shows the same day."""

    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, default="cs")
    query = models.CharField(_("query"), max_length=200)
    # A deleted page makes the check fail, not vanish: its title stays to say what was expected.
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    page_title = models.CharField(_("expected page"), max_length=255, editable=False)
    top = models.PositiveSmallIntegerField(_("within the first"), default=5)
    note = models.CharField(_("note"), max_length=300, blank=True)
    last_run_at = models.DateTimeField(_("last run"), null=True, editable=False)
    passed = models.BooleanField(_("passed"), null=True, editable=False)
    rank = models.PositiveSmallIntegerField(_("rank found"), null=True, editable=False)

    panels = [
        FieldPanel("language"),
        FieldPanel("query"),
        PageChooserPanel("page"),
        FieldPanel("top"),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["language", "query"]
        verbose_name = _("relevance check")
        verbose_name_plural = _("relevance checks")

    def __str__(self):
        return f"{self.query} → {self.page_title}"

    def save(self, *args, **kwargs):
        if self.page_id:
            self.page_title = self.page.title
        super().save(*args, **kwargs)
