from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from hub.core.admin_columns import YesNoColumn
from hub.organisations.editorial import ensure_organisation_group
from hub.organisations.models import Helpline, OrganisationPage


class HelplineViewSet(SnippetViewSet):
    model = Helpline
    icon = "mobile-alt"
    menu_label = _("Helplines")
    menu_order = 290
    add_to_admin_menu = True
    list_display = [
        "name",
        "phone",
        "operator",
        YesNoColumn(
            "show_in_footer",
            label=capfirst(Helpline._meta.get_field("show_in_footer").verbose_name),
            sort_key="show_in_footer",
        ),
    ]
    list_filter = ["show_in_footer", "locale"]
    search_fields = ["name", "operator"]


register_snippet(HelplineViewSet)


@hooks.register("after_create_page")
def give_new_organisation_its_editor_group(request, page):
    """A new organisation gets its own editor group at once, so an admin only adds people to it."""
    if isinstance(page.specific, OrganisationPage):
        ensure_organisation_group(page.specific)
