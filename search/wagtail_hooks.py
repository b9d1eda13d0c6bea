"""Admin: the search vocabulary (synonym rules and the terminology glossary) as editable snippets, the
search console (what readers search for, promoted results, relevance checks), a dashboard warning when
semantic search is off because its model could not load, how far embedding has got while passages
still lack their vectors, and of e-mail alerts the "Publish and alert subscribers" button and the
counts of subscriptions."""

from datetime import timedelta

from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.timesince import timeuntil
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from hub.core.admin_columns import YesNoColumn
from search.alerts.admin import AlertCountsPanel, subscription_counts
from search.alerts.publishing import PublishAndAlertMenuItem, record_substantial_change
from search.changes.embedding_progress import embedding_progress
from search.console import admin as console
from search.models import GlossaryConcept, PromotedResult, RelevanceCheck, SynonymRule
from search.vectors.embedding import embedder_problem


class SynonymRuleViewSet(SnippetViewSet):
    model = SynonymRule
    add_view_class = console.PrefilledCreateView  # the search console's "Add synonym" fills it in
    icon = "search"
    menu_label = _("Synonym rules")
    list_display = [
        "__str__",
        "language",
        YesNoColumn("enabled", label=capfirst(_("enabled")), sort_key="enabled"),
        YesNoColumn("is_builtin", label=capfirst(_("built-in")), sort_key="builtin_key"),
        "note",
        "updated_at",
    ]
    list_filter = ["language", "enabled"]
    search_fields = ["terms", "note"]


class GlossaryConceptViewSet(SnippetViewSet):
    model = GlossaryConcept
    add_view_class = console.PrefilledCreateView
    icon = "list-ul"
    menu_label = _("Terminology glossary")
    list_display = [
        "__str__",
        Column("abbreviations", label=capfirst(_("abbreviations"))),
        YesNoColumn("enabled", label=capfirst(_("enabled")), sort_key="enabled"),
        YesNoColumn("is_builtin", label=capfirst(_("built-in")), sort_key="builtin_key"),
        "note",
        "updated_at",
    ]
    list_filter = ["enabled"]
    search_fields = ["terms_cs", "terms_uk", "terms_en", "abbreviations", "note"]
    list_per_page = 50


class SearchVocabularyGroup(SnippetViewSetGroup):
    items = (SynonymRuleViewSet, GlossaryConceptViewSet)
    menu_icon = "search"
    menu_label = _("Search vocabulary")
    menu_name = "search-vocabulary"
    menu_order = 900


register_snippet(SearchVocabularyGroup)


# --- The editors' search console (search/console/): menu "Vyhledávání" --------------------------


class PromotedResultViewSet(SnippetViewSet):
    model = PromotedResult
    icon = "pick"
    add_to_admin_menu = False
    add_view_class = console.PrefilledCreateView
    list_display = ["query", "language", "__str__", "starts_at", "ends_at"]
    list_filter = ["language"]
    search_fields = ["query", "title"]


class RelevanceCheckViewSet(SnippetViewSet):
    model = RelevanceCheck
    icon = "tasks"
    add_to_admin_menu = False
    list_display = [
        "query",
        "language",
        "page_title",
        "top",
        YesNoColumn("passed", label=capfirst(_("passed")), sort_key="passed"),
        "rank",
        "last_run_at",
    ]
    list_filter = ["language", "passed"]
    search_fields = ["query", "page_title"]


register_snippet(PromotedResultViewSet)
register_snippet(RelevanceCheckViewSet)


@hooks.register("register_admin_urls")
def search_console_urls():
    return [
        path("search-console/", console.reports_view, name="search_console_reports"),
        path("search-console/log/", console.log_view, name="search_console_log"),
        path("search-console/draft/", console.draft_view, name="search_console_draft"),
    ]


@hooks.register("register_admin_menu_item")
def search_console_menu():
    def snippets(model):
        return reverse(model.snippet_viewset.get_url_name("list"))

    def allowed_to(codename):
        return lambda user: user.has_perm(f"search.{codename}")

    items = [
        console.ConsoleMenuItem(_("Reports"), reverse("search_console_reports"), icon_name="table", allowed=console.can_view_reports),
        console.ConsoleMenuItem(_("Search log"), reverse("search_console_log"), icon_name="list-ul", allowed=console.can_view_log),
        console.ConsoleMenuItem(_("Promoted results"), snippets(PromotedResult), icon_name="pick", allowed=allowed_to("view_promotedresult")),
        console.ConsoleMenuItem(_("Relevance checks"), snippets(RelevanceCheck), icon_name="tasks", allowed=allowed_to("view_relevancecheck")),
    ]
    return SubmenuMenuItem(_("Site search"), Menu(items=items), name="search-console", icon_name="search", order=890)


class EmbedderWarningPanel(Component):
    """Top of the dashboard: semantic search failed to load, so search runs on word matches alone."""

    name = "semantic_search_warning"
    order = 10
    template_name = "search/admin/embedder_warning_panel.html"

    def __init__(self, problem):
        self.problem = problem

    def get_context_data(self, parent_context=None):
        return {"problem": self.problem}


@hooks.register("construct_homepage_panels")
def warn_when_semantic_search_is_off(request, panels):
    problem = embedder_problem()
    if problem:
        panels.insert(0, EmbedderWarningPanel(problem))


class EmbeddingProgressPanel(Component):
    """While the worker embeds: "meaning search: 40 % of passages, about 3 hours left"; until then
    the other passages are found by their words."""

    name = "embedding_progress"
    order = 20
    template_name = "search/admin/embedding_progress_panel.html"

    def __init__(self, progress):
        self.progress = progress

    def get_context_data(self, parent_context=None):
        left = self.progress.seconds_left
        return {
            "progress": self.progress,
            "left": timeuntil(timezone.now() + timedelta(seconds=left)) if left is not None else None,
        }


@hooks.register("construct_homepage_panels")
def show_embedding_progress(request, panels):
    progress = embedding_progress()
    if progress is not None and not progress.complete:
        panels.insert(0, EmbeddingProgressPanel(progress))


# E-mail alerts (search/alerts/): editors mark a publish as worth alerting subscribers about.
hooks.register("register_page_action_menu_item", PublishAndAlertMenuItem)
hooks.register("after_publish_page", record_substantial_change)


@hooks.register("construct_homepage_panels")
def show_alert_counts(request, panels):
    counts = subscription_counts()
    if counts and console.can_view_reports(request.user):
        panels.append(AlertCountsPanel(counts))
