"""The search schema, read from what the page models declare (hub/core/search_schema.py).

Everything search knows about content types comes from here: which models are searchable and under which
key, their page texts, sections and facets, and the index fields both engines create. Neither backend nor
the views name a content type, a text field or a facet themselves.
"""

from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from hub.core import search_schema as declared
from hub.core.models import HubPage


@dataclass(frozen=True)
class IndexField:
    """A text field of the index: `name` holds the words as written, `name_stem` the analysed terms."""

    name: str
    weight: float
    per_passage: bool  # False: page text, the same on every passage of the page

    @property
    def stem(self):
        return f"{self.name}_stem"


TEXT_FIELDS = tuple(
    IndexField(role.name, role.boost, per_passage=False) for role in declared.PAGE_ROLES
) + tuple(IndexField(role.name, role.boost, per_passage=True) for role in declared.PASSAGE_ROLES)
FIELD_NAMES = tuple(field.name for field in TEXT_FIELDS)
PASSAGE_FIELDS = tuple(field for field in TEXT_FIELDS if field.per_passage)
PAGE_FIELDS = tuple(field for field in TEXT_FIELDS if not field.per_passage)
# Facets every page has, besides the ones models declare: its type and its language.
TYPE_FACET = "type"
LOCALE_FACET = "locale"
BUILT_IN_FACET_TITLES = {TYPE_FACET: _("Content type"), LOCALE_FACET: _("Language")}


@dataclass(frozen=True)
class ModelSchema:
    model: type
    type_key: str
    page_texts: tuple  # PageText, RowText and TermLabels declarations
    sections: tuple  # BodySections, FieldSection, RowSections, AttachmentSections
    facets: tuple  # Facet declarations


def searchable_models():
    """Concrete page models that declare a search_type, in a stable order."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, HubPage) and not model._meta.abstract and model.search_type
    ]


@cache
def schema_for(model):
    fields = model.get_search_fields()
    page_text_types = (declared.PageText, declared.RowText, declared.TermLabels)
    section_types = (
        declared.BodySections,
        declared.FieldSection,
        declared.RowSections,
        declared.AttachmentSections,
    )
    return ModelSchema(
        model=model,
        type_key=model.search_type,
        page_texts=tuple(field for field in fields if isinstance(field, page_text_types)),
        sections=tuple(field for field in fields if isinstance(field, section_types)),
        facets=tuple(field for field in fields if isinstance(field, declared.Facet)),
    )


def schema_for_page(page):
    model = page.specific_class or type(page)
    return schema_for(model) if getattr(model, "search_type", None) else None


def type_keys():
    """{search type key: model} of every searchable model."""
    return {model.search_type: model for model in searchable_models()}


@cache
def facet_titles():
    """{facet name: title} in the order the search page shows them: type first, language last."""
    titles = {TYPE_FACET: BUILT_IN_FACET_TITLES[TYPE_FACET]}
    for model in searchable_models():
        for facet in schema_for(model).facets:
            titles.setdefault(facet.name, facet.title)
    titles[LOCALE_FACET] = BUILT_IN_FACET_TITLES[LOCALE_FACET]
    return titles


def facet_names():
    return tuple(facet_titles())


def term_facet_models():
    """{facet name: taxonomy model} for facets whose values are term slugs (labelled in the reader's language)."""
    found = {}
    for model in searchable_models():
        for facet in schema_for(model).facets:
            if isinstance(facet, declared.TermFacet):
                found.setdefault(facet.name, facet.get_field(model).related_model)
    return found
