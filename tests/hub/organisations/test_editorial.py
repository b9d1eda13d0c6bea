"""Editorial permissions and the review workflow, exercised through the admin over HTTP."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from hub.organisations.editorial import (
    REVIEWERS,
    WORKFLOW_NAME,
    ensure_organisation_group,
    setup_editorial,
)
from tests.hub.organisations.factories import OrganisationIndexPageFactory, OrganisationPageFactory


@pytest.fixture
def tree(home):
    directory = OrganisationIndexPageFactory(parent=home)
    jihlava = OrganisationPageFactory(parent=directory, title="CPIC Jihlava", slug="cpic-jihlava")
    praha_13 = OrganisationPageFactory(parent=directory, title="Městská část Praha 13", slug="praha-13")
    setup_editorial()
    return jihlava, praha_13


def make_user(username, *groups):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "heslo-pro-test")
    user.groups.add(*groups)
    return user


@pytest.fixture
def editor(tree):
    jihlava, _ = tree
    return make_user("editor.jihlava", ensure_organisation_group(jihlava), Group.objects.get(name="CPIC editors"))


@pytest.fixture
def reviewer(tree):
    return make_user("reviewer", Group.objects.get(name=REVIEWERS))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def edit_form(page, title, action):
    """What the admin edit form posts for an organisation page, with a new title and one action button."""
    return nested_form_data({
        "title": title,
        "slug": page.slug,
        "summary": page.summary,
        "services": rich_text("<p>Odborné sociální poradenství.</p>"),
        "phone": page.phone,
        "email": page.email,
        "website": page.website,
        "places": inline_formset([]),
        "comments": inline_formset([]),
        action: "1",
    })


def live_title(page):
    return Page.objects.get(pk=page.pk).title


def test_anonymous_visitor_is_sent_to_the_admin_login(client, tree):
    jihlava, _ = tree
    response = client.get(edit_url(jihlava))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_editor_can_open_and_submit_their_organisations_page_for_review(client, tree, editor):
    jihlava, _ = tree
    client.force_login(editor)
    assert client.get(edit_url(jihlava)).status_code == 200

    response = client.post(edit_url(jihlava), edit_form(jihlava, "CPIC Jihlava – Kraj Vysočina", "action-submit"))

    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(jihlava.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == WORKFLOW_NAME
    assert live_title(jihlava) == "CPIC Jihlava"  # not public until a reviewer approves
    assert Page.objects.get(pk=jihlava.pk).get_latest_revision().as_object().title == "CPIC Jihlava – Kraj Vysočina"


def test_editor_cannot_publish_even_their_own_page(client, tree, editor):
    jihlava, _ = tree
    client.force_login(editor)
    client.post(edit_url(jihlava), edit_form(jihlava, "Zveřejněno bez kontroly", "action-publish"))
    assert live_title(jihlava) == "CPIC Jihlava"


def test_editor_cannot_open_or_change_another_organisations_page(client, tree, editor):
    _, praha_13 = tree
    client.force_login(editor)
    revisions_before = praha_13.revisions.count()

    opened = client.get(edit_url(praha_13))
    submitted = client.post(edit_url(praha_13), edit_form(praha_13, "Cizí úprava", "action-submit"))
    published = client.post(edit_url(praha_13), edit_form(praha_13, "Cizí úprava", "action-publish"))

    for response in (opened, submitted, published):
        assert response.status_code in (302, 403)
        assert response.status_code == 403 or response["Location"] == reverse("wagtailadmin_home")
    assert live_title(praha_13) == "Městská část Praha 13"
    assert praha_13.revisions.count() == revisions_before
    assert not WorkflowState.objects.filter(object_id=str(praha_13.pk)).exists()


def test_reviewer_approves_and_the_page_is_published(client, tree, editor, reviewer):
    jihlava, _ = tree
    client.force_login(editor)
    client.post(edit_url(jihlava), edit_form(jihlava, "CPIC Jihlava – Kraj Vysočina", "action-submit"))
    state = WorkflowState.objects.get(object_id=str(jihlava.pk))

    client.force_login(reviewer)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[jihlava.pk, "approve", state.current_task_state.pk]),
        {"comment": "Schváleno."},
    )

    assert response.status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert live_title(jihlava) == "CPIC Jihlava – Kraj Vysočina"
    assert jihlava.revisions.count() >= 2  # revision history keeps the earlier version


def test_editor_cannot_approve_their_own_submission(client, tree, editor):
    jihlava, _ = tree
    client.force_login(editor)
    client.post(edit_url(jihlava), edit_form(jihlava, "Vlastní schválení", "action-submit"))
    state = WorkflowState.objects.get(object_id=str(jihlava.pk))
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[jihlava.pk, "approve", state.current_task_state.pk]),
        {"comment": ""},
    )
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert live_title(jihlava) == "CPIC Jihlava"


def test_setup_is_idempotent(tree):
    groups, permissions = Group.objects.count(), GroupPagePermission.objects.count()
    report = setup_editorial()
    assert report.lines() == []
    assert (Group.objects.count(), GroupPagePermission.objects.count()) == (groups, permissions)
