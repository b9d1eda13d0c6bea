"""The events' subscribable calendar under every language prefix (wired in hub/urls.py before Wagtail's pages)."""

from django.urls import path

from hub.events import views

urlpatterns = [
    path("akce/kalendar.ics", views.events_calendar, name="events_calendar"),
]
