"""Shipped synonym rules and glossary concepts become admin rows, so editors see and edit them.

The files in search/vocabulary/data/ stay the versioned, commented source; after every `migrate` (and after a
test database is flushed) each shipped entry without a row gets one, marked with its key. Rows that
exist are never overwritten: what an editor changed or switched off stays so across upgrades.
"""

from django.apps import apps as global_apps

from search.vocabulary.glossary import shipped_concepts
from search.vocabulary.synonyms import shipped_rules


def rule_rows(model):
    for rule in shipped_rules():
        yield (
            rule.key,
            model(
                language=rule.language,
                terms="\n".join(rule.terms),
                note=rule.note,
                builtin_key=rule.key,
            ),
        )


def concept_rows(model):
    for concept in shipped_concepts():
        yield (
            concept.key,
            model(
                terms_cs="\n".join(concept.terms["cs"]),
                terms_uk="\n".join(concept.terms["uk"]),
                terms_en="\n".join(concept.terms["en"]),
                abbreviations="\n".join(concept.abbreviations),
                note=concept.note,
                builtin_key=concept.key,
            ),
        )


def ensure_builtin_vocabulary(using="default", apps=global_apps, **kwargs):
    """post_migrate receiver: create the rows of shipped entries that have none yet; returns how many.

    Uses the migrated state's models (`apps`), and does nothing while the tables are not there yet
    (e.g. `migrate search 0002`).
    """
    created = 0
    for name, rows in (("SynonymRule", rule_rows), ("GlossaryConcept", concept_rows)):
        try:
            model = apps.get_model("search", name)
        except LookupError:
            continue
        if "builtin_key" not in {field.name for field in model._meta.get_fields()}:
            continue
        existing = set(
            model.objects.using(using).exclude(builtin_key="").values_list("builtin_key", flat=True)
        )
        new = [row for key, row in rows(model) if key not in existing]
        model.objects.using(using).bulk_create(new)
        created += len(new)
    return created
