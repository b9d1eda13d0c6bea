"""Admin: editors maintain synonym rules as snippets (Search → Synonym rules); the dashboard warns when
semantic search is off because its model could not load."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.embedding import embedder_problem
from search.models import SynonymRule


class SynonymRuleViewSet(SnippetViewSet):
    model = SynonymRule
    icon = "search"
    menu_label = _("Synonym rules")
    menu_order = 900
    add_to_admin_menu = True
    list_display = ["__str__", "language", "enabled", "note", "updated_at"]
    list_filter = ["language", "enabled"]
    ordering = ["language", "terms"]


register_snippet(SynonymRuleViewSet)


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
