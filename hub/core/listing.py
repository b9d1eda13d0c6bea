"""Filtering, ordering and paging of section listings by region and topic."""

from dataclasses import dataclass

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import gettext_lazy as _

from hub.core.language_fallback import IN_DEFAULT_LANGUAGE
from hub.taxonomy.models import Region, Topic

# What each ordering key is called in the "Order by" menu.
ORDERING_LABELS = {
    "title": _("Title (A–Z)"),
    "newest": _("Newest first"),
    "year": _("Year, newest first"),
    "upcoming": _("Date, earliest first"),
}


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
    def ordering_choices(self):
        return [(key, ORDERING_LABELS.get(key, key)) for key in self.ordering_keys]

    @property
    def query_without_page(self):
        """The current filters as a query string prefix, so paging keeps them."""
        params = {"region": self.selected_region, "topic": self.selected_topic, "order": self.ordering}
        return "".join(f"{key}={value}&" for key, value in params.items() if value)


def filter_listing(pages, params, *, locale, orderings, default_ordering, language_first=False):
    """Filter by ?region= and ?topic= slugs and order by ?order=; unknown values fall back quietly.

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
    order_by = [IN_DEFAULT_LANGUAGE, orderings[ordering]] if language_first else [orderings[ordering]]
    return Listing(
        pages=pages.order_by(*order_by).distinct(),
        regions=Region.objects.filter(locale=locale),
        topics=Topic.objects.filter(locale=locale),
        selected_region=region,
        selected_topic=topic,
        ordering=ordering,
        ordering_keys=tuple(orderings),
    )


def paginate_listing(items, page_number, per_page):
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(page_number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)
