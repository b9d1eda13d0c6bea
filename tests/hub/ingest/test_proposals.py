"""Regions, topics and organisations named in an imported text are proposed, ticked, for the editor to
confirm on the step after the import; nothing is applied until they do."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hub.ingest.proposals import propose_terms
from hub.manuals.models import ManualPage
from hub.practices.models import GoodPracticePage
from hub.taxonomy.models import Region, Topic

TEXT = """Bydlení cizinců v Jihomoravském kraji

Tato příručka popisuje, jak obce v Jihomoravském kraji pomáhají cizincům najít bydlení.
Spolupracuje s ní CPIC Benešov. Kurzy češtiny jsou zmíněny jen jednou.

Kapitola o bydlení

Jihomoravský kraj podporuje nájemní bydlení a CPIC Benešov radí rodinám.
"""


@pytest.fixture
def terms(tree):
    locale = tree.home.locale
    return {
        "jihomoravsky": Region.objects.create(
            name="Jihomoravský kraj", slug="jihomoravsky", locale=locale
        ),
        "vysocina": Region.objects.create(name="Kraj Vysočina", slug="vysocina", locale=locale),
        "bydleni": Topic.objects.create(name="Bydlení", slug="bydleni", locale=locale),
        "kurzy": Topic.objects.create(name="Kurzy češtiny", slug="kurzy", locale=locale),
    }


def test_terms_named_in_the_text_are_proposed_in_inflected_forms(tree, terms):
    page = GoodPracticePage(title="Bydlení", locale=tree.home.locale)
    proposals = {(p.field, str(p.value)) for p in propose_terms(page, TEXT, "Kapitola o bydlení")}
    assert proposals == {
        ("regions", "Jihomoravský kraj"),
        ("topics", "Bydlení"),
        ("organisations", "CPIC Benešov"),
    }


def test_the_editor_confirms_proposals_after_the_import(admin_client, tree, terms):
    upload = SimpleUploadedFile("bydleni.txt", TEXT.encode())
    response = admin_client.post(
        "/admin/ingest/", {"kind": "manual", "parent": tree.manuals.pk, "upload": upload}
    )
    page = ManualPage.objects.get()
    confirm_url = reverse("ingest:confirm_terms", args=[page.pk])
    assert response.url == confirm_url

    form = admin_client.get(confirm_url).context["form"]
    assert form.fields["regions"].initial == [terms["jihomoravsky"].pk]
    assert form.fields["topics"].initial == [terms["bydleni"].pk]
    assert page.get_latest_revision_as_object().regions.count() == 0  # nothing applied unseen

    # The editor keeps the region and unticks the topic.
    response = admin_client.post(confirm_url, {"regions": [terms["jihomoravsky"].pk]})

    assert response.url == reverse("wagtailadmin_pages:edit", args=[page.pk])
    draft = ManualPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert list(draft.regions.all()) == [terms["jihomoravsky"]]
    assert list(draft.topics.all()) == []


def test_without_proposals_the_import_goes_straight_to_the_editor(admin_client, tree):
    upload = SimpleUploadedFile("kratky.txt", "Krátký text\n\nBez zmínek o čemkoli.".encode())
    response = admin_client.post(
        "/admin/ingest/", {"kind": "manual", "parent": tree.manuals.pk, "upload": upload}
    )
    page = ManualPage.objects.get()
    assert admin_client.get(response.url).url == reverse("wagtailadmin_pages:edit", args=[page.pk])
