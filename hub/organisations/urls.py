"""Interface pages of hub.organisations under every language prefix (wired in hub/urls.py)."""

from django.urls import path

from hub.organisations import views

urlpatterns = [
    path("infolinky/", views.helplines, name="helplines"),
]
