"""The admin forms behind "Import document": the upload, then confirming proposed taxonomy terms."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.documents.widgets import AdminDocumentChooser
from wagtail.models import Locale, Page

from hub.ingest.extraction import SUPPORTED_EXTENSIONS
from hub.ingest.importer import AUTO, PAGE_MODELS
from hub.ingest.models import PageKind
from hub.ingest.proposals import PROPOSED_FIELDS
from hub.organisations.models import OrganisationPage


def parent_pages(user):
    """Pages the user may import under: section pages of importable types and organisation pages
    where they may add pages, the default language first, sections before organisations."""
    section_models = tuple(index_model for _page_model, index_model in PAGE_MODELS.values())
    candidates = Page.objects.type(*section_models, OrganisationPage).select_related("locale")
    default_language = Locale.get_default().language_code
    allowed = [
        page for page in candidates.specific() if page.permissions_for_user(user).can_add_subpage()
    ]
    return sorted(
        allowed,
        key=lambda page: (
            page.locale.language_code != default_language,
            page.locale.language_code,
            isinstance(page, OrganisationPage),
            page.title.casefold(),
        ),
    )


def parent_label(page):
    return f"{page.title} ({page._meta.verbose_name})"


def default_parent(pages):
    """The editor's own organisation (the first one they may add under), else the first section."""
    return next((page for page in pages if isinstance(page, OrganisationPage)), None) or (
        pages[0] if pages else None
    )


class ImportDocumentForm(forms.Form):
    upload = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("A .txt, .pdf, .docx or .html file of at most 20 MB."),
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
        choices=[(AUTO, _("detect automatically")), *PageKind.choices],
        initial=AUTO,
        help_text=_(
            "Under a section page the kind of that section is created; under an organisation, "
            "“detect” recognises operational goals and imports everything else as a manual."
        ),
    )
    parent = forms.TypedChoiceField(
        label=_("Under"),
        coerce=int,
        help_text=_(
            "Only pages you may add pages under are offered. The new page is a draft in the "
            "language of the page you choose; it is published after review."
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.pages = {page.pk: page for page in parent_pages(user)}
        groups = {}
        for page in self.pages.values():
            language = page.locale.get_display_name()
            groups.setdefault(language, []).append((page.pk, parent_label(page)))
        self.fields["parent"].choices = list(groups.items())
        initial = default_parent(list(self.pages.values()))
        if initial is not None:
            self.fields["parent"].initial = initial.pk

    def clean_parent(self):
        return self.pages[self.cleaned_data["parent"]]

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("upload")) == bool(cleaned.get("document")):
            raise forms.ValidationError(_("Upload a file or choose a document (one of them)."))
        return cleaned


class ProposalChoiceField(forms.ModelMultipleChoiceField):
    """Proposed values as checkboxes labelled with how often the text names them."""

    def __init__(self, label, proposals):
        self.mentions = {proposal.value.pk: proposal.mentions for proposal in proposals}
        model = type(proposals[0].value)
        super().__init__(
            label=label,
            queryset=model.objects.filter(pk__in=self.mentions),
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )

    def label_from_instance(self, value):
        name = value.title if hasattr(value, "title") else value.name
        return _("%(name)s (named %(count)d×)") % {"name": name, "count": self.mentions[value.pk]}


class ConfirmTermsForm(forms.Form):
    """One checkbox list per relation with proposals, every proposal ticked until the editor says no."""

    def __init__(self, *args, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        by_field = {}
        for proposal in proposals:
            by_field.setdefault(proposal.field, []).append(proposal)
        for field, (label, _model) in PROPOSED_FIELDS.items():
            if field in by_field:
                self.fields[field] = ProposalChoiceField(label, by_field[field])
                self.fields[field].initial = [p.value.pk for p in by_field[field]]
