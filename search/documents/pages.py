"""Turning live pages into IndexedPages (search/engines/base.py): page text, passages, facets.

Everything is read from the models' declarations (search/documents/schema.py); nothing here names a content type or
a field. `indexed_page(page)` serialises one page (None when it must not be searchable);
`iter_indexed_pages()` serialises every searchable page for a rebuild with a fixed number of queries per
chunk of pages, and `indexable_pages_among(ids)` reads a batch of changed pages the same way.
"""

import re
from html import unescape

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import ForeignKey
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext
from wagtail.models import Page
from wagtail.rich_text import RichText

from hub.core import search_schema as declared
from hub.core.blocks import stream_anchors
from hub.ingest.document_text import extracted_pages
from hub.ingest.models import ImportedPage
from search.documents import schema
from search.documents.fingerprint import page_fingerprint
from search.documents.indexed import IndexedPage
from search.documents.passages import Section, passages_of

ITER_CHUNK = 200


def is_indexable(page):
    """Live, of a searchable type, and not behind a view restriction (on it or an ancestor)."""
    if schema.schema_for_page(page) is None or not page.live:
        return False
    return type(page).objects.filter(pk=page.pk).public().exists()


def is_content_page(page):
    return schema.schema_for_page(page) is not None


def indexed_page(page, lookups=None):
    """The IndexedPage for a page, or None for drafts, private pages and non-content pages."""
    page = page.specific
    if not is_indexable(page):
        return None
    return serialise(page, lookups or Lookups())


def iter_indexed_pages():
    """IndexedPages of every searchable page, type by type, in tree order."""
    lookups = Lookups()
    for model in schema.searchable_models():
        pages = indexable_pages(model)
        for start in range(0, pages.count(), ITER_CHUNK):
            chunk = list(pages[start : start + ITER_CHUNK])
            lookups.load_imported_sources(chunk)
            for page in chunk:
                indexed = serialise(page, lookups)
                if indexed is not None:
                    yield indexed


def indexable_pages_among(page_ids, lookups):
    """{page id: specific page} of those of `page_ids` that are searchable, read as a rebuild reads them
    (a query per content type, with what serialise() needs prefetched), so a batch of changes costs the
    same few queries however many pages it holds. Pages that must not be searchable are left out."""
    ids_by_type = {}
    for page_id, type_id in Page.objects.filter(pk__in=page_ids).values_list("pk", "content_type_id"):
        ids_by_type.setdefault(type_id, []).append(page_id)
    searchable = set(schema.searchable_models())
    found = {}
    for type_id, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model in searchable:
            found.update((page.pk, page) for page in indexable_pages(model).filter(pk__in=ids))
    lookups.load_imported_sources(list(found.values()))
    return found


def count_indexable_pages():
    return sum(indexable_pages(model).count() for model in schema.searchable_models())


def indexable_pages(model):
    """Live public pages of one model with everything serialise() reads prefetched."""
    select, prefetch = [], []
    relations = (declared.RowText, declared.TermLabels, declared.TermFacet, declared.PageFacet, declared.RowSections)
    for field in model.get_search_fields():
        if isinstance(field, relations):
            is_foreign_key = isinstance(field.get_field(model), ForeignKey)
            (select if is_foreign_key else prefetch).append(field.field_name)
    if hasattr(model, "source_documents"):
        prefetch.append("source_documents__document")
    return (
        model.objects.live()
        .public()
        .select_related("locale", *select)
        .prefetch_related(*prefetch)
        .order_by("path")
    )


def serialise(page, lookups):
    url_parts = page.get_url_parts()
    if url_parts is None:  # not under any site root: it has no public address
        return None
    model_schema = schema.schema_for_page(page)
    language = page.locale.language_code
    texts = {role.name: [] for role in declared.PAGE_ROLES if role is not declared.TITLE}
    facets = {}
    for declaration in model_schema.page_texts:
        for role, text in page_texts(page, declaration, lookups):
            texts[role.name].append(text)
    for facet in model_schema.facets:
        values, labels = facet_values(page, facet, lookups)
        facets.setdefault(facet.name, [])
        facets[facet.name] += [value for value in values if value not in facets[facet.name]]
        if labels:
            texts[facet.role.name] += labels
    with translation.override(language):
        sections = [
            Section(anchor="", heading=(), text="\n".join(texts[declared.LEAD.name])),
            *(
                section
                for declaration in model_schema.sections
                for section in page_sections(page, declaration, lookups)
            ),
        ]
    return IndexedPage(
        page_id=page.pk,
        locale=language,
        content_type=model_schema.type_key,
        title=page.title,
        url=url_parts[2],
        texts={name: "\n".join(dict.fromkeys(values)) for name, values in texts.items()},
        passages=passages_of(sections),
        facets=facets,
        published_at=page.first_published_at or page.last_published_at,
        translation_key=str(page.translation_key),
        fingerprint=page_fingerprint(page),
    )


def plain(value):
    """Text of a field value: rich text loses its markup, None and numbers become text; a list of texts
    (what Wagtail's fields give as searchable content) becomes lines."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "\n".join(text for text in map(plain, value) if text)
    return text_lines(str(value))


# Block elements of rich text: each ends a line of the section's text, so list items and paragraphs stay
# apart in passages and excerpts (Wagtail's get_text_for_indexing joins them with a space).
BLOCK_END_RE = re.compile(r"</(?:p|h\d|li|blockquote|tr|td|th|div)>|<(?:br|hr)\s*/?>", re.IGNORECASE)


def text_lines(html):
    """Plain text of an HTML fragment (or of plain text), one line per block element."""
    text = unescape(strip_tags(BLOCK_END_RE.sub(lambda match: match.group() + "\n", html)))
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def field_value(page, declaration):
    """A declared field's own value: rich text keeps its markup, so its paragraphs and list items become
    lines (Wagtail's `get_value` flattens them into one); a method's value is what it returns."""
    try:
        return declaration.get_field(type(page)).value_from_object(page)
    except FieldDoesNotExist:
        return declaration.get_value(page)


def related(page, field_name):
    """Related objects of a FK or a many-to-many / reverse relation, as a list."""
    value = getattr(page, field_name, None)
    if value is None:
        return []
    return list(value.all()) if hasattr(value, "all") else [value]


def page_texts(page, declaration, lookups):
    """(role, text) pairs of one page text declaration."""
    if isinstance(declaration, declared.PageText):
        text = plain(field_value(page, declaration))
        return [(declaration.role, text)] if text else []
    if isinstance(declaration, declared.RowText):
        return [
            (role, text)
            for row in related(page, declaration.field_name)
            for name, role in declaration.roles.items()
            if (text := plain(getattr(row, name)))
        ]
    return [
        (declaration.role, label)
        for term in related(page, declaration.field_name)
        for label in lookups.term_names(term)
    ]


def facet_values(page, facet, lookups):
    """(values, searchable labels) of one facet declaration."""
    if isinstance(facet, declared.TermFacet):
        terms = related(page, facet.field_name)
        return [term.slug for term in terms], [name for term in terms for name in lookups.term_names(term)]
    if isinstance(facet, declared.PageFacet):
        titles = [other.title for other in related(page, facet.field_name)]
        return titles, titles
    if isinstance(facet, declared.OwnerFacet):
        titles = lookups.owner_titles(page, facet.model)
        return titles, titles
    value = facet.get_value(page)
    values = value if isinstance(value, list | tuple) else [value]
    return [str(item) for item in values if item not in (None, "")], []


def page_sections(page, declaration, lookups):
    if isinstance(declaration, declared.BodySections):
        return stream_sections(getattr(page, declaration.field_name))
    if isinstance(declaration, declared.FieldSection):
        text = plain(field_value(page, declaration))
        return [Section(declaration.anchor, (str(declaration.heading),), text)] if text else []
    if isinstance(declaration, declared.RowSections):
        return [
            Section(
                f"{declaration.anchor}-{number}",
                (str(declaration.heading) % {"number": number},),
                "\n".join(plain(getattr(row, name)) for name in declaration.field_names),
            )
            for number, row in enumerate(related(page, declaration.field_name), start=1)
        ]
    return attachment_sections(page, declaration, lookups)


def stream_sections(stream):
    """A StreamField value as sections: a new one at each heading block, h3 nested under the h2 before it.

    Block text comes from Wagtail's own `get_searchable_content`; settings such as a heading's level or a
    callout's kind are `search_index=False` in hub/core/blocks.py, so they never count as words.
    """
    sections, anchor, path, lines = [], "", (), []
    for block, block_anchor in zip(stream or (), stream_anchors(stream), strict=True):
        if block_anchor:
            sections.append(Section(anchor, path, "\n".join(lines)))
            text = block.value["text"]
            path = (*path[:1], text) if block.value["level"] == "h3" and path else (text,)
            anchor, lines = block_anchor, []
            continue
        texts = [block.value.source] if isinstance(block.value, RichText) else block.block.get_searchable_content(block.value)
        lines += [line for line in map(plain, texts) if line]
    sections.append(Section(anchor, path, "\n".join(lines)))
    return sections


def attachment_sections(page, declaration, lookups):
    """Each attached file's text as hub.ingest extracted it at upload, a section per PDF page, headed with
    the file's title and page number. Text not extracted yet is indexed when it is (search/changes/signals.py).

    A file the page was imported from is skipped: its text already is the page's body.
    """
    sections = []
    imported = lookups.imported_sources(page)
    for attachment in getattr(page, declaration.field_name)():
        if attachment.pk in imported:
            continue
        file_pages = extracted_pages(attachment) or []
        for number, text in file_pages:
            heading = (attachment.title,)
            if number is not None and len(file_pages) > 1:
                heading += (gettext("page %(number)s") % {"number": number},)
            sections.append(Section(f"attachment-{attachment.pk}", heading, text, role="attachment"))
    return sections


class Lookups:
    """What serialising needs beyond the page itself, loaded once per batch and then read from memory:
    the names of taxonomy terms in every language, titles of owner pages, files pages were imported from."""

    def __init__(self):
        self._term_names = {}  # term model → {translation_key: [names]}
        self._owner_titles = {}  # model label → {path: title}
        self._imported = {}  # page id → document ids

    def term_names(self, term):
        model = type(term)
        if model not in self._term_names:
            names = {}
            for key, name in model.objects.order_by("locale_id").values_list("translation_key", "name"):
                names.setdefault(key, []).append(name)
            self._term_names[model] = names
        return self._term_names[model].get(term.translation_key, [term.name])

    def owner_titles(self, page, model_label):
        if model_label not in self._owner_titles:
            from django.apps import apps

            model = apps.get_model(model_label)
            self._owner_titles[model_label] = dict(model.objects.live().values_list("path", "title"))
        titles = self._owner_titles[model_label]
        steps = page.steplen
        paths = [page.path[:length] for length in range(steps, len(page.path) + 1, steps)]
        return [titles[path] for path in paths if path in titles]

    def load_imported_sources(self, pages):
        ids = [page.pk for page in pages]
        found = {page_id: set() for page_id in ids}
        for page_id, document_id in ImportedPage.objects.filter(page_id__in=ids).values_list(
            "page_id", "source__document_id"
        ):
            found[page_id].add(document_id)
        self._imported.update(found)

    def imported_sources(self, page):
        if page.pk not in self._imported:
            self.load_imported_sources([page])
        return self._imported[page.pk]
