"""Filtering, ordering and paging of section listings by region and topic."""

from dataclasses import dataclass

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

from hub.taxonomy.models import Region, Topic


@dataclass
class Listing:
    pages: object
    regions: object
    topics: object
    selected_region: str
    selected_topic: str
    ordering: str


def filter_listing(pages, params, *, locale, orderings, default_ordering):
    """Filter by ?region= and ?topic= slugs and order by ?order=; unknown values fall back quietly."""
    region = params.get("region", "")
    topic = params.get("topic", "")
    ordering = params.get("order", default_ordering)
    if ordering not in orderings:
        ordering = default_ordering
    if region:
        pages = pages.filter(regions__slug=region)
    if topic:
        pages = pages.filter(topics__slug=topic)
    return Listing(
        pages=pages.order_by(orderings[ordering]).distinct(),
        regions=Region.objects.filter(locale=locale),
        topics=Topic.objects.filter(locale=locale),
        selected_region=region,
        selected_topic=topic,
        ordering=ordering,
    )


def paginate_listing(items, page_number, per_page):
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(page_number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)
