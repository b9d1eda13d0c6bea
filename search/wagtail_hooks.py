"""Admin: the search vocabulary (synonym rules and the terminology glossary) as editable snippets, a
dashboard warning when semantic search is off because its model could not load, and how far embedding
has got while passages still lack their vectors."""

from datetime import timedelta

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.timesince import timeuntil
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from hub.core.admin_columns import YesNoColumn
from search.changes.embedding_progress import embedding_progress
from search.models import GlossaryConcept, SynonymRule
from search.vectors.embedding import embedder_problem


class SynonymRuleViewSet(SnippetViewSet):
    model = SynonymRule
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
