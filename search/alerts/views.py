"""The reader's alert pages: subscribe, confirm, manage and unsubscribe (/<lang>/search/alerts/…).

No account: the confirm, manage and unsubscribe pages are reached through signed links in the mails
(search/alerts/tokens.py). Opening a link only shows a button, so a mail scanner that follows links
confirms or unsubscribes nothing; only the one-click POST of RFC 8058 (List-Unsubscribe-Post), which mail
programs send without a CSRF token or a session, unsubscribes directly.
"""

from django import forms
from django.core import signing
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from search.alerts import subscribing, tokens
from search.models import Subscription
from search.web.feeds import FeedRefused

CHECK_INBOX = _(
    "Check your inbox: if this address can subscribe, we have sent it a link to confirm the alert. "
    "Until you confirm, we send nothing else."
)
UNSUBSCRIBED = _("You are unsubscribed: this alert sends you nothing more.")
UNSUBSCRIBED_FROM_ALL = _("You are unsubscribed from all alerts; we keep nothing of your address.")


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Subscription.Frequency.choices,
        initial=Subscription.Frequency.WEEKLY,
        widget=forms.RadioSelect,
    )
    # The followed search's query string (?q=…&region=…), carried from the list the reader came from.
    follow = forms.CharField(required=False, widget=forms.HiddenInput)


def refused(request, message, status):
    return render(request, "search/alerts/message.html", {"message": message, "refused": True}, status=status)


def bad_link(request):
    return refused(
        request,
        _("This link is not valid: it may have been cut short, or it has expired. Nothing was changed."),
        400,
    )


@require_http_methods(["GET", "POST"])
def subscribe(request):
    language = get_language()
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        follow = request.POST.get("follow", "")
    else:
        form = SubscribeForm(initial={"follow": subscribing.followed_query(request.GET)})
        follow = request.GET.urlencode()
    params = QueryDict(follow)
    try:
        label = subscribing.followed_label(subscribing.checked(params, language), language)
    except subscribing.Refused as error:
        return refused(request, str(error), error.status)
    if form.is_valid():
        try:
            subscribing.subscribe(request, form.cleaned_data["email"], form.cleaned_data["frequency"], params, language)
        except subscribing.Refused as error:
            return refused(request, str(error), error.status)
        # The same answer for a new, a waiting and an already confirmed address: the form names no one.
        return render(request, "search/alerts/message.html", {"message": CHECK_INBOX})
    status = 400 if form.is_bound else 200
    return render(request, "search/alerts/subscribe.html", {"form": form, "label": label}, status=status)


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    if request.method == "GET":
        try:
            tokens.confirmed_subscription_of(token)
        except signing.BadSignature:
            return bad_link(request)
        return render(request, "search/alerts/confirm.html")
    try:
        state = subscribing.confirm(token)
    except signing.BadSignature:
        return bad_link(request)
    message = (
        _("Your alert is confirmed. We will mail you when pages of this list are new or substantially changed.")
        if state == subscribing.CONFIRMED
        else _("This alert was already confirmed. Nothing was changed.")
    )
    return render(request, "search/alerts/message.html", {"message": message})


@csrf_exempt  # RFC 8058: mail programs POST "List-Unsubscribe=One-Click" with no token and no session
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        subscription = tokens.subscription_of(token, tokens.UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return bad_link(request)
    if request.method == "GET":
        return render(request, "search/alerts/unsubscribe.html")
    subscription.delete()
    return render(request, "search/alerts/message.html", {"message": UNSUBSCRIBED})


@require_http_methods(["GET", "POST"])
def manage(request, token):
    try:
        anchor = tokens.subscription_of(token, tokens.MANAGE_SALT)
    except signing.BadSignature:
        return bad_link(request)
    subscriptions = Subscription.objects.filter(email=anchor.email).order_by("created_at")
    if request.method == "POST":
        chosen = [value for value in request.POST.getlist("remove") if value.isdigit()]
        (subscriptions if "all" in request.POST else subscriptions.filter(pk__in=chosen)).delete()
        remaining = subscriptions.first()
        if remaining is None:
            return render(request, "search/alerts/message.html", {"message": UNSUBSCRIBED_FROM_ALL})
        # The link named a subscription just removed: go on through one that is left.
        return redirect("search_alert_manage", tokens.manage_token(remaining))
    rows = [(subscription, label_or_gone(subscription)) for subscription in subscriptions]
    return render(request, "search/alerts/manage.html", {"rows": rows, "email": anchor.email})


def label_or_gone(subscription):
    """The followed search's name in its language; a search whose filter no longer exists says so."""
    try:
        return subscribing.followed_label(subscription.query, subscription.language)
    except FeedRefused:
        return _("A list that no longer exists")
