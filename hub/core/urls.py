"""Interface pages of hub.core under every language prefix (wired in hub/urls.py)."""

from django.urls import path

from hub.core import views

urlpatterns = [
    path("preklad/<int:page_id>/", views.untranslated_page, name="untranslated_page"),
]
