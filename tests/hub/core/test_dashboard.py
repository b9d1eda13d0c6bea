"""The dashboard counts the pages, images and documents the user can open, not the whole hub's."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import RequestFactory
from wagtail.documents import get_document_model
from wagtail.models import Page

from hub.core.dashboard import (
    EditablePagesSummaryItem,
    LibraryDocumentsSummaryItem,
    LibraryImagesSummaryItem,
)
from hub.organisations.editorial import ensure_organisation_group, setup_editorial
from tests.hub.core.factories import ImageFactory
from tests.hub.organisations.factories import OrganisationIndexPageFactory, OrganisationPageFactory


@pytest.fixture
def organisations(home, locales):
    directory = OrganisationIndexPageFactory(parent=home)
    jihlava = OrganisationPageFactory(parent=directory, title="CPIC Jihlava")
    praha = OrganisationPageFactory(parent=directory, title="Městská část Praha 13")
    praha.copy_for_translation(locales["uk"], copy_parents=True)
    setup_editorial()
    return jihlava, praha


def summary(item_class, user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return item_class(request).get_context_data({})


def editor_of(organisation, username):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "heslo-pro-test")
    user.groups.add(ensure_organisation_group(organisation), Group.objects.get(name="CPIC editors"))
    return user


def test_images_and_documents_count_what_the_library_lists(organisations):
    editor = editor_of(organisations[0], "editor.jihlava")
    ImageFactory.create_batch(3)  # the hub's images: the editor may choose them, not manage them
    ImageFactory(uploaded_by_user=editor)
    get_document_model().objects.create(title="Cizí dokument", file="documents/cizi.pdf")

    assert summary(LibraryImagesSummaryItem, editor)["total_images"] == 1
    assert summary(LibraryDocumentsSummaryItem, editor)["total_docs"] == 0


def test_pages_count_the_organisations_subtree_in_every_language(organisations):
    _jihlava, praha = organisations
    editor = editor_of(praha, "editor.praha13")

    context = summary(EditablePagesSummaryItem, editor)

    assert context["total_pages"] == 2  # the Czech page and its Ukrainian translation
    assert context["root_page"].specific == praha


def test_administrator_counts_every_page_but_the_tree_root(organisations):
    admin = get_user_model().objects.create_superuser("spravce", "spravce@example.org", "heslo-pro-test")

    assert summary(EditablePagesSummaryItem, admin)["total_pages"] == Page.objects.count() - 1
