"""One Locale lookup per language per request.

Wagtail's `.localized` (and `Locale.get_active()` / `get_default()`) asks the database for the Locale
row every time it is used: the organisation listing made 140 such queries (246 in all) and the home
page 47. Locales change only when an administrator adds a language, never during a request, so the
lookups are remembered for one request (LocaleCacheMiddleware), never across requests or outside one.
The same memory serves other per-language lookups a page repeats (taxonomy terms' translations).
"""

import contextvars

from wagtail.models.i18n import LocaleManager

_request_memory = contextvars.ContextVar("request_locales", default=None)
_get_for_language = LocaleManager.get_for_language


def get_for_language_once_per_request(manager, language_code):
    return remembered_for_request(
        ("locale", language_code), lambda: _get_for_language(manager, language_code)
    )


def remembered_for_request(key, compute):
    """`compute()`, computed once per request for `key` (every time outside a request)."""
    memory = _request_memory.get()
    if memory is None:
        return compute()
    if key not in memory:
        memory[key] = compute()
    return memory[key]


def install():
    """Route Wagtail's Locale lookups through the request's memory (called once, at app start)."""
    LocaleManager.get_for_language = get_for_language_once_per_request


class LocaleCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_memory.set({})
        try:
            return self.get_response(request)
        finally:
            _request_memory.reset(token)
