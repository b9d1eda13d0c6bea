"""Demo translations made through wagtail-localize, so they behave like editors' translations.

A translation is created the way the admin creates one (TranslationSource → Translation →
StringTranslation per segment → save_target), which means the translated page knows its Czech
source and shows when it is out of date. The translated strings are found by extracting the
segments of a "shadow" copy of the source that carries the translated values: the shadow has
the same structure, so its n-th segment translates the source's n-th segment.
"""

from wagtail.models import Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


class TranslationShapeError(Exception):
    """The translated values do not have the structure of the source (a demo content bug)."""


def translate(instance, locale, values):
    """Translate `instance` into `locale` with `values` (field → translated value); returns (translation, created).

    Fields left out of `values` keep the source text, as wagtail-localize's fallback does.
    """
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return existing, False

    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translated_strings = _strings_by_order(_shadow(instance, values))
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        try:
            translated = translated_strings[segment.order]
        except KeyError:
            raise TranslationShapeError(
                f"{instance}: no translated segment at position {segment.order} ({segment.context.path})"
            ) from None
        if translated != segment.string.data:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": translated, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    is_page = isinstance(instance, Page)
    # wagtail-localize publishes pages on commit, from a copy taken before any child existed; inside
    # the loader's single transaction that stale copy would reset the parent's child count. Publishing
    # the fresh revision ourselves, now, avoids both problems.
    translation.save_target(publish=not is_page)
    translated = instance.get_translation(locale)
    if is_page:
        translated.get_latest_revision().publish()
    return translated, True


def _shadow(instance, values):
    model = instance.specific_class if isinstance(instance, Page) else type(instance)
    shadow = model.objects.get(pk=instance.pk)
    for field_name, value in values.items():
        setattr(shadow, field_name, value)
    return shadow


def _strings_by_order(instance):
    return {
        segment.order: segment.string.data
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    }


def retranslate_slug(original, translated, slug):
    """Give an existing translation of `original` the slug `slug`, as an editor would in the translation editor.

    The slug is one of the page's translated segments: changing the segment's translation (not just
    the page) keeps the new slug when the translation is synced again.
    """
    source, _ = TranslationSource.get_or_create_from_instance(original)
    segment = (
        StringSegment.objects.filter(source=source, context__path="slug").select_related("string", "context").first()
    )
    if segment is not None:
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translated.locale,
            context=segment.context,
            defaults={"data": slug, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=translated.locale)
    translation.save_target(publish=False)
    translated.specific_class.objects.get(pk=translated.pk).get_latest_revision().publish()
