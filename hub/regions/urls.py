"""The regional signpost under every language prefix (wired in hub/urls.py before Wagtail's pages)."""

from django.urls import path

from hub.regions import views

urlpatterns = [
    path("kraje/", views.region_index, name="regions"),
    path("kraje/vyber/", views.choose_region, name="choose_region"),
    path("kraje/v-kraji/<slug:region_slug>/", views.region_box, name="region_box"),
    path("kraje/<slug:region_slug>/", views.region_page, name="region"),
    path("kraje/<slug:region_slug>/<slug:journey_slug>/", views.region_journey, name="region_journey"),
]
