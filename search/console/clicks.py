"""The click redirect: a result link goes through /<lang>/search/go/ so the log learns which result
(position, results page) a reader opened, with no JavaScript. It only ever redirects to an address on
this site or to an external link an editor promoted: never an open redirect."""

from urllib.parse import urlencode

from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from search.console import log
from search.console.promotions import is_promoted_url


def click_url(token, url, position, page, promoted=False):
    params = {"sid": token, "to": url, "pos": position, "page": page}
    if promoted:
        params["promoted"] = 1
    return f"{reverse('search_click')}?{urlencode(params)}"


def is_internal(url):
    return url.startswith("/") and url_has_allowed_host_and_scheme(url, allowed_hosts=None)


def whole_number(value, default=0, limit=10_000):
    try:
        return min(max(int(value), 0), limit)
    except (TypeError, ValueError):
        return default


@require_GET
def search_click(request):
    url = request.GET.get("to", "")
    promoted = bool(request.GET.get("promoted"))
    if not (is_internal(url) or (promoted and is_promoted_url(url))):
        return HttpResponseBadRequest("Not an address of this site.")
    log.log_click(
        request.GET.get("sid"),
        url,
        position=whole_number(request.GET.get("pos")),
        page=whole_number(request.GET.get("page"), default=1),
        promoted=promoted,
    )
    return HttpResponseRedirect(url)
