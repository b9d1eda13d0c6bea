""""Still correct": the signed link from a reminder confirms a page; forged, expired or foreign links change nothing."""

import time
from unittest import mock

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from hub.core.check_confirmation import LINK_LIFETIME, confirmation_link
from hub.core.freshness import next_check
from tests.hub.organisations.overdue import TODAY, build_overdue_hub

BASE_URL = "http://testserver"


@pytest.fixture
def hub(home):
    return build_overdue_hub(home)


def link_path(page, user):
    return confirmation_link(page, user).removeprefix(BASE_URL)


def assert_unchanged(page):
    before = (page.last_checked, page.check_by, page.latest_revision_id)
    page.refresh_from_db()
    assert (page.last_checked, page.check_by, page.latest_revision_id) == before
    assert not PageLogEntry.objects.filter(page=page, action="hub.check_confirmed").exists()


def test_the_link_confirms_a_live_page_as_the_editor(hub, client):
    page = hub.jihlava_manual
    client.force_login(hub.jihlava_editor)

    response = client.post(link_path(page, hub.jihlava_editor))

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.last_checked == TODAY and page.check_by == next_check("manual", TODAY)
    assert page.live and not page.has_unpublished_changes
    assert page.latest_revision.user == hub.jihlava_editor
    entry = PageLogEntry.objects.get(page=page, action="hub.check_confirmed")
    assert entry.user == hub.jihlava_editor
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    assert "Potvrzeno jako aktuální" in history


def test_a_replayed_link_says_the_page_is_already_confirmed(hub, client):
    page = hub.jihlava_manual
    client.force_login(hub.jihlava_editor)
    path = link_path(page, hub.jihlava_editor)
    client.post(path)
    page.refresh_from_db()

    response = client.post(path)

    assert "už byla dnes potvrzena" in response.content.decode()
    revision = page.latest_revision_id
    page.refresh_from_db()
    assert page.latest_revision_id == revision
    assert PageLogEntry.objects.filter(page=page, action="hub.check_confirmed").count() == 1


def test_a_draft_is_kept_a_draft(hub, client):
    page = hub.jihlava_manual
    page.title = "Metodika pro obce (rozpracováno)"
    page.save_revision(user=hub.praha_editor)
    client.force_login(hub.jihlava_editor)

    client.post(link_path(page, hub.jihlava_editor))

    page.refresh_from_db()
    assert page.title == "Metodika pro obce" and page.check_by < TODAY  # readers still see the live version
    draft = page.get_latest_revision_as_object()
    assert draft.title == "Metodika pro obce (rozpracováno)" and draft.last_checked == TODAY
    assert page.latest_revision.user == hub.jihlava_editor and page.has_unpublished_changes


def forged(page, editor, hub):
    return link_path(page, editor)[:-3] + "xx/"


def expired(page, editor, hub):
    with mock.patch("time.time", return_value=time.time() - LINK_LIFETIME.total_seconds() - 60):
        return link_path(page, editor)


def sent_to_someone_else(page, editor, hub):
    return link_path(page, hub.reviewer)


@pytest.mark.parametrize(
    ("make_link", "status", "message"),
    [(forged, 400, "Tento odkaz není platný"), (expired, 410, "vypršela"), (sent_to_someone_else, 403, "jinému editorovi")],
    ids=["forged", "expired", "someone else's"],
)
def test_a_forged_expired_or_foreign_link_changes_nothing(hub, client, make_link, status, message):
    page = hub.jihlava_manual
    client.force_login(hub.jihlava_editor)

    response = client.post(make_link(page, hub.jihlava_editor, hub))

    assert response.status_code == status
    assert message in response.content.decode()
    assert_unchanged(page)


def test_an_editor_of_another_organisation_gets_403_in_czech(hub, client):
    page = hub.jihlava_manual
    client.force_login(hub.praha_editor)

    for path in (link_path(page, hub.praha_editor), reverse("confirm_checked_page", args=[page.pk])):
        response = client.post(path)
        assert response.status_code == 403
        assert "nemůžete upravovat" in response.content.decode()
    assert_unchanged(page)


def test_the_page_header_offers_still_correct(hub, client):
    client.force_login(hub.jihlava_editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[hub.jihlava_manual.pk])).content.decode()
    assert reverse("confirm_checked_page", args=[hub.jihlava_manual.pk]) in edit
    assert "Stále platí" in edit
