"""The Elasticsearch index as code: mapping, settings, bulk writes and zero-downtime rebuilds behind an alias.

Why `elasticsearch.dsl` and not the `elasticsearch-dsl` package: since client 8.18 the DSL ships inside the
official client and the separate package is frozen (its last releases only re-export the client's module).
One dependency, released in lockstep with the client and the server it talks to.

Only analysis in Elasticsearch *core* is used (standard analyzer, `index_prefixes`): lemmatising, stop words
and diacritics folding already happened in search/vocabulary/analysis.py, so the *_stem fields receive finished terms
and the integ-test node in CI (no analysis-common module: no asciifolding, no edge-ngram, no
`search_as_you_type`) indexes exactly like the production node.

Layout (the pattern of elasticsearch-dsl's examples/alias_migration.py): readers use the alias
`<prefix>-pages`; behind it sits one index `<prefix>-pages-v<INDEX_VERSION>-<timestamp>`. A rebuild loads a
new index, swaps the alias atomically and deletes the old index, so searches never see an empty index.
"""

import hashlib
import json
import queue
import re
import threading
from datetime import UTC, datetime

import numpy as np
from django.conf import settings
from elasticsearch import NotFoundError, helpers

from search.documents.schema import FIELD_NAMES, TEXT_FIELDS, facet_names
from search.engines.elasticsearch.vectors import MODEL_FIELD, VECTOR_FIELD, vector_mapping
from search.vocabulary.analysis import analysed_text, fold

# Bump when the meaning of indexed values changes (analysis, passages) without the mapping changing; a
# change of the mapping itself (a new field or facet) is noticed by its digest. Either way
# `index_layout` tells, and `check` and `rebuild_search_index` warn, that the live index is outdated.
# (4: passage documents, the page's fingerprint on the first one, search/documents/fingerprint.py.)
INDEX_VERSION = 4

BULK_CHUNK = 500
# A rebuild's bulk requests are cut by size, not count: passages run from a line to 2,500 characters,
# plus a vector. 8 MB keeps one request well under http.max_content_length (100 MB) and the node's
# indexing buffer, and large enough that per-request overhead vanishes.
BULK_BYTES = 8 << 20
# Passages waiting to be sent while the previous request is indexed: the next request is prepared
# (pages read, text analysed) while Elasticsearch indexes the last one.
BULK_QUEUE = 5000
# Bulk requests in flight at once. The node indexes one request to a one-shard index on one thread, and
# a passage's vector costs it more than its text (~2 ms into the HNSW graph on a small node, against
# ~0.3 ms): two requests keep two of its cores indexing, which more than halved a load on two cores.
BULK_SENDERS = 2
# Decimals kept of a vector component sent as JSON: the node stores float32 (int8 in its HNSW graph),
# and 7 decimals change a cosine by < 1e-6 while halving the JSON of a passage.
VECTOR_DECIMALS = 7
# Autocomplete matches prefixes of title words; indexing 1–10 character prefixes makes those lookups
# plain term queries (core alternative to edge n-grams and search_as_you_type).
AUTOCOMPLETE_PREFIXES = {"min_chars": 1, "max_chars": 10}
# Index prefixes are plain names: no wildcards or lists that could widen a delete to other indices.
SAFE_PREFIX_RE = re.compile(r"[a-z0-9][a-z0-9_-]*")
# Page text repeats on every passage; only what a results page shows is kept in _source.
STORED_SOURCE = [
    "page_id", "position", "title", "url", "type", "locale", "anchor", "heading_path", "text", "attachment",
    "translation_key", "fingerprint",
]


def text_field(**options):
    return {"type": "text", "analyzer": "standard", **options}


def mapping():
    """The mapping as Elasticsearch receives it: one document per passage, fields from the schema.

    Raw text (the standard analyzer lowercases and keeps diacritics, so the exact form can rank higher)
    and analysed text (search.vocabulary.analysis.analysed_text: lemmas, folded, no stop words; the engine only
    splits) for every text field; raw words also go to `spelling`, which the term suggester reads.
    """
    properties = {
        "page_id": {"type": "long"},
        "position": {"type": "integer"},
        "url": {"type": "keyword", "index": False},
        "anchor": {"type": "keyword", "index": False},
        "heading_path": {"type": "keyword", "index": False},
        "published_at": {"type": "date"},
        "translation_key": {"type": "keyword"},
        # The page's fingerprint (search/documents/fingerprint.py) on its first passage: check_search_index compares
        # it with the database; never searched.
        "fingerprint": {"type": "keyword", "index": False},
        "title_suggest": text_field(index_prefixes=AUTOCOMPLETE_PREFIXES),
        "spelling": text_field(),
    }
    for field in TEXT_FIELDS:
        properties[field.name] = text_field(copy_to="spelling")
        properties[field.stem] = text_field()
    for name in facet_names():
        properties[name] = {"type": "keyword"}
    # Passage vectors and their model (search/vectors/pages.py); dimensions come with the first vector.
    properties.update(vector_mapping())
    body = {
        # A typo in a field name fails loudly at index time instead of silently creating a new field.
        "dynamic": "strict",
        "_source": {"includes": STORED_SOURCE},
        "properties": properties,
    }
    body["_meta"] = {"version": INDEX_VERSION, "digest": layout_digest(body)}
    return body


def layout_digest(body):
    """A short hash of the mapping, so a changed schema shows as an outdated layout without a bump."""
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:16]


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


def es_sources(page):
    """An IndexedPage as the passage documents the index stores: (_id, _source) pairs."""
    page_texts = {"title": page.title, **page.texts}
    page_stems = {name: analysed_text(text, page.locale) for name, text in page_texts.items()}
    common = {
        "page_id": page.page_id,
        "url": page.url,
        "published_at": page.published_at.isoformat() if page.published_at else None,
        "translation_key": page.translation_key or None,
        **page.facet_values(),
        # Single-valued facets stored as scalars, so hits read back `type` and `locale` as strings.
        "type": page.content_type,
        "locale": page.locale,
    }
    vectors = page.vectors or ()
    for index, passage in enumerate(page.indexed_passages()):
        texts = {**page_texts, "heading": " › ".join(passage.heading), passage.role: passage.text}
        source = {
            **common,
            "position": passage.position,
            "anchor": passage.anchor,
            "heading_path": list(passage.heading),
        }
        if index < len(vectors) and vectors[index] is not None:
            source[VECTOR_FIELD] = np.round(np.asarray(vectors[index], dtype=np.float64), VECTOR_DECIMALS).tolist()
            source[MODEL_FIELD] = page.vector_model
        if passage.position == 0:
            source["title_suggest"] = fold(page.title)
            source["fingerprint"] = page.fingerprint
        for name in FIELD_NAMES:
            text = texts.get(name, "")
            source[name] = text
            if name in page_stems and name not in ("heading", passage.role):
                source[f"{name}_stem"] = page_stems[name]
            else:
                source[f"{name}_stem"] = analysed_text(text, page.locale)
        yield page.passage_id(passage.position), source


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


def index_layout(client, prefix):
    """The `_meta` (INDEX_VERSION and mapping fingerprint) of the index behind the alias, or None."""
    try:
        mappings = client.indices.get_mapping(index=alias_name(prefix))
    except NotFoundError:
        return None
    for body in mappings.values():
        return body["mappings"].get("_meta", {})
    return None


def layout_is_current(client, prefix):
    """True when the live index has this code's layout; None when there is no index yet."""
    layout = index_layout(client, prefix)
    if layout is None:
        return None
    return layout == mapping()["_meta"]


def stale_passages(client, target, page_ids, keep=frozenset()):
    """Delete actions for the stored passages of these pages that are not in `keep`: a page edited to
    fewer sections leaves none behind. (delete_by_query lives in a module the CI node does not have.)"""
    hits = helpers.scan(
        client,
        index=target,
        query={"query": {"terms": {"page_id": list(page_ids)}}},
        _source=False,
        size=1000,
    )
    for hit in hits:
        if hit["_id"] not in keep:
            yield {"_op_type": "delete", "_index": hit["_index"], "_id": hit["_id"]}


def index_pages(client, prefix, pages, index=None):
    """Add or replace pages with all their passages, searchable when this returns.

    Updates go to the live index behind the alias (or to `index`, a rebuild catching up), never to an
    index a rebuild is still loading: the rebuild replays the change log into it before the swap.
    Editorial updates are few, so an explicit refresh (~0.1 s) beats waiting up to the 1 s refresh
    interval; bulk loads go through rebuild(), which does not refresh per batch.
    """
    pages = list(pages)
    target = index or ensure_alias(client, prefix)
    documents = [(passage_id, source) for page in pages for passage_id, source in es_sources(page)]
    keep = {passage_id for passage_id, _ in documents}
    actions = [{"_index": target, "_id": passage_id, "_source": source} for passage_id, source in documents]
    actions += stale_passages(client, target, [page.page_id for page in pages], keep)
    helpers.bulk(client, actions, chunk_size=BULK_CHUNK, refresh=True)


def delete_pages(client, prefix, page_ids, index=None):
    """Remove pages with all their passages from the live index (or `index`)."""
    page_ids = list(page_ids)
    if page_ids:
        target = index or ensure_alias(client, prefix)
        actions = list(stale_passages(client, target, page_ids))
        helpers.bulk(client, actions, chunk_size=BULK_CHUNK, refresh=True)


def indexed_fingerprints(client, prefix):
    """{page_id: fingerprint} of every page in the live index, read from its first passage
    (check_search_index)."""
    if not client.indices.exists_alias(name=alias_name(prefix)):
        return {}
    hits = helpers.scan(
        client,
        index=alias_name(prefix),
        query={"query": {"term": {"position": 0}}},
        _source=["page_id", "fingerprint"],
        size=1000,
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


def rebuild(client, prefix, pages, progress=None, catch_up=None):
    """Load a new index completely, then move the alias to it in one atomic step and drop the old ones.

    `catch_up(index_name)` runs twice: before the swap, to replay into the new index what changed while
    it loaded, and after it, for what the outbox worker wrote to the old index in between. Returns the
    number of passages loaded; `progress(1)` is called per page. If anything fails, the half-built
    index is deleted and the alias still points at the old, complete one.
    """
    alias = alias_name(prefix)
    remove_unfinished(client, prefix)
    name = new_index_name(prefix)
    create_index(client, name)
    try:
        # No refreshes while loading: nobody searches this index yet, and bulk loads run faster.
        client.indices.put_settings(index=name, settings={"refresh_interval": "-1"})

        def actions():
            for page in pages:
                for passage_id, source in es_sources(page):
                    yield {"_index": name, "_id": passage_id, "_source": source}
                if progress:
                    progress(1)

        loaded = load_in_background(client, actions())
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


def load_in_background(client, actions, senders=BULK_SENDERS):
    """Send `actions` in bulk requests of BULK_BYTES from `senders` threads while this one goes on reading
    pages (database reads stay in the caller's thread and connection); returns the count loaded.
    An error of a sender is raised here, with the half-built index left to the caller to delete."""
    waiting = queue.Queue(maxsize=BULK_QUEUE)
    done = object()  # put once per sender: the end of its stream
    loaded = [0] * senders  # per sender, so no two threads add to one number
    errors = []

    def send(number):
        drained = False

        def stream():
            nonlocal drained
            while (action := waiting.get()) is not done:
                yield action
            drained = True

        try:
            for ok, _ in helpers.streaming_bulk(
                client, stream(), chunk_size=BULK_QUEUE, max_chunk_bytes=BULK_BYTES, raise_on_error=True
            ):
                loaded[number] += ok
        except BaseException as error:  # handed to the caller's thread below
            errors.append(error)
            # Take what the producer still puts up to this sender's end, so the producer never blocks on
            # a full queue before it sees the error.
            while not drained and waiting.get() is not done:
                pass

    threads = [
        threading.Thread(target=send, args=(number,), name=f"elasticsearch-bulk-{number}", daemon=True)
        for number in range(senders)
    ]
    for thread in threads:
        thread.start()
    try:
        for action in actions:
            if errors:
                break
            waiting.put(action)
    finally:
        for _ in threads:
            waiting.put(done)
        for thread in threads:
            thread.join()
    if errors:
        raise errors[0]
    return sum(loaded)


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
