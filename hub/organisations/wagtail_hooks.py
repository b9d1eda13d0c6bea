from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from hub.core.admin_columns import YesNoColumn
from hub.organisations import overdue_report
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


@hooks.register("register_admin_urls")
def overdue_pages_urls():
    return overdue_report.admin_urlpatterns


@hooks.register("register_reports_menu_item")
def overdue_pages_menu_item():
    return MenuItem(
        _("Pages past their check-by date"), reverse("overdue_pages"), name="overdue-pages", icon_name="time", order=800
    )


hooks.register("construct_homepage_panels", overdue_report.add_overdue_pages_panel)
