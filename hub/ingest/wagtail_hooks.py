"""Admin entry points for importing documents: the import view's URL and an "Import document" menu item."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from hub.ingest.views import ConfirmTermsView, ImportDocumentView, can_import

urlpatterns = [
    path("", ImportDocumentView.as_view(), name="import"),
    path("<int:page_id>/tags/", ConfirmTermsView.as_view(), name="confirm_terms"),
]


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("ingest/", include((urlpatterns, "ingest"), namespace="ingest"))]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import document"), reverse("ingest:import"), icon_name="upload", order=350
    )
