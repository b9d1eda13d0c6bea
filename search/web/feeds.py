"""Atom feeds of any search: /<lang>/search/feed/?q=…&region=…&topic=…&type=… (django.contrib.syndication).

A feed is a search URL read by a feed reader: the same filters as the search page, so a section (?type=),
a topic, a region, a content type and a language (the URL's prefix) each have one, and so does any list a
reader filtered. Without words the search browses newest first, which is what a feed wants. A parameter
or value the search does not know is refused with a 400 that names it, in the reader's language, rather
than quietly giving an unfiltered feed.
"""

import html
from dataclasses import replace

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import get_language, gettext
from wagtail.models import Page

from search.documents import schema
from search.engines.base import SearchUnavailable
from search.query.types import QueryError
from search.web.views import (
    content_type_labels,
    filter_fields,
    query_from_params,
    run_search,
    taxonomy_labels,
)

# Entries in one feed: a reader polling daily sees a week of a busy region.
FEED_ENTRIES = 20
# The parameters a feed reads besides the filters.
QUERY_PARAMETERS = ("q",)


class FeedRefused(Exception):
    """A feed URL the search cannot answer as asked; the message is for the reader."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.status = status


def checked_query(params, language):
    """The SearchQuery of a feed URL; FeedRefused for a parameter or a filter value that does not exist."""
    known = set(QUERY_PARAMETERS) | set(filter_fields())
    unknown = sorted(set(params) - known)
    if unknown:
        raise FeedRefused(
            gettext("This feed has no filter “%(name)s”. It can filter by: %(known)s.")
            % {"name": unknown[0], "known": ", ".join(sorted(known))}
        )
    try:
        query = query_from_params(params, language)
    except QueryError as error:
        raise FeedRefused(str(error)) from None
    for name, values in query.filters.items():
        missing = sorted(set(values) - set(existing_values(name, values)))
        if missing:
            raise FeedRefused(
                gettext("Nothing is filed under “%(value)s” in the filter “%(name)s”.")
                % {"value": missing[0], "name": name},
                status=404,
            )
    return replace(query, per_page=FEED_ENTRIES, page=1)


def existing_values(name, values):
    """Which of `values` the filter `name` knows; values of filters with open values (years) all exist."""
    term_models = schema.term_facet_models()
    if name in term_models:
        return term_models[name].objects.filter(slug__in=values).values_list("slug", flat=True)
    if name == schema.TYPE_FACET:
        return [value for value in values if value in schema.type_keys()]
    return values


def feed_title(query, language):
    """"Rozcestník: <words> · <filter labels>", so a reader's list of feeds says what each follows."""
    return " · ".join([gettext("Rozcestník: new and updated pages"), *query_labels(query, language)])


def query_labels(query, language):
    """The words and each filter value of a query, named in the reader's language."""
    parts = [f"„{query.text}“"] if query.text.strip() else []
    term_models = schema.term_facet_models()
    types = content_type_labels()
    for name, values in query.filters.items():
        if name in term_models:
            labels = taxonomy_labels(term_models[name], values, language)
        else:
            labels = types if name == schema.TYPE_FACET else {}
        parts += [str(labels.get(value, value)) for value in values]
    return parts


class SearchFeed(Feed):
    feed_type = Atom1Feed
    author_name = "Rozcestník"

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except FeedRefused as refused:
            return HttpResponse(str(refused), status=refused.status, content_type="text/plain; charset=utf-8")

    def get_object(self, request):
        language = get_language()
        query = checked_query(request.GET, language)
        try:
            results = run_search(query)
        except SearchUnavailable:
            raise FeedRefused(gettext("Search is temporarily unavailable. Please try again in a moment."), 503) from None
        published = {
            pk: (first, last)
            for pk, first, last in Page.objects.filter(pk__in=[hit.page_id for hit in results.hits]).values_list(
                "pk", "first_published_at", "last_published_at"
            )
        }
        return {"query": query, "language": language, "hits": results.hits, "published": published, "request": request}

    def title(self, found):
        return feed_title(found["query"], found["language"])

    def subtitle(self, found):
        return gettext("What is new in Rozcestník, the knowledge hub for the integration of foreigners.")

    def link(self, found):
        """The search page showing the same list."""
        encoded = found["request"].GET.urlencode()
        return reverse("search") + (f"?{encoded}" if encoded else "")

    def feed_url(self, found):
        return found["request"].get_full_path()

    def items(self, found):
        # A page removed since it was indexed has no dates (Atom requires one) and no page to link to.
        return [(hit, found["published"][hit.page_id]) for hit in found["hits"] if hit.page_id in found["published"]]

    def item_title(self, item):
        return item[0].title

    def item_description(self, item):
        return html.unescape(strip_tags(item[0].excerpt))  # the excerpt is escaped HTML with <mark>

    def item_link(self, item):
        return item[0].url

    def item_pubdate(self, item):
        return item[1][0]

    def item_updateddate(self, item):
        return item[1][1] or item[1][0]
