"""The search page /<lang>/search/, and what it shares with the JSON API (search/web/api.py)."""

import math
from operator import attrgetter
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.shortcuts import render
from django.utils.translation import get_language
from wagtail.models import Page

from hub.core.collation import sorted_by_name
from hub.organisations.models import Helpline, OrganisationIndexPage
from search.console import log
from search.console.clicks import click_url
from search.console.promotions import promoted_for
from search.documents import schema
from search.engines import failover
from search.engines.base import SearchUnavailable
from search.query import pipeline
from search.query.types import QueryError, SearchQuery

PER_PAGE = 10
# Deep pages of a relevance ranking are noise and cost the engine most; filters are the way further.
MAX_PAGE = 100


def filter_fields():
    """Filters offered to readers: every facet the models declare; the language is chosen by the URL
    (/<lang>/search/) or ?lang=."""
    return tuple(name for name in schema.facet_names() if name != schema.LOCALE_FACET)


def query_from_params(params, locale):
    """A SearchQuery from GET parameters; QueryError names the parameter a user got wrong."""
    try:
        page = int(params.get("page") or 1)
    except ValueError:
        raise QueryError("Parameter 'page' must be a whole number.") from None
    if not 1 <= page <= MAX_PAGE:
        raise QueryError(f"Parameter 'page' must be between 1 and {MAX_PAGE}.")
    filters = {name: params.getlist(name) for name in filter_fields() if params.getlist(name)}
    return SearchQuery(text=params.get("q", ""), locale=locale, filters=filters, page=page, per_page=PER_PAGE)


def run_search(query):
    """Results from the configured engine, or from the backup engine while it cannot answer
    (search/engines/failover.py). Raises SearchUnavailable only when no engine can answer."""
    results, from_backup = failover.answer(lambda engine: pipeline.answer(engine, query))
    results.from_backup = from_backup
    return results


def answer_updated(answer):
    """When the page an answer box quotes was last published: a reader weighs an answer by its age."""
    return Page.objects.filter(pk=answer.page_id).values_list("last_published_at", flat=True).first()


def content_type_labels():
    return {key: model._meta.verbose_name for key, model in schema.type_keys().items()}


def taxonomy_labels(model, slugs, language):
    """Names of taxonomy terms in `language`, falling back to the Czech name, then to the slug."""
    names = {}
    for term in model.objects.filter(slug__in=slugs).select_related("locale"):
        code = term.locale.language_code
        if code == language or (code == settings.LANGUAGE_CODE and term.slug not in names):
            names[term.slug] = term.name
    return names


def labelled_facets(facets, filters, language):
    """Facets as the page and the API show them: [{name, title, values: [{value, label, count, selected}]}]."""
    types = content_type_labels()
    term_models = schema.term_facet_models()
    titles = schema.facet_titles()
    result = []
    for name in filter_fields():
        counts = facets.get(name) or []
        if not counts:
            continue
        if name in term_models:
            labels = taxonomy_labels(term_models[name], [value for value, _ in counts], language)
        else:
            labels = types if name == schema.TYPE_FACET else {}
        selected = set(filters.get(name, ()))
        values = [
            {"value": value, "label": labels.get(value, value), "count": count, "selected": value in selected}
            for value, count in counts
        ]
        result.append({"name": name, "title": titles[name], "values": ordered_facet_values(name, values, language)})
    return result


def ordered_facet_values(name, values, language):
    """Years newest first; names as the reader's language sorts them (hub/core/collation.py), so a
    reader finds "CPIC České Budějovice" before "CPIC Zlín"."""
    if name == "year":
        return sorted(values, key=lambda item: str(item["value"]), reverse=True)
    return sorted_by_name(values, lambda item: str(item["label"]), language)


def popular_topics(language, limit=8):
    Topic = apps.get_model("taxonomy.Topic")
    topics = Topic.objects.filter(locale__language_code=language)
    return sorted_by_name(topics, attrgetter("name"), language)[:limit]


def translation_urls(hits, language):
    """{translation key: URL} of live translations in `language` of results shown in another language
    (Czech answers to a Ukrainian or English query): a page and its translations are one result."""
    keys = {hit.translation_key for hit in hits if hit.locale != language and hit.translation_key}
    if not keys:
        return {}
    pages = Page.objects.live().filter(translation_key__in=keys, locale__language_code=language)
    return {str(page.translation_key): page.url for page in pages}


def directory_url(language):
    """The organisation directory in `language` (regional centres, NGOs, helplines), or None."""
    directory = OrganisationIndexPage.objects.live().filter(locale__language_code=language).first()
    return directory.url if directory else None


def key_helplines(language):
    """The helplines every page shows in its footer, for a reader who found nothing."""
    return Helpline.objects.filter(show_in_footer=True, locale__language_code=language).order_by("name")


def search_page(request):
    language = get_language()
    context = {"search_query": request.GET.get("q", "")}
    status = 200
    try:
        query = query_from_params(request.GET, language)
        with log.Stopwatch() as took:
            results = run_search(query)
    except QueryError as error:
        context["error"] = str(error)
        status = 400
    except SearchUnavailable:
        context["unavailable"] = True
        status = 503
    else:
        pages = max(1, math.ceil(results.total / query.per_page))
        types = content_type_labels()
        translations = translation_urls(results.hits, language)
        # The search console (search/console/): log the search once, and send result links through it.
        search_id = log.log_search(request.GET, query, results, took.seconds, log.PAGE)
        first = (query.page - 1) * query.per_page + 1
        context.update(
            results=results,
            search_id=search_id,
            promoted=promoted_links(query, search_id),
            hits=[
                (
                    hit,
                    types.get(hit.content_type, hit.content_type),
                    translations.get(hit.translation_key),
                    result_link(hit, search_id, first + number, query.page),
                )
                for number, hit in enumerate(results.hits)
            ],
            # Czech answers among results in the reader's language: say what the «In Czech» badge means.
            cross_lingual=not (results.fallback_locale or results.query_language)
            and any(hit.cross_lingual for hit in results.hits),
            answer_updated=answer_updated(results.answer) if results.answer else None,
            first_number=first,
            facets=labelled_facets(results.facets, query.filters, language),
            page=query.page,
            pages=pages,
            previous_page=query.page - 1 if query.page > 1 else None,
            next_page=query.page + 1 if query.page < min(pages, MAX_PAGE) else None,
            query_without_page=without_page(request.GET, search_id),
            feed_query=feed_query(request.GET),
            has_filters=bool(query.filters),
            filter_count=sum(len(values) for values in query.filters.values()),
        )
        if not results.total:
            context.update(
                popular_topics=popular_topics(language),
                contacts_url=directory_url(language),
                helplines=key_helplines(language),
            )
    return render(request, "search/search_page.html", context, status=status)


def result_link(hit, search_id, position, page):
    """Where a result's title links: its best section, through the click log when the search is logged."""
    url = hit.passage.url if hit.passage else hit.url
    return click_url(search_id, url, position, page) if search_id else url


def promoted_links(query, search_id):
    """(promotion, link) pinned by editors for the query, on the first results page only."""
    if query.page != 1:
        return []
    return [
        (promotion, click_url(search_id, promotion.url, 0, 1, promoted=True) if search_id else promotion.url)
        for promotion in promoted_for(query.text, query.locale)
    ]


def feed_query(params):
    """The query string of this list's Atom feed (search/web/feeds.py): the words and filters only, not
    the results page, the order or the search's log id."""
    followed = ("q", *filter_fields())
    return urlencode([(name, value) for name, values in params.lists() if name in followed for value in values])


def without_page(params, search_id=None):
    """The current query string without `page` (with the search's id), ending in "&" when not empty,
    for pagination links."""
    params = params.copy()
    params.pop("page", None)
    if search_id:
        params["sid"] = search_id
    encoded = params.urlencode()
    return f"{encoded}&" if encoded else ""
