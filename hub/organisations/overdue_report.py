"""Where editors see pages past their check-by date: a report (Reports → overdue pages) and a dashboard panel.

Both list only the live pages the user may edit: an organisation's editor sees their organisation's
pages, reviewers and superusers see the whole hub. The report filters by organisation and type and
exports to CSV and XLSX, for whoever plans the checking.
"""

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from hub.core.freshness import checked_page_models, overdue_live_pages
from hub.organisations.ownership import Owners, describe_overdue

PANEL_SIZE = 5  # the most overdue; the rest are a click away in the report


def overdue_pages_for(user):
    """The overdue live pages `user` may edit, longest overdue first."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return overdue_live_pages(editable).select_related("content_type")


class OverduePagesFilterSet(WagtailFilterSet):
    organisation = django_filters.ChoiceFilter(
        label=_("Organisation"), method="filter_organisation", choices=lambda: Owners().choices()
    )
    content_type = ContentTypeFilter(
        label=_("Type"),
        queryset=lambda request: ContentType.objects.filter(
            pk__in=[ct.pk for ct in ContentType.objects.get_for_models(*checked_page_models()).values()]
        ),
    )

    class Meta:
        model = Page
        fields = ["organisation", "content_type"]

    def filter_organisation(self, queryset, name, value):
        subtrees = Owners().subtree_paths(int(value))
        if not subtrees:
            return queryset.none()
        within = Q()
        for subtree in subtrees:
            within |= Q(path__startswith=subtree)
        return queryset.filter(within)


class OverduePagesReport(ReportView):
    page_title = _("Pages past their check-by date")
    header_icon = "time"
    index_url_name = "overdue_pages"
    index_results_url_name = "overdue_pages_results"
    model = Page
    filterset_class = OverduePagesFilterSet
    columns = [
        TitleColumn(
            "title",
            label=_("Title"),
            get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
        ),
        Column("organisation_title", label=_("Organisation")),
        Column("type_label", label=_("Type")),
        DateColumn("check_by", label=_("Check by")),
        Column("days_overdue", label=_("Days overdue")),
        DateColumn("last_checked", label=_("Last checked")),
    ]
    list_export = ["title", "organisation_title", "type_label", "check_by", "days_overdue", "last_checked"]
    export_headings = {
        "title": _("Title"),
        "organisation_title": _("Organisation"),
        "type_label": _("Type"),
        "check_by": _("Check by"),
        "days_overdue": _("Days overdue"),
        "last_checked": _("Last checked"),
    }

    def get_queryset(self):
        return overdue_pages_for(self.request.user)

    def decorate_paginated_queryset(self, object_list):
        return describe_overdue(list(object_list))


class OverduePagesPanel(Component):
    """The user's own overdue pages on the dashboard; nothing at all when there are none."""

    name = "overdue_pages"
    template_name = "organisations/admin/overdue_pages_panel.html"
    order = 150  # above the pages in moderation: a check is one click

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        pages = overdue_pages_for(self.request.user)
        total = pages.count()
        return {
            "pages": describe_overdue(list(pages[:PANEL_SIZE])) if total else [],
            "total": total,
            "report_url": reverse("overdue_pages"),
        }


def add_overdue_pages_panel(request, panels):
    """construct_homepage_panels hook."""
    panels.append(OverduePagesPanel(request))


admin_urlpatterns = [
    path("reports/overdue-pages/", OverduePagesReport.as_view(), name="overdue_pages"),
    path("reports/overdue-pages/results/", OverduePagesReport.as_view(results_only=True), name="overdue_pages_results"),
]
