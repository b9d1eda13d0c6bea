""""Still correct": an editor confirms in one click that an overdue page's facts still hold.

The reminder mail carries a signed link per page and recipient (page id + user id, valid for a month);
the page's admin header offers the same action. Either way the editor, logged in and allowed to edit the
page, confirms on a small admin page with a POST. The confirmation is a new revision by that editor with
today's check dates. It is published only when the page is live without unpublished changes, so that the
revision holds exactly what readers already see: confirming never publishes someone's unreviewed draft.
The page history shows who confirmed and when ("hub.check_confirmed").
"""

import datetime

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log
from wagtail.models import Page

from hub.core.freshness import Checked

LOG_ACTION = "hub.check_confirmed"
LOG_LABEL = gettext_lazy("Confirmed as current")
SALT = "hub.core.check_confirmation"
# Long enough for an editor back from a holiday; a weekly digest brings fresh links anyway.
LINK_LIFETIME = datetime.timedelta(days=30)
TEMPLATE = "core/admin/confirm_checked.html"


def confirmation_token(page, user):
    return signing.dumps({"page": page.pk, "user": user.pk}, salt=SALT)


def confirmation_link(page, user):
    """The absolute "Still correct" link for `user`, as it goes into a mail."""
    token = confirmation_token(page, user)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("confirm_checked_link", args=[token])


def publishes_confirmation(page):
    """A confirmation goes live at once only when the revision would hold just what readers see."""
    return page.live and not page.has_unpublished_changes


@transaction.atomic
def confirm_checked_page(page, user):
    """Record that `user` confirmed `page` today, in a new revision; returns the confirmed version."""
    publish = publishes_confirmation(page)
    draft = page.get_latest_revision_as_object()
    draft.confirm_checked()
    revision = draft.save_revision(user=user, log_action=False)
    if publish:
        # An organisation's editors may not publish; this revision is what readers already see plus
        # today's check dates, so nothing unreviewed goes live and the review workflow is not bypassed.
        revision.publish(user=user, skip_permission_checks=True)
    log(
        instance=page,
        action=LOG_ACTION,
        user=user,
        revision=revision,
        data={"last_checked": draft.last_checked.isoformat(), "check_by": draft.check_by.isoformat()},
    )
    return draft


def refusal(request, message, status):
    return TemplateResponse(request, TEMPLATE, {"page_title": _("Still correct"), "refusal": message}, status=status)


def confirm_from_link(request, token):
    """The link from a reminder mail: only for the editor it was sent to, and only for a month."""
    try:
        claims = signing.loads(token, salt=SALT, max_age=LINK_LIFETIME)
    except signing.SignatureExpired:
        return refusal(
            request,
            _("This link has expired. Open the page in the administration and use “Still correct” there."),
            status=410,
        )
    except signing.BadSignature:
        return refusal(request, _("This link is not valid. Nothing was changed."), status=400)
    if claims.get("user") != request.user.pk:
        return refusal(
            request,
            _("This link was sent to another editor. Open the page in the administration instead."),
            status=403,
        )
    return confirm(request, claims.get("page"))


def confirm(request, page_id):
    """GET: the confirmation page; POST: confirm (the form posts back to the URL it came from)."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, Checked):
        raise Http404
    if not page.permissions_for_user(request.user).can_edit():
        return refusal(
            request,
            _(
                "You cannot edit the page “%(title)s”, so you cannot confirm it either. "
                "Ask the editors of its organisation or a reviewer."
            )
            % {"title": page.get_admin_display_title()},
            status=403,
        )
    draft = page.get_latest_revision_as_object()
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    already_confirmed = draft.last_checked == timezone.localdate()
    will_publish = publishes_confirmation(page)
    if request.method == "POST" and not already_confirmed:
        confirmed = confirm_checked_page(page, request.user)
        if will_publish:
            messages.success(
                request,
                _("Confirmed as current; the next check is due on %(date)s.")
                % {"date": date_format(confirmed.check_by)},
            )
        else:
            messages.warning(
                request,
                _(
                    "The page has unpublished changes, so the confirmation was saved in a new draft "
                    "together with them; readers see it once the draft is published."
                ),
            )
        return redirect(edit_url)
    context = {
        "page_title": _("Still correct"),
        "page": page,
        "draft": draft,
        "already_confirmed": already_confirmed,
        "will_publish": will_publish,
        "form_action": request.path,
        "edit_url": edit_url,
    }
    return TemplateResponse(request, TEMPLATE, context)


def still_correct_button(page, user, view_name=None, next_url=None):
    """register_page_header_buttons hook: "Still correct" on a content page the user may edit."""
    if issubclass(page.specific_class or Page, Checked) and page.permissions_for_user(user).can_edit():
        url = reverse("confirm_checked_page", args=[page.pk])
        yield Button(_("Still correct"), url, priority=70, icon_name="success")


def register_log_action(actions):
    actions.register_action(LOG_ACTION, LOG_LABEL, LOG_LABEL)


admin_urlpatterns = [
    path("still-correct/<str:token>/", confirm_from_link, name="confirm_checked_link"),
    path("pages/<int:page_id>/still-correct/", confirm, name="confirm_checked_page"),
]
