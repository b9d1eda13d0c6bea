"""Site chrome for the public templates: the home page and main navigation of the active language, where
the current page belongs (hub/core/wayfinding.py), the home page's "Recently published" list, taxonomy
terms in the reader's language and order, short web addresses and JSON-LD blocks."""

import json
from operator import attrgetter
from urllib.parse import urlsplit

from django import template
from django.db.models import prefetch_related_objects
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext
from wagtail.models import Locale, Page, Site

from hub.core.blocks import stream_anchors
from hub.core.collation import sorted_by_name
from hub.core.locale_cache import remembered_for_request
from hub.core.models import TAXONOMY_FIELDS, HubPage
from hub.core.wayfinding import page_trail

register = template.Library()

# What Django's json_script escapes, so "</script>" in a title cannot close the block.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def active_locale():
    """The locale of the active language, or the default one outside a translated URL."""
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


@register.simple_tag(takes_context=True)
def home_page(context):
    """The site's home page in the active language (or the default one when not translated)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    root = site.root_page
    return root.get_translation_or_none(active_locale()) or root


@register.simple_tag(takes_context=True)
def main_navigation(context):
    home = home_page(context)
    if home is None:
        return Page.objects.none()
    return home.get_children().live().in_menu().specific()


@register.simple_tag
def wayfinding(page):
    """The section and breadcrumb trail of `page` (None outside a page, e.g. on the search page)."""
    return page_trail(page)


@register.simple_tag
def current_language():
    return translation.get_language()


@register.simple_tag
def recently_published(home, limit=6):
    """The newest content pages under one language's home page, for the home page's 'Recently published'."""
    content_models = [model for model in HubPage.__subclasses__() if model.listed_as_recent]
    pages = (
        Page.objects.live()
        .public()
        .descendant_of(home)
        .type(*content_models)
        .order_by("-first_published_at")
        .specific()
    )
    pages = list(pages[:limit])
    # Every card names its terms: one query per type and field, not per card.
    for model in {type(page) for page in pages}:
        prefetch_related_objects([page for page in pages if type(page) is model], *TAXONOMY_FIELDS)
    return pages


@register.filter
def with_anchors(stream):
    """(block, anchor) pairs of a StreamField value: each heading with its page-unique id, others with ""."""
    return list(zip(stream or (), stream_anchors(stream), strict=True))


@register.simple_tag
def localized_terms(terms):
    """Taxonomy terms named in the reader's language and sorted as that language sorts names.

    What `.localized` gives each term, from one query per term type and request (the vocabularies are
    small) instead of one per term."""
    terms = list(terms)
    locale = active_locale()
    translations = {}
    if any(term.locale_id != locale.pk for term in terms):
        model = type(terms[0])
        translations = remembered_for_request(
            ("terms", model, locale.pk),
            lambda: {term.translation_key: term for term in model.objects.filter(locale=locale)},
        )
    localized = (translations.get(term.translation_key, term) for term in terms)
    return sorted_by_name(localized, attrgetter("name"))


@register.filter
def localized_term(term):
    """One taxonomy term (e.g. an organisation's actor type) in the reader's language."""
    return localized_terms([term])[0] if term else term


@register.simple_tag
def localized_pages(pages):
    """Pages (e.g. the organisations of a good practice) in the reader's language, sorted by title."""
    return sorted_by_name((page.localized for page in pages), attrgetter("title"))


# The most suggestions the search box lists; the autocomplete API returns as many (search/web/api.py).
SUGGESTIONS_SHOWN = 8


@register.simple_tag
def autocomplete_messages():
    """What static/js/autocomplete.js shows and announces, in the reader's language (plural forms by
    gettext, for every count it may show); rendered with json_script, since no inline script may run."""
    counts = {
        count: ngettext(
            "%(count)s suggestion. Choose with the up and down arrow keys.",
            "%(count)s suggestions. Choose with the up and down arrow keys.",
            count,
        )
        % {"count": count}
        for count in range(1, SUGGESTIONS_SHOWN + 1)
    }
    return {
        "label": gettext("Suggestions"),
        "none": gettext("No suggestions."),
        "counts": counts,
    }


@register.filter
def web_address(url):
    """A link's text instead of its raw URL: the site's name, "clovekvtisni.cz", short enough for a phone."""
    host = urlsplit(str(url or "")).hostname or str(url or "")
    return host.removeprefix("www.")


@register.simple_tag
def json_ld(data):
    """`data` as a schema.org JSON-LD block, escaped like Django's json_script so text cannot end it."""
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)),
    )
