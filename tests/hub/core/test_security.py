"""Admin logins are throttled, and every response carries the security headers."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.test.utils import override_settings

from hub.core.client_address import client_address

pytestmark = pytest.mark.django_db

PASSWORD = "heslo-pro-test-123"


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("redaktorka", "r@example.org", PASSWORD)


def sign_in(client, password, address="203.0.113.7"):
    return client.post(
        "/admin/login/",
        {"username": "redaktorka", "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE="cs",
    )


def test_the_right_password_works_before_any_lockout(client, editor):
    response = sign_in(client, PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_after_five_wrong_passwords_even_the_right_one_is_refused_with_a_czech_message(
    client, editor, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "spatne-heslo").status_code == 200  # the form again
    locked = sign_in(client, "spatne-heslo")

    assert locked.status_code == 429
    assert sign_in(Client(), PASSWORD).status_code == 429
    page = locked.content.decode()
    assert "Příliš mnoho neúspěšných pokusů o přihlášení" in page
    assert "15 minut" in page


def test_a_lockout_stops_that_address_only(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "spatne-heslo", address="203.0.113.7")

    assert sign_in(Client(), PASSWORD, address="198.51.100.20").status_code == 302


def test_public_pages_and_the_admin_send_csp_and_permissions_policy(client):
    for path in ("/cs/search/?q=kurzy", "/admin/login/"):
        response = client.get(path)
        assert "default-src 'self'" in response["Content-Security-Policy"], path
        assert "camera=()" in response["Permissions-Policy"], path
    public = client.get("/cs/search/?q=kurzy")["Content-Security-Policy"]
    admin = client.get("/admin/login/")["Content-Security-Policy"]
    assert "script-src 'self';" in public and "unsafe-inline" not in public
    assert "style-src 'self' 'unsafe-inline'" in admin and "unsafe-eval" not in admin
    assert "object-src 'none'" in admin and "frame-ancestors 'self'" in admin


def test_only_html_pages_carry_the_policy(client):
    response = client.get("/api/search/", {"q": "kurzy", "lang": "cs"})
    assert response["Content-Type"] == "application/json"
    assert "Content-Security-Policy" not in response
    assert "camera=()" in response["Permissions-Policy"]


def test_report_only_mode_sends_the_report_only_header(client, settings):
    settings.CSP_REPORT_ONLY = True
    response = client.get("/admin/login/")
    assert "Content-Security-Policy" not in response
    assert "default-src 'self'" in response["Content-Security-Policy-Report-Only"]


class FakeRequest:
    def __init__(self, remote, forwarded=""):
        self.META = {"REMOTE_ADDR": remote, "HTTP_X_FORWARDED_FOR": forwarded}


def test_client_address_trusts_only_the_configured_proxies():
    spoofed = FakeRequest("10.0.0.2", forwarded="1.2.3.4, 203.0.113.7")
    with override_settings(TRUSTED_PROXIES=0):
        assert client_address(spoofed) == "10.0.0.2"
    with override_settings(TRUSTED_PROXIES=1):
        assert client_address(spoofed) == "203.0.113.7"
