"""The Elasticsearch compiler: a QueryPlan (search/query/matching.py) as query DSL, in small tested parts.

Each function builds one part of a request and is unit-tested on the JSON it produces. User text only ever
reaches `multi_match` and `match_bool_prefix` queries, never a query-string parser. Slots are named queries
(`slot-<n>`), so every candidate passage says which slots it matched; `own` marks passages that match in
their own heading or text rather than only in the page text they repeat.
"""

from elasticsearch.dsl import A, Q, Search

from search.documents.schema import PAGE_FIELDS, PASSAGE_FIELDS, TEXT_FIELDS, facet_names
from search.query.matching import (
    CORRECTION_BOOST,
    EXACT_FORM_BOOST,
    PHRASE_BOOST,
    SYNONYM_BOOST,
    TITLE_PHRASE_BOOST,
)
from search.vocabulary.analysis import fold, tokens

FACET_SIZE = 50
# Page counts (cardinality of page_id) are exact up to these numbers of pages, approximate beyond.
TOTAL_PRECISION = 40_000
FACET_PRECISION = 1_000


def weighted(fields, raw):
    if raw:
        return [f"{field.name}^{field.weight * EXACT_FORM_BOOST:g}" for field in fields]
    return [f"{field.stem}^{field.weight:g}" for field in fields]


RAW_FIELDS = weighted(TEXT_FIELDS, raw=True)
STEM_FIELDS = weighted(TEXT_FIELDS, raw=False)
PASSAGE_RAW_FIELDS = weighted(PASSAGE_FIELDS, raw=True)
PASSAGE_STEM_FIELDS = weighted(PASSAGE_FIELDS, raw=False)
PAGE_RAW_FIELDS = weighted(PAGE_FIELDS, raw=True)
PAGE_STEM_FIELDS = weighted(PAGE_FIELDS, raw=False)
TITLE_RAW_FIELDS = [name for name in RAW_FIELDS if name.startswith("title^")]


def term_clause(term, fields=STEM_FIELDS):
    return Q("multi_match", query=term, fields=fields, type="best_fields", tie_breaker=0.3)


def phrase_clause(text, fields, boost=1.0):
    return Q("multi_match", query=text, fields=fields, type="phrase", boost=boost)


def exact_form_clause(surface, fields=RAW_FIELDS):
    return phrase_clause(" ".join(word.lower() for word in tokens(surface)), fields)


def slot_clause(planned, raw=RAW_FIELDS, stem=STEM_FIELDS, **options):
    """A passage matches the slot through the exact form, every lemma, a synonym or a correction."""
    slot = planned.slot
    alternatives = [exact_form_clause(slot.surface, raw)]
    if slot.terms:
        alternatives.append(Q("bool", must=[term_clause(term, stem) for term in slot.terms]))
    alternatives += [phrase_clause(" ".join(phrase), stem, SYNONYM_BOOST) for phrase in slot.synonyms if phrase]
    for correction in planned.corrections:
        boost = CORRECTION_BOOST if correction.is_typo else 1.0
        alternatives.append(phrase_clause(correction.spelling.lower(), raw, boost))
        alternatives.append(Q("bool", must=[term_clause(term, stem) for term in correction.terms], boost=boost))
    if planned.prefix:
        alternatives.append(prefix_clause(planned.prefix, stem))
    return Q("bool", should=alternatives, minimum_should_match=1, **options)


def prefix_clause(prefix, fields=STEM_FIELDS):
    """Analysed terms starting with `prefix`: the other forms of a word the index does not know."""
    return Q("multi_match", query=prefix, fields=fields, type="phrase_prefix", max_expansions=20)


def level_clause(plan, level):
    """The plan's slots at one MatchLevel. Weighted "most of the words" becomes a count: a slot of weight
    w stands in `should` w times (the extra copies scoring nothing), and minimum_should_match counts."""
    named = [
        (planned, slot_clause(planned, _name=f"slot-{index}"))
        for index, planned in enumerate(plan.slots)
        if planned.matchable
    ]
    if level.required >= sum(planned.weight for planned, _ in named):
        return Q("bool", must=[clause for _, clause in named])
    should = []
    for planned, clause in named:
        should.append(clause)
        should += [Q("constant_score", filter=slot_clause(planned), boost=0)] * (planned.weight - 1)
    return Q("bool", should=should, minimum_should_match=level.required)


def own_clause(plan):
    """Scores nothing; named, so a passage that matches in its own heading or text says so."""
    return Q(
        "bool",
        should=[
            slot_clause(planned, PASSAGE_RAW_FIELDS, PASSAGE_STEM_FIELDS)
            for planned in plan.slots
            if planned.matchable
        ],
        minimum_should_match=1,
        boost=0,
        _name="own",
    )


def page_text_clauses(plan):
    """Score nothing; named, so a partial match tells which slots its page's title, summary or labels hold
    (a page *about* those words ranks above one that mentions them in passing)."""
    return [
        slot_clause(planned, PAGE_RAW_FIELDS, PAGE_STEM_FIELDS, boost=0, _name=f"page-{index}")
        for index, planned in enumerate(plan.slots)
        if planned.matchable
    ]


def phrase_boost_clauses(plan):
    """Passages with the query words together, in order, rank above those where they are scattered, and a
    title that holds the query as typed above the rest."""
    clauses = []
    terms = plan.parsed.terms
    if len(terms) >= 2:
        clauses.append(phrase_clause(" ".join(terms), STEM_FIELDS, PHRASE_BOOST))
    if len(plan.typed_words) >= 2:
        clauses.append(phrase_clause(" ".join(plan.typed_words), TITLE_RAW_FIELDS, TITLE_PHRASE_BOOST))
    return clauses


def filter_clauses(parsed):
    clauses = [Q("term", locale=parsed.locale)]
    clauses += [Q("terms", **{name: list(values)}) for name, values in parsed.filters.items()]
    return clauses


def page_count_aggregations():
    """Totals and facet counts of pages, not passages: distinct page ids."""
    aggregations = {"pages": A("cardinality", field="page_id", precision_threshold=TOTAL_PRECISION)}
    for name in facet_names():
        terms = A("terms", field=name, size=FACET_SIZE, order={"pages": "desc"})
        terms.metric("pages", "cardinality", field="page_id", precision_threshold=FACET_PRECISION)
        aggregations[name] = terms
    return aggregations


def retrieval_request(plan, level, size, index):
    """The best `size` passages at one match level, with page totals and facets."""
    markers = [own_clause(plan)] + (page_text_clauses(plan) if level.name != "all" else [])
    query = Q(
        "bool",
        must=[level_clause(plan, level)],
        should=[*phrase_boost_clauses(plan), *markers],
        filter=filter_clauses(plan.parsed),
    )
    search = (
        Search(index=index)
        .query(query)
        .source(False)
        .extra(track_total_hits=False, docvalue_fields=["page_id", "position"])
        .sort("_score", {"page_id": "asc"}, {"position": "asc"})
    )
    for name, aggregation in page_count_aggregations().items():
        search.aggs.bucket(name, aggregation)
    return search[:size]


def browse_request(parsed, index):
    """Every page of the language and filters (their first passage), newest first."""
    search = (
        Search(index=index)
        .query(Q("bool", filter=[*filter_clauses(parsed), Q("term", position=0)]))
        .source(False)
        .extra(track_total_hits=True, docvalue_fields=["page_id", "position"])
        .sort({"published_at": {"order": "desc"}}, "page_id")
    )
    for name in facet_names():
        search.aggs.bucket(name, A("terms", field=name, size=FACET_SIZE))
    return search[parsed.offset : parsed.offset + parsed.per_page]


def vocabulary_request(terms, raw_words, prefixes, index):
    """How many pages hold each analysed term and each prefix, and how many passages each raw word."""
    stem_names = [field.stem for field in TEXT_FIELDS]
    raw_names = [field.name for field in TEXT_FIELDS]
    search = Search(index=index).extra(size=0, track_total_hits=False)
    search.aggs.metric("pages", "cardinality", field="page_id", precision_threshold=TOTAL_PRECISION)
    for number, term in enumerate(terms):
        bucket = search.aggs.bucket(f"t{number}", "filter", Q("multi_match", query=term, fields=stem_names))
        bucket.metric("pages", "cardinality", field="page_id", precision_threshold=FACET_PRECISION)
    for number, word in enumerate(raw_words):
        search.aggs.bucket(f"r{number}", "filter", Q("multi_match", query=word, fields=raw_names))
    for number, prefix in enumerate(prefixes):
        bucket = search.aggs.bucket(f"p{number}", "filter", prefix_clause(prefix, stem_names))
        bucket.metric("pages", "cardinality", field="page_id", precision_threshold=FACET_PRECISION)
    return search


def spelling_request(words, index):
    """The indexed spellings close to words the index does not know (term suggester on raw words), and
    how many passages hold each word as typed: the suggester never offers the word itself, yet a word
    the query's language does not lemmatise to the pages' terms (a Ukrainian form read as Czech) may be
    written just so on a page, and the embedded engine's spellings include it."""
    search = Search(index=index).extra(size=0, track_total_hits=False)
    for number, word in enumerate(words):
        search.aggs.bucket(f"s{number}", "filter", Q("term", spelling=word))
        search = search.suggest(
            f"w{number}",
            word,
            term={
                "field": "spelling",
                "suggest_mode": "always",
                "max_edits": 2,
                "prefix_length": 1,
                "min_word_length": 4,
                "size": 20,
                "sort": "frequency",
            },
        )
    return search


def autocomplete_request(prefix, locale, index, limit):
    """Titles whose words start with what was typed, diacritics optional.

    title_suggest holds the folded title with its word prefixes indexed (search/engines/elasticsearch/index.py), so the last,
    unfinished word is a cheap prefix lookup and the words before it must match whole. One passage per
    page (the first) carries it.
    """
    typed = fold(" ".join(tokens(prefix)))
    return (
        Search(index=index)
        .source(["title", "url"])
        .query(
            Q(
                "bool",
                must=[Q("match_bool_prefix", title_suggest={"query": typed, "operator": "and"})],
                filter=[Q("term", locale=locale), Q("term", position=0)],
            )
        )[:limit]
    )
