"""Pages in the reader's language first, then the Czech pages that have no translation into it yet.

A Ukrainian reader of a section, a region or an "I am…" page should never meet an empty list while
the Czech pages exist: they are listed after the translated ones, each marked as Czech, with a way
to ask for a translation (hub.core.views.untranslated_page).
"""

from django.db.models import BooleanField, Case, Q, Value, When
from wagtail.models import Locale, Page

# Set on every page of a fallback queryset: True for a Czech page shown because no translation exists.
IN_DEFAULT_LANGUAGE = "in_default_language"


def in_language_or_default(items, locale):
    """`items` (pages or translatable snippets) in `locale`, plus default-language ones not translated into it.

    A page counts as translated only when its translation is live. Each item carries
    `in_default_language`; order by it first to list the reader's language first.
    """
    default = Locale.get_default()
    if locale.pk == default.pk:
        return items.filter(locale=locale).annotate(**{IN_DEFAULT_LANGUAGE: Value(False)})
    if issubclass(items.model, Page):
        translated = Page.objects.live().filter(locale=locale).values("translation_key")
    else:
        translated = items.model.objects.filter(locale=locale).values("translation_key")
    return items.filter(
        Q(locale=locale) | (Q(locale=default) & ~Q(translation_key__in=translated))
    ).annotate(
        **{
            IN_DEFAULT_LANGUAGE: Case(
                When(locale=locale, then=Value(False)), default=Value(True), output_field=BooleanField()
            )
        }
    )

