"""Admin: import an uploaded file or a library document as a draft page, confirm the taxonomy terms its
text names, then edit it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from hub.ingest.extraction import ExtractionError
from hub.ingest.forms import ConfirmTermsForm, ImportDocumentForm
from hub.ingest.importer import ImportRefused, import_document
from hub.ingest.proposals import propose_for_page


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
            return redirect("ingest:confirm_terms", pages[0].pk)
        message = _("%(count)d draft pages were imported from %(file)s.")
        messages.success(self.request, message % {"count": len(pages), "file": filename})
        return redirect(reverse("wagtailadmin_explore", args=[pages[0].get_parent().pk]))


class ConfirmTermsView(WagtailAdminTemplateMixin, FormView):
    """The step after an import: regions, topics, target groups and organisations the text names,
    ticked, for the editor to keep or untick; saved as a new draft revision, never applied unseen."""

    template_name = "ingest/confirm_terms.html"
    form_class = ConfirmTermsForm
    page_title = gettext_lazy("Confirm proposed tags")
    header_icon = "tag"

    def dispatch(self, request, *args, **kwargs):
        page = get_object_or_404(Page, pk=kwargs["page_id"]).specific
        if not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        self.page = page.get_latest_revision_as_object()
        self.proposals = propose_for_page(self.page)
        if not self.proposals:  # nothing to confirm: straight on to the editor
            return redirect("wagtailadmin_pages:edit", page.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "proposals": self.proposals}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            imported_page=self.page,
            action_url=self.request.get_full_path(),
            submit_button_label=_("Add the ticked tags and edit the page"),
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
            media=context["form"].media,
        )
        return context

    def form_valid(self, form):
        added = 0
        for field, values in form.cleaned_data.items():
            if values:
                setattr(self.page, field, [*getattr(self.page, field).all(), *values])
                added += len(values)
        if added:
            self.page.save_revision(user=self.request.user, log_action=True)
            messages.success(
                self.request,
                ngettext(
                    "%(count)d tag was added to the draft.",
                    "%(count)d tags were added to the draft.",
                    added,
                )
                % {"count": added},
            )
        return redirect("wagtailadmin_pages:edit", self.page.pk)
