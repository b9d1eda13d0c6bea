"""JSON API: GET /api/search/?q=…&lang=cs&type=…&region=…&topic=…&page=N and /api/search/autocomplete/."""

import functools
import logging

from django.conf import settings
from django.db import DatabaseError
from django.http import JsonResponse
from django.utils import translation
from django.views.decorators.http import require_GET

from hub.core.freshness import check_dates
from search.console import log
from search.console.promotions import promoted_for
from search.engines import failover
from search.engines.base import SearchUnavailable
from search.query.types import QueryError
from search.web.views import (
    answer_updated,
    labelled_facets,
    query_from_params,
    run_search,
    translation_urls,
)

logger = logging.getLogger(__name__)
LANGUAGE_CODES = [code for code, _ in settings.LANGUAGES]
AUTOCOMPLETE_LIMIT = 8
UNAVAILABLE = "Search is temporarily unavailable. Please try again in a moment."


def error_response(message, status):
    return JsonResponse({"error": message}, status=status)


def json_errors(view):
    """A client of the API gets JSON even when the database fails (synonyms, facet labels): 503."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except DatabaseError:
            logger.exception("Search API: the database failed")
            return error_response(UNAVAILABLE, 503)

    return wrapped


def requested_language(params):
    language = params.get("lang") or settings.LANGUAGE_CODE
    if language not in LANGUAGE_CODES:
        raise QueryError(f"Parameter 'lang' must be one of {', '.join(LANGUAGE_CODES)}.")
    return language


@require_GET
@json_errors
def search_api(request):
    try:
        language = requested_language(request.GET)
        query = query_from_params(request.GET, language)
        with log.Stopwatch() as took:
            results = run_search(query)
    except QueryError as error:
        return error_response(str(error), 400)
    except SearchUnavailable:
        return error_response(UNAVAILABLE, 503)
    # The search console: pass `search_id` back as `sid` with the next page or filter of this query.
    search_id = log.log_search(request.GET, query, results, took.seconds, log.API)
    translations = translation_urls(results.hits, language)
    checked = check_dates([hit.page_id for hit in results.hits])
    with translation.override(language):
        facets = {
            facet["name"]: [
                {"value": item["value"], "label": str(item["label"]), "count": item["count"]}
                for item in facet["values"]
            ]
            for facet in labelled_facets(results.facets, query.filters, language)
        }
    return JsonResponse(
        {
            "query": query.text,
            "lang": language,
            "page": query.page,
            "per_page": query.per_page,
            "total": results.total,
            "results": [result_json(hit, translations, checked) for hit in results.hits],
            # A passage quoted as the answer to a question, when it clearly answers (else null).
            "answer": answer_json(results.answer),
            "facets": facets,
            "suggestion": results.suggestion,
            "partial": results.partial,
            # Nothing (or too little) matched the words or the meaning: the few results are only maybe related.
            "weak": results.weak,
            # Weak because most words are on no page: those words, as typed.
            "unknown_words": list(results.unknown_words),
            "fallback_locale": results.fallback_locale,
            # Written in another language than `lang` (e.g. "ru"): answered from pages in Czech or in it.
            "query_language": results.query_language,
            "backup_engine": results.from_backup,
            # Pinned by editors above the results for this query in this language (first page only).
            "promoted": [
                {"title": item.title, "url": item.url, "description": item.description, "external": item.external}
                for item in (promoted_for(query.text, language) if query.page == 1 else [])
            ],
            "search_id": search_id,
        }
    )


def passage_json(link):
    return {"heading": " › ".join(link.heading), "anchor": link.anchor, "url": link.url}


def answer_json(answer):
    if answer is None:
        return None
    updated = answer_updated(answer)
    return {
        "quote": answer.quote,
        "title": answer.title,
        "passage": passage_json(answer.link),
        "locale": answer.locale,
        "updated": updated.isoformat() if updated else None,
        "confidence": answer.confidence,
    }


def result_json(hit, translations, checked):
    """One result; `snippet` keeps its name from the first version of the API. `checked`: check_dates()."""
    last_checked, check_by = checked.get(hit.page_id, (None, None))
    return {
        "title": hit.title,
        "url": hit.url,
        "snippet": hit.excerpt,
        "type": hit.content_type,
        "locale": hit.locale,
        "score": hit.score,
        "passage": passage_json(hit.passage) if hit.passage else None,
        "more_passages": [passage_json(link) for link in hit.more_passages],
        "more_count": hit.more_count,
        "missing_words": list(hit.missing),
        # Found by meaning or through another language rather than by the query's words, and whether the
        # page is in another language than the query's (a Czech answer to a Ukrainian question).
        "related": hit.related,
        "cross_lingual": hit.cross_lingual,
        # A live translation in the query's language, for a result shown in another one.
        "translation_url": translations.get(hit.translation_key),
        # The same text published again under another title or place: shown once, the others linked.
        "also_published_as": [{"title": copy.title, "url": copy.url} for copy in hit.copies],
        # When someone last confirmed the facts, and when they are due to be checked again (ISO dates).
        "last_checked": last_checked.isoformat() if last_checked else None,
        "check_by": check_by.isoformat() if check_by else None,
    }


@require_GET
@json_errors
def autocomplete_api(request):
    try:
        language = requested_language(request.GET)
    except QueryError as error:
        return error_response(str(error), 400)
    prefix = request.GET.get("q", "")[: settings.SEARCH_MAX_QUERY_LENGTH]
    try:
        suggestions = failover.autocomplete(prefix, language, AUTOCOMPLETE_LIMIT)
    except SearchUnavailable:
        return error_response(UNAVAILABLE, 503)
    log.log_autocomplete(language)
    return JsonResponse({"query": prefix, "results": suggestions})
