"""Marking a publish as substantial: the page editor's "Publish and alert subscribers".

A plain Publish (a typo fixed, a phone number reformatted) alerts nobody; this second publish button
does the same publish and records a SubstantialChange, which the next alerts read (search/alerts/sending.py).
Registered from search/wagtail_hooks.py; hub/ knows nothing of it.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.action_menu import PublishMenuItem

from search.models import SubstantialChange

# The value the button submits under Wagtail's own "action-publish", so Wagtail publishes as usual.
ALERT_SUBSCRIBERS = "alert-subscribers"


class PublishAndAlertMenuItem(PublishMenuItem):
    label = _("Publish and alert subscribers")
    template_name = "search/admin/publish_and_alert.html"
    order = 5  # right under Publish

    def is_shown(self, context):
        # A new page is news without marking; only an edit can be a substantial change.
        return context["view"] == "edit" and super().is_shown(context)

    def get_context_data(self, parent_context):
        return {**super().get_context_data(parent_context), "value": ALERT_SUBSCRIBERS}


def record_substantial_change(request, page):
    """after_publish_page: the publish came from "Publish and alert subscribers" and went live now
    (a scheduled publish alerts nobody: it is not live yet)."""
    if request.POST.get("action-publish") == ALERT_SUBSCRIBERS and page.live and not (
        page.go_live_at and page.go_live_at > timezone.now()
    ):
        SubstantialChange.objects.create(page=page)
