"""How a reader's choice of region travels: URL parameters, the regions in order, safe return paths.

Cookie-free by design: the region is a query parameter (?kraj=kraj-vysocina) or, with JavaScript,
an entry in the browser's localStorage (static/js/regions.js); nothing is stored on the server.
"""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from wagtail.models import Locale

from hub.core.collation import sorted_by_name
from hub.taxonomy.models import Region

# Query parameters: the region a page shows its "In your region" box for, what the reader typed
# into the chooser, and the journey the chooser should lead back to.
REGION_PARAMETER = "kraj"
PLACE_PARAMETER = "misto"
JOURNEY_PARAMETER = "cesta"
NEXT_PARAMETER = "next"


def region_for_slug(slug):
    """The Czech Region term with this slug (slugs are the same in every language), or 404."""
    return get_object_or_404(Region, locale=Locale.get_default(), slug=slug)


def regions_in_order():
    """The 14 regions as (localized region, Czech region) pairs, by their name in the reader's language.

    Sorted as the reader's dictionary does ("Ústecký" among the U's, not after "Zlínský").
    """
    default, active = Locale.get_default(), Locale.get_active()
    regions = Region.objects.filter(locale=default)
    translated = {region.translation_key: region for region in Region.objects.filter(locale=active)}
    pairs = [(translated.get(region.translation_key, region), region) for region in regions]
    return sorted_by_name(pairs, name=lambda pair: pair[0].name, language=active.language_code)


def is_local(request, url):
    return bool(url) and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}) and url.startswith("/")


def with_region_parameter(url, slug):
    """`url` with ?kraj=<slug>, replacing an earlier choice and keeping the other parameters."""
    parts = urlsplit(url)
    kept = [(key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True) if key != REGION_PARAMETER]
    query = urlencode([*kept, (REGION_PARAMETER, slug)])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def regions_trail(*crumbs):
    """Breadcrumbs of a signpost page: "Regions", then `crumbs` ((label, url) pairs; no url for the page itself)."""
    trail = [(gettext("Regions"), reverse("regions") if crumbs else "")] + list(crumbs)
    return [{"label": label, "url": url} for label, url in trail]
