"""Compare an index with the database's live public pages and repair the differences.

The change log keeps indexes fresh; this is the safety net for whatever slipped past it (a raw SQL
update, a change before the log existed, a gap given up after GAP_TIMEOUT, a restored backup). It reads
ids and fingerprints only (search/documents/fingerprint.py), so a check of ten thousand pages costs a few queries,
and repairs by serialising just the pages that differ. `check_search_index` runs it on demand, the
outbox worker every SEARCH_CHECK_INTERVAL seconds, and each host's backup feeder on its own copy.
"""

import logging
from dataclasses import dataclass, field

from django.db.models import Q
from wagtail.models import Page, Site

from search.documents.fingerprint import fingerprints
from search.documents.pages import Lookups, indexed_page
from search.documents.schema import searchable_models

logger = logging.getLogger(__name__)
REPAIR_CHUNK = 200


@dataclass
class IndexReport:
    backend: str
    expected: int = 0
    indexed: int = 0
    missing: list[int] = field(default_factory=list)  # public pages the index lacks
    extra: list[int] = field(default_factory=list)  # indexed pages that are not public (or gone)
    stale: list[int] = field(default_factory=list)  # indexed with an older fingerprint
    repaired: bool = False

    @property
    def differences(self):
        return len(self.missing) + len(self.extra) + len(self.stale)

    def summary(self):
        state = "repaired" if self.repaired and self.differences else "found"
        return (
            f"{self.backend}: {self.expected} public pages, {self.indexed} indexed; {state} "
            f"{len(self.missing)} missing, {len(self.extra)} not public, {len(self.stale)} outdated"
        )


def expected_fingerprints():
    """{page id: fingerprint} of every live page that anonymous readers may see at a public URL."""
    roots = [path for path in Site.objects.values_list("root_page__path", flat=True) if path]
    under_a_site = Q()
    for root in roots:
        under_a_site |= Q(path__startswith=root)
    expected = {}
    for model in searchable_models():
        expected.update(fingerprints(model.objects.live().public().filter(under_a_site)))
    return expected


def check_index(backend, repair=False):
    """An IndexReport for `backend`; with `repair`, the differences are fixed before it returns."""
    expected = expected_fingerprints()
    indexed = backend.indexed_fingerprints()
    report = IndexReport(
        backend=backend.name,
        expected=len(expected),
        indexed=len(indexed),
        missing=sorted(set(expected) - set(indexed)),
        extra=sorted(set(indexed) - set(expected)),
        stale=sorted(
            page_id
            for page_id, value in indexed.items()
            if page_id in expected and expected[page_id] != value
        ),
    )
    if repair and report.differences:
        repair_index(backend, [*report.missing, *report.stale], report.extra)
        report.repaired = True
        logger.warning("Search index repaired: %s", report.summary())
    return report


def repair_index(backend, outdated_ids, extra_ids):
    """Write the current state of these pages straight into `backend` (one engine only)."""
    lookups = Lookups()
    for start in range(0, len(outdated_ids), REPAIR_CHUNK):
        chunk = outdated_ids[start : start + REPAIR_CHUNK]
        pages = []
        for page in Page.objects.filter(pk__in=chunk).specific():
            indexed = indexed_page(page, lookups)
            if indexed is None:
                extra_ids.append(page.pk)
            else:
                pages.append(indexed)
        if pages:
            backend.index_pages(pages)
    if extra_ids:
        backend.delete_pages(extra_ids)
