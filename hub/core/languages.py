"""Languages people speak at a counter or on a helpline, stored as codes and named in the reader's language.

A code list, not free text: a helpline that speaks Ukrainian can then be found with a filter, and
a Ukrainian reader sees "українська" where a Czech editor ticked "ukrajinština". The list is the
languages the seed documents and the CPIC network mention most (Ukrainian, Vietnamese, Mongolian,
Russian…) plus the common languages of the region; editors who need another ask a developer.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, pgettext_lazy

# code: name ("spoken language" context, so "Czech" here is not the name of the site's language menu).
SPOKEN_LANGUAGES = {
    "cs": pgettext_lazy("spoken language", "Czech"),
    "sk": pgettext_lazy("spoken language", "Slovak"),
    "uk": pgettext_lazy("spoken language", "Ukrainian"),
    "ru": pgettext_lazy("spoken language", "Russian"),
    "en": pgettext_lazy("spoken language", "English"),
    "de": pgettext_lazy("spoken language", "German"),
    "fr": pgettext_lazy("spoken language", "French"),
    "es": pgettext_lazy("spoken language", "Spanish"),
    "pl": pgettext_lazy("spoken language", "Polish"),
    "ro": pgettext_lazy("spoken language", "Romanian"),
    "bg": pgettext_lazy("spoken language", "Bulgarian"),
    "hu": pgettext_lazy("spoken language", "Hungarian"),
    "be": pgettext_lazy("spoken language", "Belarusian"),
    "ka": pgettext_lazy("spoken language", "Georgian"),
    "kk": pgettext_lazy("spoken language", "Kazakh"),
    "uz": pgettext_lazy("spoken language", "Uzbek"),
    "vi": pgettext_lazy("spoken language", "Vietnamese"),
    "mn": pgettext_lazy("spoken language", "Mongolian"),
    "zh": pgettext_lazy("spoken language", "Chinese"),
    "hi": pgettext_lazy("spoken language", "Hindi"),
    "tl": pgettext_lazy("spoken language", "Filipino"),
    "ar": pgettext_lazy("spoken language", "Arabic"),
    "fa": pgettext_lazy("spoken language", "Persian"),
    "tr": pgettext_lazy("spoken language", "Turkish"),
}


def language_names(codes):
    """The names of `codes` in the active language, in the order given; unknown codes are skipped."""
    return [str(SPOKEN_LANGUAGES[code]) for code in codes if code in SPOKEN_LANGUAGES]


class SpokenLanguagesField(models.JSONField):
    """A list of language codes from SPOKEN_LANGUAGES, edited as checkboxes.

    JSON keeps the list a list in both SQLite and PostgreSQL, and wagtail-localize synchronises it
    across translations as it does every non-text field: the languages of a line do not change
    with the language of the page.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=list(SPOKEN_LANGUAGES.items()),
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=kwargs.get("label", self.verbose_name.capitalize()),
            help_text=self.help_text,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        unknown = [code for code in value or [] if code not in SPOKEN_LANGUAGES]
        if unknown:
            raise ValidationError(
                gettext("Unknown language code: %(codes)s.") % {"codes": ", ".join(unknown)},
                code="unknown_language",
            )
