"""The admin: "Import document" form and "Create page from document" on a library document."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.users.models import UserProfile

from hub.goals.models import OperationalGoalsPage
from hub.ingest.models import ImportedFile
from hub.manuals.models import ManualPage
from tests.hub.ingest.conftest import MANUAL_TEXT, docx_bytes, pdf_bytes
from tests.hub.ingest.test_importer import GOALS_TEXT

IMPORT_URL = "/admin/ingest/"


@pytest.fixture
def editor(client, tree):
    user = get_user_model().objects.create_superuser("redaktor", "redaktor@example.org", "heslo")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # assert on the English source messages
    profile.save()
    client.force_login(user)
    return user


def post(client, parent, **data):
    return client.post(IMPORT_URL, {"kind": "auto", "parent": parent.pk, **data})


def test_menu_and_form_are_shown_to_editors(client, editor, locales):
    assert reverse("ingest:import") == IMPORT_URL
    assert "Import document" in client.get("/admin/").content.decode()
    response = client.get(IMPORT_URL)
    assert response.status_code == 200
    assert (
        'name="upload"' in response.content.decode()
        and 'name="parent"' in response.content.decode()
    )


def test_uploaded_file_becomes_a_draft_and_goes_on_to_the_tag_step(client, editor, tree):
    upload = SimpleUploadedFile("prirucka.txt", MANUAL_TEXT.encode(), content_type="text/plain")
    response = post(client, tree.manuals, upload=upload)

    page = ManualPage.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("ingest:confirm_terms", args=[page.pk])
    assert not page.live and page.title == "Příručka pro obce"
    assert page.latest_revision.user == editor


def test_library_document_becomes_a_page_without_a_copy(client, editor, tree, locales):
    document = get_document_model().objects.create(
        title="Metodika", file=ContentFile(docx_bytes(), name="metodika.docx")
    )
    edit_page = client.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()
    assert f"{IMPORT_URL}?document={document.pk}" in edit_page

    response = post(client, tree.practices, document=document.pk, kind="good_practice")

    assert response.status_code == 302
    assert get_document_model().objects.count() == 1
    assert ImportedFile.objects.get().document == document
    practice = Page.objects.child_of(tree.practices).get().specific.get_latest_revision_as_object()
    assert "Diskrétnost vůči klientům" in str(practice.body)


def test_goals_document_creates_branch_pages_and_returns_to_the_listing(
    client, editor, tree, locales
):
    upload = SimpleUploadedFile("cile.txt", GOALS_TEXT.encode())
    response = post(client, tree.goals, upload=upload)
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_explore", args=[tree.goals.pk])
    assert OperationalGoalsPage.objects.count() == 3


@pytest.mark.parametrize(
    ("filename", "data", "message"),
    [
        (
            "zamceny.pdf",
            pdf_bytes([["Tajne"]], password="heslo"),
            "zamceny.pdf: the PDF is password-protected",
        ),
        ("prejmenovany.pdf", docx_bytes(), "prejmenovany.pdf: the file is not a PDF file"),
        ("prazdny.txt", b" ", "prazdny.txt: the file is empty"),
        ("tabulka.xlsx", b"PK\x03\x04", "tabulka.xlsx: unsupported file type"),
    ],
)
def test_bad_files_show_the_reason_in_the_form(client, editor, tree, filename, data, message):
    response = post(client, tree.manuals, upload=SimpleUploadedFile(filename, data))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert ManualPage.objects.count() == 0


def test_file_or_document_is_required(client, editor, tree):
    response = post(client, tree.manuals)
    assert "Upload a file or choose a document" in response.content.decode()


def test_editors_without_page_permissions_cannot_import(client, tree):
    user = get_user_model().objects.create_user("ctenar", "ctenar@example.org", "heslo")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(IMPORT_URL).status_code in (302, 403)


def test_html_after_an_unclosed_svg_is_imported_and_the_editor_told_what_was_left_out(
    client, editor, tree
):
    html = (
        "<!doctype html><html><head><title>Praxe</title><h1>Společná adresa</h1>"
        "<p>Úvodní odstavec o projektu.</p><svg><circle r='3'><p>Text za obrázkem.</p>"
    )
    upload = SimpleUploadedFile("praxe.html", html.encode())
    response = client.post(
        IMPORT_URL,
        {"kind": "good_practice", "parent": tree.practices.pk, "upload": upload},
        follow=True,
    )

    page = Page.objects.child_of(tree.practices).get().specific.get_latest_revision_as_object()
    assert page.title == "Společná adresa"
    assert "Text za obrázkem." in str(page.body)
    shown = [str(message) for message in response.context["messages"]]
    assert "praxe.html: Left out as not text: 1 SVG graphic." in shown


def visible_text(html):
    """The text a person reads: markup, scripts, styles and templates removed."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    for hidden in tree.css("script, style, template, noscript, [hidden]"):
        hidden.decompose()
    return " ".join(tree.body.text(separator=" ").split())


def test_the_import_page_is_in_czech_for_a_czech_editor(client, tree):
    user = get_user_model().objects.create_superuser("cesky", "cesky@example.org", "heslo")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "cs"
    profile.save()
    client.force_login(user)

    text = visible_text(client.get(IMPORT_URL).content.decode())

    for czech in ("Importovat dokument", "Soubor", "Vložit pod", "Vytvořit koncept stránky"):
        assert czech in text
    for english in ("Import document", "File", "Under", "Create draft page", "detect", "Choose"):
        assert english not in text, english
