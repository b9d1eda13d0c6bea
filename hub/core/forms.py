"""Admin forms: every content page's form, with pickers in the page's language, and the login form.

Regions, topics, target groups, actor types, helplines and organisations exist once per language
(translatable snippets and pages). Pages in every language refer to the rows of the default
language (Czech): wagtail-localize copies the references unchanged into translations, and the
templates show each term's `.localized` name. So a picker offers only the default-language rows,
labelled with the name in the page's own language, and the many-valued ones are checkbox lists
(readable, and usable by keyboard with Tab and Space) instead of a Ctrl-click multi-select.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.auth import LoginForm
from wagtail.models import Locale, TranslatableMixin

from hub.core.collation import sorted_by_name


class TranslatedChoicesMixin:
    """Narrows pickers of translatable models to the default language and names them in the page's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        default_locale = Locale.get_default()
        page_locale = self.instance.locale if self.instance.locale_id else default_locale
        for name, field in self.fields.items():
            if isinstance(field, forms.ModelChoiceField) and self.offers_translatable_rows(field):
                self.translate_choices(name, field, default_locale, page_locale)

    @staticmethod
    def offers_translatable_rows(field):
        # Chooser widgets (pages, images) open their own modal with its own locale filter.
        widget_is_plain_select = isinstance(field.widget, forms.Select | forms.SelectMultiple)
        return widget_is_plain_select and issubclass(field.queryset.model, TranslatableMixin)

    def translate_choices(self, name, field, default_locale, page_locale):
        model = field.queryset.model
        # A row of another language stays selectable if the page already refers to it: saving the
        # form must never drop a reference it did not show.
        selected = self.initial_pks(name)
        rows = list(field.queryset.filter(Q(locale=default_locale) | Q(pk__in=selected)))
        names = {row.translation_key: str(row) for row in rows if row.locale_id == page_locale.pk}
        if page_locale != default_locale:  # a Czech page's names are the rows' own: no query
            names = {
                row.translation_key: str(row)
                for row in model.objects.filter(
                    locale=page_locale, translation_key__in=[row.translation_key for row in rows]
                )
            }
        labels = {
            row.pk: names.get(row.translation_key, str(row))
            if row.locale_id == default_locale.pk
            else f"{row} ({row.locale.get_display_name()})"
            for row in rows
        }
        field.queryset = field.queryset.filter(pk__in=labels)
        ordered = sorted_by_name(labels.items(), name=lambda item: item[1], language=page_locale.language_code)
        if isinstance(field, forms.ModelMultipleChoiceField):
            field.widget = forms.CheckboxSelectMultiple(attrs={"class": "hub-choice-list"})
            field.choices = ordered
        else:
            field.choices = [("", field.empty_label or "---------"), *ordered]

    def initial_pks(self, name):
        value = self.initial.get(name)
        if value is None or value == "":
            return []
        # Many-to-many initial values are querysets or lists; a foreign key's is a primary key.
        values = [value] if isinstance(value, str | int) else value
        return [getattr(item, "pk", item) for item in values]


class HubPageForm(TranslatedChoicesMixin, WagtailAdminPageForm):
    """Base form of HubPage and its subclasses."""


class AdminLoginForm(LoginForm):
    """Wagtail's login form, whose password field has an English label ("Password") in every language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
