"""The overdue-pages report and dashboard panel show each editor the overdue pages they can edit."""

import csv
import io

import pytest
from django.urls import reverse

from tests.hub.organisations.overdue import build_overdue_hub


@pytest.fixture
def hub(home):
    return build_overdue_hub(home)


def listed(client, user, **query):
    client.force_login(user)
    return client.get(reverse("overdue_pages"), query).content.decode()


def listed_dashboard(client, user):
    client.force_login(user)
    return client.get(reverse("wagtailadmin_home")).content.decode()


def test_an_editor_sees_only_the_overdue_pages_they_can_edit(hub, client):
    html = listed(client, hub.jihlava_editor)

    assert "Stránky po termínu kontroly" in html
    assert "Metodika pro obce" in html
    assert reverse("wagtailadmin_pages:edit", args=[hub.jihlava_manual.pk]) in html
    assert "Metodika Prahy 13" not in html and "Čerstvá praxe" not in html


def test_a_reviewer_sees_every_organisation_and_can_filter(hub, client):
    everything = listed(client, hub.reviewer)
    assert "Metodika pro obce" in everything and "Metodika Prahy 13" in everything

    praha = listed(client, hub.reviewer, organisation=hub.praha.pk)
    assert "Metodika Prahy 13" in praha and "Metodika pro obce" not in praha


def test_the_report_exports_csv(hub, client):
    client.force_login(hub.jihlava_editor)
    response = client.get(reverse("overdue_pages"), {"export": "csv"})

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["Název", "Organizace", "Typ", "Ověřit do", "Dní po termínu", "Naposledy ověřeno"]
    assert rows[1][:3] == ["Metodika pro obce", "CPIC Jihlava", "příručka"] and rows[1][4] == "3"
    assert len(rows) == 2


def test_the_dashboard_shows_the_editors_own_overdue_pages(hub, client):
    dashboard = listed_dashboard(client, hub.jihlava_editor)
    assert "Vaše stránky po termínu kontroly" in dashboard
    assert "Metodika pro obce" in dashboard and "Metodika Prahy 13" not in dashboard
    assert reverse("confirm_checked_page", args=[hub.jihlava_manual.pk]) in dashboard


def test_the_dashboard_shows_no_panel_without_overdue_pages(hub, client):
    hub.praha_manual.delete()
    assert "Vaše stránky po termínu kontroly" not in listed_dashboard(client, hub.praha_editor)
