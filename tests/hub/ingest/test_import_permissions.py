"""Two organisations' editors import through the admin: neither can reach the other's pages.

Earlier imports used to be matched by file name or content across the whole site, so an editor of
CPIC Jihlava importing "prirucka.txt" updated Praha 13's page and swapped its live file at once.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Page

from hub.manuals.models import ManualPage
from hub.organisations.editorial import (
    CPIC_EDITORS,
    MUNICIPAL_EDITORS,
    ensure_organisation_group,
    setup_editorial,
)
from hub.organisations.models import OrganisationPage
from tests.hub.ingest.conftest import MANUAL_TEXT
from tests.hub.ingest.test_importer import GOALS_TEXT

IMPORT_URL = "/admin/ingest/"


@pytest.fixture
def organisations(tree):
    praha = tree.organisations.add_child(
        instance=OrganisationPage(title="Městská část Praha 13", slug="praha-13")
    )
    jihlava = tree.organisations.add_child(
        instance=OrganisationPage(title="CPIC Jihlava", slug="cpic-jihlava")
    )
    setup_editorial()
    return praha, jihlava


def editor_of(organisation, username, role):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "heslo")
    user.groups.add(ensure_organisation_group(organisation), Group.objects.get(name=role))
    return user


@pytest.fixture
def editors(organisations):
    praha, jihlava = organisations
    return (
        editor_of(praha, "editor.praha13", MUNICIPAL_EDITORS),
        editor_of(jihlava, "editor.jihlava", CPIC_EDITORS),
    )


def import_as(client, user, parent, filename, text, **data):
    client.force_login(user)
    upload = SimpleUploadedFile(filename, text.encode())
    return client.post(IMPORT_URL, {"kind": "auto", "parent": parent.pk, "upload": upload, **data})


def published_import(client, editor, parent, filename, text):
    """An editor's import, then published by a reviewer (as the workflow would)."""
    assert import_as(client, editor, parent, filename, text).status_code == 302
    page = ManualPage.objects.child_of(parent).get()
    page.get_latest_revision().publish()
    return ManualPage.objects.get(pk=page.pk)


def test_a_file_named_like_another_organisations_import_makes_a_new_page(
    client, organisations, editors
):
    praha, jihlava = organisations
    praha_editor, jihlava_editor = editors
    praha_page = published_import(client, praha_editor, praha, "prirucka.txt", MANUAL_TEXT)
    praha_document = praha_page.source_documents.get().document
    revisions_before = praha_page.revisions.count()

    response = import_as(
        client, jihlava_editor, jihlava, "prirucka.txt", MANUAL_TEXT + "Jihlavský dodatek."
    )

    assert response.status_code == 302
    jihlava_page = ManualPage.objects.child_of(jihlava).get()
    assert jihlava_page.pk != praha_page.pk
    praha_page.refresh_from_db()
    assert praha_page.revisions.count() == revisions_before
    assert not praha_page.has_unpublished_changes
    assert praha_page.source_documents.get().document == praha_document
    assert praha_document.file.storage.exists(praha_document.file.name)
    assert client.get(praha_document.url).status_code == 200


def test_the_same_content_as_another_organisations_import_makes_a_new_page(
    client, organisations, editors
):
    praha, jihlava = organisations
    praha_editor, jihlava_editor = editors
    praha_page = published_import(client, praha_editor, praha, "prirucka.txt", MANUAL_TEXT)

    response = import_as(client, jihlava_editor, jihlava, "kopie.txt", MANUAL_TEXT)

    assert response.status_code == 302
    assert ManualPage.objects.child_of(jihlava).count() == 1
    assert Page.objects.get(pk=praha_page.pk).revisions.count() == 1


def test_an_editor_cannot_import_under_another_organisation(client, organisations, editors):
    praha, _jihlava = organisations
    _praha_editor, jihlava_editor = editors

    response = import_as(client, jihlava_editor, praha, "prirucka.txt", MANUAL_TEXT)

    assert response.status_code == 200
    assert (
        "Select a valid choice" in response.content.decode()
        or "Vyberte" in response.content.decode()
    )
    assert not ManualPage.objects.exists()


def test_the_import_form_offers_only_the_editors_own_pages(client, organisations, editors):
    praha, jihlava = organisations
    _praha_editor, jihlava_editor = editors
    client.force_login(jihlava_editor)

    form = client.get(IMPORT_URL).context["form"]

    offered = [page.pk for page in form.pages.values()]
    assert offered == [jihlava.pk]
    assert form.fields["parent"].initial == jihlava.pk


def test_reimport_by_the_owner_is_a_draft_and_the_live_page_keeps_its_file(
    client, organisations, editors
):
    praha, _jihlava = organisations
    praha_editor, _jihlava_editor = editors
    page = published_import(client, praha_editor, praha, "prirucka.txt", MANUAL_TEXT)
    live_document = page.source_documents.get().document

    response = import_as(
        client, praha_editor, praha, "prirucka.txt", MANUAL_TEXT + "Nový odstavec."
    )

    assert response.status_code == 302
    page = ManualPage.objects.get(pk=page.pk)
    assert page.has_unpublished_changes
    assert page.source_documents.get().document == live_document
    assert client.get(live_document.url).status_code == 200
    draft = page.get_latest_revision_as_object()
    new_document = draft.source_documents.get().document
    assert new_document != live_document
    assert new_document.file.read().endswith("Nový odstavec.".encode())

    page.get_latest_revision().publish()
    assert ManualPage.objects.get(pk=page.pk).source_documents.get().document == new_document


def test_goals_imported_under_an_organisation_are_only_its_own(client, tree, editors):
    benesov_editor = editor_of(tree.benesov, "editor.benesov", CPIC_EDITORS)

    response = import_as(client, benesov_editor, tree.benesov, "cile-2024.txt", GOALS_TEXT)

    assert response.status_code == 302
    titles = [page.title for page in Page.objects.child_of(tree.benesov)]
    assert len(titles) == 1 and titles[0].startswith("CPIC Benešov")

