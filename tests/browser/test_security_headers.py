"""The public site and the Wagtail admin work under the enforced Content-Security-Policy.

Chromium reports every blocked script, style, image, frame or connection on the console ("Refused
to …"); walking the admin's main screens and a public page while collecting those messages is how the
admin's policy was measured (in report-only mode) and is what keeps it honest (enforced).
"""

import pytest
from django.contrib.auth import get_user_model

from hub.manuals.models import ManualPage
from tests.browser.admin_session import log_in
from tests.browser.public_site import build_public_site

pytestmark = pytest.mark.browser

PASSWORD = "heslo-pro-test-123"


def collect_policy_violations(page):
    violations = []
    page.on(
        "console",
        lambda message: violations.append(message.text)
        if "Content Security Policy" in message.text or "Refused to" in message.text
        else None,
    )
    return violations


def admin_screens(home, section, manual):
    """The screens editors use most, each a different part of Wagtail's front end."""
    return [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{home.pk}/",
        f"/admin/pages/{manual.pk}/edit/",  # StreamField, Draftail, the side panels
        f"/admin/pages/add/manuals/manualpage/{section.pk}/",
        f"/admin/pages/{manual.pk}/history/",
        "/admin/images/",
        "/admin/images/multiple/add/",
        "/admin/documents/",
        "/admin/snippets/",
        "/admin/users/",
        "/admin/locales/",
        "/admin/reports/locked/",
        "/admin/account/",
    ]


def test_admin_main_screens_run_without_policy_violations(live_server, page, settings):
    settings.CSP_REPORT_ONLY = False
    home = build_public_site()
    section = home.get_children().get().specific
    manual = section.add_child(
        instance=ManualPage(
            title="Kurzy češtiny",
            slug="kurzy",
            summary="Kde se cizinci učí česky.",
            body=[
                {"type": "heading", "value": {"text": "Kurzy", "level": "h2"}},
                {"type": "paragraph", "value": "<p>Text s <b>tučným</b> písmem.</p>"},
            ],
        )
    )
    get_user_model().objects.create_superuser("spravce", "spravce@example.org", PASSWORD)
    violations = collect_policy_violations(page)
    log_in(page, live_server.url, "spravce", PASSWORD)

    for path in admin_screens(home, section, manual):
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        assert response.headers.get("content-security-policy"), path
        page.wait_for_load_state("networkidle")

    # The editor's toolbar on a public page, and the page itself, under the public policy.
    page.goto(f"{live_server.url}{manual.url}")
    page.wait_for_load_state("networkidle")

    assert violations == []
