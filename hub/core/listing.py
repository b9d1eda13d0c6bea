"""Filtering, ordering and paging of section listings by region and topic."""

from dataclasses import dataclass
from operator import attrgetter

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import gettext_lazy as _

from hub.core.collation import CollatedPages, sorted_by_name
from hub.core.language_fallback import IN_DEFAULT_LANGUAGE
from hub.taxonomy.models import Region, Topic

# What each ordering key is called in the "Order by" menu.
ORDERING_LABELS = {
    "title": _("Title (A–Z)"),
    "newest": _("Newest first"),
    "year": _("Year, newest first"),
    "upcoming": _("Upcoming first, then past"),
}
# Orderings by a name are collated in Python (hub/core/collation.py): databases sort names by code point.
COLLATED_FIELDS = {"title"}


@dataclass
class Listing:
    pages: object
    regions: object
    topics: object
    selected_region: str
    selected_topic: str
    ordering: str
    ordering_keys: tuple = ()

    @property
    def filter_count(self):
        return sum(1 for selected in (self.selected_region, self.selected_topic) if selected)

    @property
    def ordering_choices(self):
        return [(key, ORDERING_LABELS.get(key, key)) for key in self.ordering_keys]

    @property
    def query_without_page(self):
        """The current filters as a query string prefix, so paging keeps them."""
        params = {"region": self.selected_region, "topic": self.selected_topic, "order": self.ordering}
        return "".join(f"{key}={value}&" for key, value in params.items() if value)


def filter_listing(pages, params, *, locale, orderings, default_ordering, language_first=False):
    """Filter by ?region= and ?topic= slugs and order by ?order=; unknown values fall back quietly.

    `orderings` maps each ?order= key to a field name or a tuple of order_by() arguments.
    `language_first`: `pages` come from hub.core.language_fallback, and the reader's language is
    listed before the Czech pages that wait for a translation.
    """
    region = params.get("region", "")
    topic = params.get("topic", "")
    ordering = params.get("order", default_ordering)
    if ordering not in orderings:
        ordering = default_ordering
    if region:
        pages = pages.filter(regions__slug=region)
    if topic:
        pages = pages.filter(topics__slug=topic)
    leading = IN_DEFAULT_LANGUAGE if language_first else None
    return Listing(
        pages=ordered_pages(pages.distinct(), orderings[ordering], locale.language_code, leading),
        regions=sorted_by_name(Region.objects.filter(locale=locale), attrgetter("name"), locale.language_code),
        topics=sorted_by_name(Topic.objects.filter(locale=locale), attrgetter("name"), locale.language_code),
        selected_region=region,
        selected_topic=topic,
        ordering=ordering,
        ordering_keys=tuple(orderings),
    )


def ordered_pages(pages, order, language, leading=None):
    """`pages` in `order`, grouped first by the field `leading` when given."""
    if order in COLLATED_FIELDS:
        return CollatedPages(pages, order, language, leading=leading)
    leading_fields = (leading,) if leading else ()
    return pages.order_by(*leading_fields, *(order if isinstance(order, tuple) else (order,)))


def paginate_listing(items, page_number, per_page):
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(page_number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)
