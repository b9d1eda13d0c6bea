"""Search URLs: the JSON API (mounted at /api/search/) and the page (inside i18n_patterns, /<lang>/search/)."""

from django.urls import include, path

from search.console.clicks import search_click
from search.web import api, feeds, views

urlpatterns = [
    path("", api.search_api, name="search_api"),
    path("autocomplete/", api.autocomplete_api, name="search_autocomplete"),
]

page_urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("search/go/", search_click, name="search_click"),
    path("search/feed/", feeds.SearchFeed(), name="search_feed"),
    path("search/alerts/", include("search.alerts.urls")),
]
