"""Admin: editors maintain synonym rules as snippets (Search → Synonym rules)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
