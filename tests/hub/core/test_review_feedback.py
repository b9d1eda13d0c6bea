"""A reviewer is told what Approve or Request changes did, from the workflow dialog and the editor."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import WorkflowState

from hub.organisations.editorial import REVIEWERS, setup_editorial
from tests.form_data import edit_form_data
from tests.hub.organisations.factories import OrganisationIndexPageFactory, OrganisationPageFactory


@pytest.fixture
def submitted_page(home):
    """An organisation page whose new title awaits review."""
    directory = OrganisationIndexPageFactory(parent=home)
    page = OrganisationPageFactory(parent=directory, title="CPIC Jihlava")
    setup_editorial()
    page.title = "CPIC Jihlava – Kraj Vysočina"
    revision = page.save_revision()
    page.get_workflow().start(page, revision.user)
    return page


@pytest.fixture
def reviewer_client(client, submitted_page):
    reviewer = get_user_model().objects.create_user("reviewer", "reviewer@example.org", "heslo-pro-test")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    client.force_login(reviewer)
    return client


def act(client, page, action):
    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": ""}, headers={"x-requested-with": "XMLHttpRequest"})


def message_texts(response):
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def test_approving_in_the_dialog_confirms_that_the_page_is_published(reviewer_client, submitted_page):
    response = act(reviewer_client, submitted_page, "approve")

    assert message_texts(response) == ["Schváleno: „CPIC Jihlava – Kraj Vysočina“ je nyní zveřejněno."]


def test_requesting_changes_says_the_page_goes_back_to_its_author(reviewer_client, submitted_page):
    response = act(reviewer_client, submitted_page, "reject")

    [text] = message_texts(response)
    assert text.startswith("Vráceno k úpravám: „CPIC Jihlava – Kraj Vysočina“")


def test_a_refused_action_announces_nothing(client, submitted_page):
    editor = get_user_model().objects.create_user("editor", "editor@example.org", "heslo-pro-test")
    editor.groups.add(Group.objects.get(name="CPIC editors"))
    client.force_login(editor)

    response = act(client, submitted_page, "approve")

    assert response.status_code == 403
    assert message_texts(response) == []


def test_approving_from_the_editor_menu_replaces_the_generic_saved_message(reviewer_client, submitted_page):
    edit_url = reverse("wagtailadmin_pages:edit", args=[submitted_page.pk])
    form = reviewer_client.get(edit_url).context["form"]
    data = edit_form_data(form)
    data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})
    response = reviewer_client.post(edit_url, data)

    assert response.status_code == 302
    assert message_texts(response) == ["Schváleno: „CPIC Jihlava – Kraj Vysočina“ je nyní zveřejněno."]
