"""`check_search_index` finds what slipped past the change log and `--repair` fixes it."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from hub.manuals.models import ManualPage
from search.changes.rebuilding import rebuild
from search.query.pipeline import answer
from search.query.types import SearchQuery

pytestmark = pytest.mark.django_db


def check(*args):
    output = io.StringIO()
    call_command("check_search_index", "--backend", *args, stdout=output)
    return output.getvalue()


def found(backend, text):
    return [hit.title for hit in answer(backend, SearchQuery(text=text)).hits]


def test_check_reports_and_repairs_every_kind_of_difference(content_tree, configured_backend):
    pages = {
        slug: content_tree.manuals.add_child(instance=ManualPage(title=f"Kurzy češtiny {slug}", slug=slug))
        for slug in ("skryta", "soukroma", "zmenena", "nova")
    }
    pages.pop("nova").delete()  # keep ids apart from the rest
    rebuild(configured_backend)
    # Behind the change log's back: raw updates and bulk inserts send no signals.
    ManualPage.objects.filter(pk=pages["skryta"].pk).update(live=False)
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=pages["soukroma"], restriction_type=PageViewRestriction.LOGIN)]
    )
    ManualPage.objects.filter(pk=pages["zmenena"].pk).update(
        title="Kurzy češtiny přejmenované", last_published_at=timezone.now()
    )
    missing = content_tree.manuals.add_child(instance=ManualPage(title="Kurzy češtiny nové", slug="nova2"))
    name = configured_backend.name

    with pytest.raises(CommandError, match="4 differences"):
        check(name)
    output = check(name, "--repair")

    assert "repaired 1 missing, 2 not public, 1 outdated" in output
    assert sorted(found(configured_backend, "kurzy češtiny")) == [
        "Kurzy češtiny nové",
        "Kurzy češtiny přejmenované",
    ]
    assert "found 0 missing, 0 not public, 0 outdated" in check(name)
    assert missing.pk
