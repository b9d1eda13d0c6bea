"""Tell editors when a translation no longer matches its source, and where to sync it.

wagtail-localize keeps what it extracted from the source in a TranslationSource; after the
source is edited and published, translations are stale until someone runs "Sync translated
pages" (which calls `TranslationSource.update_from_db`). Nothing in wagtail-localize says so
on the pages themselves, so these helpers feed the warnings in `hub/core/wagtail_hooks.py`.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.models import Translation, TranslationSource


def source_changed_since_sync(source):
    """True when the source object changed after its content was last extracted for translation."""
    instance = source.get_source_instance()
    if isinstance(instance, Page):
        # A page's translatable content only changes for readers when it is published.
        return bool(
            instance.last_published_at and instance.last_published_at > source.last_updated_at
        )
    if isinstance(instance, ClusterableModel):
        current = json.loads(instance.to_json())
    else:
        current = json.loads(
            json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder)
        )
    return current != json.loads(source.content_json)


def translation_source_for(instance):
    """The TranslationSource `instance` is translated from, or is itself; None if not translated."""
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is not None:
        return source if source.translations.filter(enabled=True).exists() else None
    translation = (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .select_related("source")
        .first()
    )
    return translation.source if translation else None


def out_of_date_source(instance):
    """The source to sync when `instance` (a source or a translation) is out of date, else None."""
    if not isinstance(instance, TranslatableMixin):  # e.g. synonym rules: one row for all languages
        return None
    source = translation_source_for(instance)
    if source is None or not source_changed_since_sync(source):
        return None
    return source
