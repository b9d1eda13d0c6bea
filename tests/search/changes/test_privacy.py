"""Whatever changes what anonymous readers may see reaches both indexes like a publish does.

A view restriction (password, login, groups) on a page or an ancestor, lifting it, moving a page under a
private section, expiry and scheduled publishing (Wagtail's `publish_scheduled`), a locale's new code.
Each test checks what a reader notices: the title, the excerpt and the autocomplete entry.
"""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from hub.manuals.models import ManualIndexPage, ManualPage

pytestmark = pytest.mark.django_db

TITLE = "Tlumočníci pro obce v Libereckém kraji"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    def run(change, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return change(*args, **kwargs)

    return run


@pytest.fixture
def published(content_tree, configured_backend, committed):
    page = content_tree.manuals.add_child(
        instance=ManualPage(title=TITLE, slug="tlumocnici", summary="Seznam tlumočníků pro úřady.", live=False)
    )
    committed(lambda: page.save_revision().publish())
    page.refresh_from_db()
    return page


def visible(client, lang="cs"):
    """(titles found, excerpts, autocomplete titles) as an anonymous reader sees them."""
    results = client.get("/api/search/", {"q": "tlumočníci", "lang": lang}).json()["results"]
    completions = client.get("/api/search/autocomplete/", {"q": "tlumoč", "lang": lang}).json()["results"]
    return (
        [result["title"] for result in results],
        " ".join(result["snippet"] for result in results),
        [completion["title"] for completion in completions],
    )


def assert_public(client, lang="cs"):
    titles, excerpts, completions = visible(client, lang)
    assert titles == [TITLE] and "úřady" in excerpts and completions == [TITLE]


def assert_hidden(client, lang="cs"):
    assert visible(client, lang) == ([], "", [])


@pytest.mark.parametrize(
    "restriction",
    [
        {"restriction_type": PageViewRestriction.PASSWORD, "password": "tajne"},
        {"restriction_type": PageViewRestriction.LOGIN},
        {"restriction_type": PageViewRestriction.GROUPS},
    ],
    ids=["password", "login", "groups"],
)
def test_restricting_a_page_hides_it_and_lifting_it_shows_it_again(
    client, published, committed, restriction
):
    assert_public(client)

    made = committed(PageViewRestriction.objects.create, page=published, **restriction)
    if restriction["restriction_type"] == PageViewRestriction.GROUPS:
        made.groups.add(Group.objects.get_or_create(name="Editoři")[0])

    assert_hidden(client)
    committed(made.delete)
    assert_public(client)


def test_restricting_an_ancestor_hides_every_page_below_it(client, published, committed, content_tree):
    committed(
        PageViewRestriction.objects.create,
        page=content_tree.manuals,
        restriction_type=PageViewRestriction.LOGIN,
    )
    assert_hidden(client)


def test_moving_a_page_under_a_private_section_hides_it(client, published, committed, content_tree):
    private = content_tree.home.add_child(instance=ManualIndexPage(title="Interní", slug="interni"))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    committed(published.move, private, pos="last-child")

    assert_hidden(client)


def test_expiry_by_publish_scheduled_hides_the_page(client, published, committed):
    published.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    published.save(update_fields=["expire_at"])

    committed(call_command, "publish_scheduled", stdout=io.StringIO())

    assert_hidden(client)


def test_scheduled_publishing_by_publish_scheduled_shows_the_page(
    client, content_tree, configured_backend, committed
):
    page = content_tree.manuals.add_child(
        instance=ManualPage(title=TITLE, slug="tlumocnici", summary="Seznam tlumočníků pro úřady.", live=False)
    )
    go_live = timezone.now() + datetime.timedelta(hours=1)
    revision = page.save_revision(approved_go_live_at=go_live)
    revision.publish()  # schedules it: not live yet
    assert_hidden(client)
    type(revision).objects.filter(pk=revision.pk).update(
        approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    committed(call_command, "publish_scheduled", stdout=io.StringIO())

    assert_public(client)


def test_a_locale_with_a_new_code_moves_its_pages_to_that_language(
    client, published, committed, content_tree
):
    Locale.objects.filter(language_code="en").delete()  # an unused English locale, if any
    locale = content_tree.home.locale
    locale.language_code = "en"

    committed(locale.save)

    assert_hidden(client, "cs")
    titles, _, _ = visible(client, "en")
    assert titles == [TITLE]
