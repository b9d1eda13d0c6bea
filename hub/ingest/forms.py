"""The admin form behind "Import document" and "Create page from document"."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.documents.widgets import AdminDocumentChooser
from wagtail.models import Locale, Page

from hub.ingest.extraction import SUPPORTED_EXTENSIONS
from hub.ingest.importer import AUTO, PAGE_MODELS
from hub.ingest.models import PageKind
from hub.organisations.models import OrganisationPage


def parent_choices():
    """Pages new imports may go under: the section pages of importable types and organisations."""
    parent_models = {index_model for _page_model, index_model in PAGE_MODELS.values()} | {
        OrganisationPage
    }
    return Page.objects.type(*parent_models).order_by("path")


class ImportDocumentForm(forms.Form):
    upload = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("A .txt, .pdf, .docx or .html file."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(SUPPORTED_EXTENSIONS)}),
    )
    document = forms.ModelChoiceField(
        label=_("or a document already in the library"),
        queryset=get_document_model().objects.all(),
        required=False,
        widget=AdminDocumentChooser,
    )
    kind = forms.ChoiceField(
        label=_("Create"),
        choices=[(AUTO, _("detect (operational goals or manual)")), *PageKind.choices],
        initial=AUTO,
    )
    parent = forms.ModelChoiceField(
        label=_("Under"),
        queryset=Page.objects.none(),
        required=False,
        empty_label=_("the section page of that type"),
        help_text=_(
            "Where the new page goes; by default the manual library, goals overview or good practice collection."
        ),
    )
    locale = forms.ModelChoiceField(
        label=_("Language"),
        queryset=Locale.objects.all(),
        required=False,
        empty_label=None,
        help_text=_("Used when no page is chosen above."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = parent_choices()
        self.fields["locale"].initial = Locale.objects.filter(language_code="cs").first()

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("upload")) == bool(cleaned.get("document")):
            raise forms.ValidationError(_("Upload a file or choose a document (one of them)."))
        return cleaned
