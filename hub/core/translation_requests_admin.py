"""Where editors see what readers asked to have translated: a report and a line on the dashboard."""

from django.db.models import Sum
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from hub.core.models import TranslationRequest


class TranslationRequestsReport(ReportView):
    """Pages readers asked for in another language, most wanted first."""

    page_title = _("Translation requests")
    header_icon = "globe"
    index_url_name = "translation_requests"
    index_results_url_name = "translation_requests_results"
    model = TranslationRequest
    columns = [
        TitleColumn(
            "page",
            label=_("Page"),
            get_url=lambda request: reverse("wagtailadmin_pages:edit", args=[request.page_id]),
        ),
        Column("locale", label=_("Language"), accessor="locale.get_display_name"),
        Column("count", label=_("Requests")),
        DateColumn("last_requested_at", label=_("Last requested")),
    ]

    def get_queryset(self):
        return TranslationRequest.objects.select_related("page", "locale").order_by(
            "-count", "-last_requested_at"
        )


class TranslationRequestsSummaryItem(SummaryItem):
    """"12 translation requests" on the admin dashboard, linking to the report."""

    order = 500
    template_name = "core/admin/translation_requests_summary.html"

    def get_context_data(self, parent_context):
        total = TranslationRequest.objects.aggregate(total=Sum("count"))["total"] or 0
        return {"total_requests": total, "report_url": reverse("translation_requests")}

    def is_shown(self):
        return self.request.user.has_perm("wagtailadmin.access_admin")


admin_urlpatterns = [
    path("reports/translation-requests/", TranslationRequestsReport.as_view(), name="translation_requests"),
    path(
        "reports/translation-requests/results/",
        TranslationRequestsReport.as_view(results_only=True),
        name="translation_requests_results",
    ),
]
