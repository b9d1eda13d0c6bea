"""The rows migrations create (the Czech locale, the root collection, the root page), made again.

A transactional test (live server, concurrent workers) empties the database when it ends, these rows
included; a transactional test after it that builds a page tree starts here.
"""

from wagtail.models import Collection, Locale, Page


def restore_migration_rows():
    """Returns (Czech locale, root page), created when missing."""
    locale, _ = Locale.objects.get_or_create(language_code="cs")
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale)
    )
    return locale, root
