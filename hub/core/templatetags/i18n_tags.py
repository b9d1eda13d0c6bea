"""Language switching and locale-aware formatting for the public templates.

`language_links` gives, for every content language, where the reader should go: the same page
in that language when a live translation exists, otherwise that language's "not available in your
language" page (hub.core.views.untranslated_page), which offers the Czech original, the language's
home page and a translation request. The filters format numbers for the active language and phone
numbers in one dialable form.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import formats, translation
from django.utils.html import format_html
from wagtail.models import Page, Site

from hub.core.phones import dial_target, format_phone

register = template.Library()

# Each language is offered under its own name, so a reader finds theirs whatever page they are on.
ENDONYMS = {"cs": "Čeština", "uk": "Українська", "en": "English"}


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    # False when the page has no live translation and `url` leads to the "not available" page.
    translated: bool


def language_name(code):
    return ENDONYMS.get(code) or translation.get_language_info(code)["name_local"]


def untranslated_page_url(code, page):
    """The page that tells a reader of `code` that `page` is not translated yet, and what they can do."""
    with translation.override(code):
        return reverse("untranslated_page", args=[page.pk])


def language_home_url(code, request):
    """The home page in `code` when it exists and is live, else the bare language prefix."""
    site = Site.find_for_request(request) if request else None
    site = site or Site.objects.filter(is_default_site=True).first()
    if site is not None:
        translations = site.root_page.get_translations(inclusive=True)
        home = translations.live().filter(locale__language_code=code).first()
        if home is not None:
            return home.get_url(request)
    return f"/{code}/"


def switched_prefix_url(request, code):
    """The current non-page URL (e.g. /cs/search/?q=…) under another language prefix, query kept."""
    current_prefix = f"/{translation.get_language()}/"
    full_path = request.get_full_path() if request else ""
    if not full_path.startswith(current_prefix):
        return f"/{code}/"
    return f"/{code}/" + full_path[len(current_prefix) :]


def page_translations(page):
    """Pages of `page`'s translation set by language code: the live translations, and the page itself.

    The page being shown is in its own language even when it is a draft seen in the admin's
    preview (or a live page with a newer draft): a reader of its preview must not be told that it
    is not translated into its own language.
    """
    translations = page.get_translations().live().select_related("locale")
    found = {translated.locale.language_code: translated for translated in translations}
    found[page.locale.language_code] = page
    return found


@register.simple_tag(takes_context=True)
def language_links(context):
    """One LanguageLink per content language, in the order of settings.LANGUAGES."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    # A view that shows a page under a path every language shares (/cs/kraje/…/obec/) switches
    # the prefix like any other interface page.
    is_page = isinstance(page, Page) and page.pk is not None and not context.get("shared_path")
    translations = page_translations(page) if is_page else {}
    links = []
    for code, _name in settings.LANGUAGES:
        if not is_page:
            url, translated = switched_prefix_url(request, code), True
        elif code in translations:
            url, translated = translations[code].get_url(request), True
        else:
            url, translated = untranslated_page_url(code, page), False
        links.append(
            LanguageLink(
                code=code,
                name=language_name(code),
                url=url,
                is_current=code == current,
                translated=translated,
            )
        )
    return links


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """`url` with scheme and host, as search engines expect in <link rel="alternate">."""
    request = context.get("request")
    return request.build_absolute_uri(url) if request else url


@register.filter
def number(value, decimal_places=None):
    """A number with the active language's separators: 12 345,5 in cs and uk, 12,345.5 in en."""
    if value in (None, ""):
        return ""
    return formats.number_format(
        value, decimal_pos=decimal_places, use_l10n=True, force_grouping=True
    )


@register.filter
def phone(value):
    """A phone number in one dialable form (hub.core.phones.format_phone)."""
    return format_phone(value)


@register.filter
def phone_href(value):
    """A tel: link target without spaces, international for Czech numbers."""
    return dial_target(value)


@register.simple_tag
def phone_link(value):
    """A dialable link showing the formatted number; empty for no number."""
    if not value:
        return ""
    return format_html('<a class="phone" href="{}">{}</a>', phone_href(value), phone(value))
