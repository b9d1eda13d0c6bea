"""One Locale lookup per language per request.

Wagtail's `.localized` (and `Locale.get_active()` / `get_default()`) asks the database for the Locale
row every time it is used: the organisation listing made 140 such queries (246 in all) and the home
page 47. Locales change only when an administrator adds a language, never during a request, so the
lookups are remembered for one request (LocaleCacheMiddleware), never across requests or outside one.
"""

import contextvars

from wagtail.models.i18n import LocaleManager

_request_locales = contextvars.ContextVar("request_locales", default=None)
_get_for_language = LocaleManager.get_for_language


def get_for_language_once_per_request(manager, language_code):
    locales = _request_locales.get()
    if locales is None:
        return _get_for_language(manager, language_code)
    if language_code not in locales:
        locales[language_code] = _get_for_language(manager, language_code)
    return locales[language_code]


def install():
    """Route Wagtail's Locale lookups through the request's memory (called once, at app start)."""
    LocaleManager.get_for_language = get_for_language_once_per_request


class LocaleCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_locales.set({})
        try:
            return self.get_response(request)
        finally:
            _request_locales.reset(token)
