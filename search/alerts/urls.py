"""Alert pages, mounted under /<lang>/search/alerts/ beside the feed (search/web/urls.py)."""

from django.urls import path

from search.alerts import views

urlpatterns = [
    path("", views.subscribe, name="search_alert_subscribe"),
    path("confirm/<str:token>/", views.confirm, name="search_alert_confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="search_alert_unsubscribe"),
    path("manage/<str:token>/", views.manage, name="search_alert_manage"),
]
