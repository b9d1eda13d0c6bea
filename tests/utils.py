"""Small helpers shared by the test packages."""

import os

import pytest


def czech_tree_root():
    """The Czech locale and the page tree's root, made again if a transactional test (live server,
    row locks) flushed the rows migrations create."""
    from wagtail.models import Collection, Locale, Page

    czech, _ = Locale.objects.get_or_create(language_code="cs")
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=czech)
    )
    return czech, root


def running_in_ci():
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require_service(available, what):
    """Skip on a laptop without the service, but fail in CI: CI must prove the real thing."""
    if available:
        return
    message = f"{what} is not available"
    if running_in_ci():
        pytest.fail(f"{message}, and CI must run these tests (see .ci/run).", pytrace=False)
    pytest.skip(f"{message}; start it to run these tests (see README, 'Tests').")
