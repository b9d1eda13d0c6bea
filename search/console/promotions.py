"""Promoted results ("best bets") of a query: what editors pinned for its analysed terms in its language."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from search.models import PromotedResult
from search.models.console import MAX_PROMOTED, terms_key


@dataclass(frozen=True)
class Promotion:
    id: int
    title: str
    url: str
    description: str
    external: bool


def promoted_for(text, language):
    """The running promotions of `text` in `language`, in the editors' order; a page must be live."""
    key = terms_key(text or "", language)
    if not key:
        return []
    today = timezone.localdate()
    rows = (
        PromotedResult.objects.filter(language=language, key=key)
        .filter(Q(starts_at__isnull=True) | Q(starts_at__lte=today), Q(ends_at__isnull=True) | Q(ends_at__gte=today))
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    promotions = []
    for row in rows:
        if row.page_id and not row.page.live:
            continue
        url = row.page.url if row.page_id else row.external_url
        if not url:
            continue
        description = row.description or (row.page.search_description if row.page_id else "")
        promotions.append(Promotion(row.pk, row.shown_title(), url, description, not row.page_id))
    return promotions[:MAX_PROMOTED]


def is_promoted_url(url):
    """An external address an editor promoted: the only kind the click redirect may leave the site for."""
    return PromotedResult.objects.filter(external_url=url).exists()
