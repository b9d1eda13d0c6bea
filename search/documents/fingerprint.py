"""A page's fingerprint: what its database row says about the copy an index should hold.

Stored with each search document and recomputed from the page table alone (no serialisation), so
`check_search_index` compares thousands of pages with one query per content type. It changes when a
revision is published, the page moves or is renamed in the tree, or its locale changes; changes that
reach a page only through others (an organisation renamed above it) travel by the change log instead.
"""

FINGERPRINT_FIELDS = ("pk", "live_revision_id", "last_published_at", "url_path", "locale__language_code")


def fingerprint(live_revision_id, last_published_at, url_path, language_code):
    published = last_published_at.isoformat() if last_published_at else ""
    return f"{live_revision_id or ''}|{published}|{url_path}|{language_code}"


def page_fingerprint(page):
    return fingerprint(
        page.live_revision_id, page.last_published_at, page.url_path, page.locale.language_code
    )


def fingerprints(queryset):
    """{page id: fingerprint} for the pages of `queryset`, from their rows only."""
    return {
        pk: fingerprint(revision, published, url_path, language)
        for pk, revision, published, url_path, language in queryset.values_list(*FINGERPRINT_FIELDS)
    }
