"""The Elasticsearch index as code: mapping, settings, bulk writes and zero-downtime rebuilds behind an alias.

Why `elasticsearch.dsl` and not the `elasticsearch-dsl` package: since client 8.18 the DSL ships inside the
official client and the separate package is frozen (its last releases only re-export the client's module).
One dependency, released in lockstep with the client and the server it talks to.

Only analysis in Elasticsearch *core* is used (standard analyzer, `index_prefixes`): lemmatising, stop words
and diacritics folding already happened in search/analysis.py, so the *_stem fields receive finished terms
and the integ-test node in CI (no analysis-common module: no asciifolding, no edge-ngram, no
`search_as_you_type`) indexes exactly like the production node.

Layout (the pattern of elasticsearch-dsl's examples/alias_migration.py): readers use the alias
`<prefix>-pages`; behind it sits one index `<prefix>-pages-v<INDEX_VERSION>-<timestamp>`. A rebuild loads a
new index, swaps the alias atomically and deletes the old index, so searches never see an empty index.
"""

import re
from datetime import UTC, datetime

from django.conf import settings
from elasticsearch import NotFoundError, helpers
from elasticsearch.dsl import Date, Document, Index, Keyword, Long, MetaField, Text

from search.analysis import analysed_text, fold

# Bump when the mapping or settings below change: `rebuild_search_index` then builds the new layout,
# and `index_version()` tells whether the live index still has the old one.
INDEX_VERSION = 3

TEXT_FIELDS = ("title", "summary", "body", "attachments")
BULK_CHUNK = 500
# Autocomplete matches prefixes of title words; indexing 1–10 character prefixes makes those lookups
# plain term queries (core alternative to edge n-grams and search_as_you_type).
AUTOCOMPLETE_PREFIXES = {"min_chars": 1, "max_chars": 10}
# Index prefixes are plain names: no wildcards or lists that could widen a delete to other indices.
SAFE_PREFIX_RE = re.compile(r"[a-z0-9][a-z0-9_-]*")


class PageDocument(Document):
    """One live page in one locale; field names match SearchDocument and search/query.py."""

    page_id = Long()
    url = Keyword(index=False)
    published_at = Date()
    translation_key = Keyword()
    # Compared by check_search_index with the database (search/fingerprint.py); never searched.
    fingerprint = Keyword(index=False)
    # Raw text: the standard analyzer lowercases and keeps diacritics, so the exact form can rank higher.
    title = Text(analyzer="standard")
    summary = Text(analyzer="standard")
    body = Text(analyzer="standard")
    attachments = Text(analyzer="standard")
    # Analysed text (search.analysis.analysed_text): lemmas, folded, no stop words; the engine only splits.
    title_stem = Text(analyzer="standard")
    summary_stem = Text(analyzer="standard")
    body_stem = Text(analyzer="standard")
    attachments_stem = Text(analyzer="standard")
    # The folded title, with its word prefixes indexed, for the search box's autocomplete.
    title_suggest = Text(analyzer="standard", index_prefixes=AUTOCOMPLETE_PREFIXES)
    # Facets: exact keywords, counted and filtered as-is.
    type = Keyword()
    region = Keyword()
    topic = Keyword()
    target_group = Keyword()
    organisation = Keyword()
    locale = Keyword()
    year = Keyword()

    class Meta:
        # A typo in a field name fails loudly at index time instead of silently creating a new field.
        dynamic = MetaField("strict")


def alias_name(prefix):
    """The stable name readers search: it always points at one complete index."""
    return f"{prefix}-pages"


def index_pattern(prefix):
    return f"{alias_name(prefix)}-*"


def new_index_name(prefix):
    return f"{alias_name(prefix)}-v{INDEX_VERSION}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"


def index_settings():
    return {
        "number_of_shards": 1,
        # 0 on a single node (development, CI); production clusters set ELASTICSEARCH_INDEX_REPLICAS.
        "number_of_replicas": settings.ELASTICSEARCH_INDEX_REPLICAS,
    }


def index_definition(name):
    index = Index(name)
    index.settings(**index_settings())
    index.document(PageDocument)
    return index


def mapping():
    """The mapping as Elasticsearch receives it, with the layout version in `_meta`."""
    body = PageDocument._doc_type.mapping.to_dict()
    body["_meta"] = {"version": INDEX_VERSION}
    return body


def es_source(document):
    """A SearchDocument as the index stores it: raw and analysed text, facet keywords, folded title."""
    source = {
        "page_id": document.page_id,
        "url": document.url,
        "published_at": document.published_at.isoformat() if document.published_at else None,
        "translation_key": document.translation_key or None,
        "fingerprint": document.fingerprint,
        "title_suggest": fold(document.title),
        **document.facet_values(),
        # Single-valued facets stored as scalars, so hits read back `type` and `locale` as strings.
        "type": document.content_type,
        "locale": document.locale,
    }
    for name in TEXT_FIELDS:
        text = getattr(document, name)
        source[name] = text
        source[f"{name}_stem"] = analysed_text(text, document.locale)
    return source


def create_index(client, name):
    client.indices.create(index=name, settings=index_settings(), mappings=mapping())


def ensure_alias(client, prefix):
    """The live index behind the alias, created empty the first time anything is written."""
    alias = alias_name(prefix)
    if not client.indices.exists_alias(name=alias):
        name = new_index_name(prefix)
        create_index(client, name)
        client.indices.put_alias(index=name, name=alias)
    return alias


def index_version(client, prefix):
    """INDEX_VERSION of the index behind the alias, or None when there is none yet."""
    try:
        mappings = client.indices.get_mapping(index=alias_name(prefix))
    except NotFoundError:
        return None
    for body in mappings.values():
        return body["mappings"].get("_meta", {}).get("version")
    return None


def index_documents(client, prefix, documents, refresh=True, index=None):
    """Add or replace documents, searchable when this returns.

    Updates go to the live index behind the alias (or to `index`, a rebuild catching up), never to an
    index a rebuild is still loading: the rebuild replays the change log into it before the swap.
    Editorial updates are few, so an explicit refresh (~0.1 s) beats waiting up to the 1 s refresh
    interval; bulk loads go through rebuild(), which does not refresh per batch.
    """
    target = index or ensure_alias(client, prefix)
    actions = (
        {"_index": target, "_id": document.doc_id, "_source": es_source(document)}
        for document in documents
    )
    count, _ = helpers.bulk(client, actions, chunk_size=BULK_CHUNK, refresh=refresh)
    return count


def delete_documents(client, prefix, page_ids, refresh=True, index=None):
    target = index or ensure_alias(client, prefix)
    actions = (
        {"_op_type": "delete", "_index": target, "_id": str(page_id)} for page_id in page_ids
    )
    # A page that was never indexed answers 404; that is the state we wanted.
    helpers.bulk(client, actions, chunk_size=BULK_CHUNK, refresh=refresh, raise_on_error=False)


def indexed_fingerprints(client, prefix):
    """{page_id: fingerprint} of every document in the live index (check_search_index)."""
    if not client.indices.exists_alias(name=alias_name(prefix)):
        return {}
    hits = helpers.scan(
        client, index=alias_name(prefix), query={"query": {"match_all": {}}},
        _source=["page_id", "fingerprint"], size=1000,
    )
    return {hit["_source"]["page_id"]: hit["_source"].get("fingerprint") or "" for hit in hits}


def live_indices(client, prefix):
    try:
        return sorted(client.indices.get_alias(name=alias_name(prefix)))
    except NotFoundError:
        return []


def remove_unfinished(client, prefix, keep=()):
    """Delete indices under the prefix that no alias points to: left by a rebuild that was killed.

    Called at the start of a rebuild (which holds the rebuild lock, so none is loading right now).
    """
    live = set(live_indices(client, prefix))
    removed = []
    for name in client.indices.get(index=index_pattern(prefix), expand_wildcards="open,closed"):
        if name not in live and name not in keep:
            client.indices.delete(index=name)
            removed.append(name)
    return removed


def rebuild(client, prefix, documents, progress=None, catch_up=None):
    """Load a new index completely, then move the alias to it in one atomic step and drop the old ones.

    `catch_up(index_name)` runs twice: before the swap, to replay into the new index what changed while
    it loaded, and after it, for what the outbox worker wrote to the old index in between. Returns the
    number of documents loaded. If anything fails, the half-built index is deleted and the alias still
    points at the old, complete one.
    """
    alias = alias_name(prefix)
    remove_unfinished(client, prefix)
    name = new_index_name(prefix)
    create_index(client, name)
    try:
        # No refreshes while loading: nobody searches this index yet, and bulk loads run faster.
        client.indices.put_settings(index=name, settings={"refresh_interval": "-1"})
        actions = (
            {"_index": name, "_id": document.doc_id, "_source": es_source(document)}
            for document in documents
        )
        loaded = 0
        for ok, _ in helpers.streaming_bulk(
            client, actions, chunk_size=BULK_CHUNK, raise_on_error=True
        ):
            loaded += ok
            if progress:
                progress(1)
        client.indices.put_settings(index=name, settings={"refresh_interval": None})
        client.indices.refresh(index=name)
        if catch_up is not None:
            catch_up(name)
    except BaseException:
        client.indices.delete(index=name, ignore_unavailable=True)
        raise
    old = live_indices(client, prefix)
    client.indices.update_aliases(
        actions=[{"remove": {"index": index, "alias": alias}} for index in old]
        + [{"add": {"index": name, "alias": alias}}]
    )
    if catch_up is not None:
        catch_up(name)
    for index in old:
        client.indices.delete(index=index, ignore_unavailable=True)
    return loaded


def drop_indices(client, prefix):
    """Delete the indices under `prefix` only, never anything else on the node.

    Refuses prefixes that are empty or contain wildcard/list characters, and checks every name it is
    about to delete, so `drop_indices(client, "")` or `"*"` cannot wipe a shared node.
    """
    if not SAFE_PREFIX_RE.fullmatch(prefix or ""):
        raise ValueError(f"Refusing to drop indices for unsafe prefix {prefix!r}.")
    own = f"{alias_name(prefix)}-"
    # Named one by one: the node refuses wildcard deletes (action.destructive_requires_name).
    for name in client.indices.get(index=index_pattern(prefix), expand_wildcards="open,closed"):
        if not name.startswith(own):
            raise ValueError(f"Refusing to delete {name!r}: it is not under the prefix {prefix!r}.")
        client.indices.delete(index=name)
