"""Admin: import an uploaded file or a library document as a draft page, then edit it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies.pages import PagePermissionPolicy

from hub.ingest.extraction import ExtractionError
from hub.ingest.forms import ImportDocumentForm
from hub.ingest.importer import ImportRefused, import_document


def can_import(user):
    """Importing creates pages, so only editors who may add pages somewhere may import."""
    return PagePermissionPolicy().user_has_permission(user, "add")


class ImportDocumentView(WagtailAdminTemplateMixin, FormView):
    template_name = "ingest/import_document.html"
    form_class = ImportDocumentForm
    page_title = gettext_lazy("Import document")
    header_icon = "doc-full-inverse"

    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self):
        initial = super().get_initial()
        if document_id := self.request.GET.get("document"):
            initial["document"] = document_id
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            action_url=self.request.get_full_path(),
            submit_button_label=_("Create draft page"),
            submit_button_active_label=_("Importing…"),
            media=context["form"].media,
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        document = data["document"]
        file, filename = (
            (document.file, document.filename)
            if document
            else (data["upload"], data["upload"].name)
        )
        try:
            outcome = import_document(
                file,
                filename,
                kind=data["kind"],
                parent=data["parent"],
                user=self.request.user,
                original=document,
            )
        except (ExtractionError, ImportRefused) as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        for note in outcome.notes:
            messages.warning(self.request, f"{filename}: {note}")
        pages = outcome.pages
        if len(pages) == 1:
            message = _("“%(title)s” was imported from %(file)s as a draft.")
            messages.success(self.request, message % {"title": pages[0].title, "file": filename})
            return redirect("wagtailadmin_pages:edit", pages[0].pk)
        message = _("%(count)d draft pages were imported from %(file)s.")
        messages.success(self.request, message % {"count": len(pages), "file": filename})
        return redirect(reverse("wagtailadmin_explore", args=[pages[0].get_parent().pk]))
