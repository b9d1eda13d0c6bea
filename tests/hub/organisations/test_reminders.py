"""Editors are mailed their organisation's overdue pages over real SMTP: once, then a weekly digest."""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from wagtail.users.models import UserProfile

from hub.organisations.reminders import send_check_reminders, week_of
from tests.hub.organisations.overdue import TODAY, build_overdue_hub
from tests.mail import free_port

BASE_URL = "http://testserver"


@pytest.fixture
def hub(home):
    return build_overdue_hub(home)


def plain_text(message):
    return message.get_body(("plain",)).get_content()


def links(message, label):
    """The URLs after `label:` in the plain-text mail, one per listed page."""
    return re.findall(rf"^{label}: (\S+)\r?$", plain_text(message), flags=re.MULTILINE)


def test_an_editor_gets_one_mail_in_czech_with_working_links(hub, smtp_mailbox, client):
    summary = send_check_reminders(today=TODAY)

    [mail] = smtp_mailbox.to("editor.jihlava@example.org")
    assert mail["Subject"] == "Rozcestník: 1 stránka ke kontrole"
    text = plain_text(mail)
    assert "Metodika pro obce" in text and "3 dny po termínu" in text
    assert "Metodika Prahy 13" not in text and "Čerstvá praxe" not in text  # another organisation's, a current one
    assert "Metodika pro obce" in mail.get_body(("html",)).get_content()
    [confirm_url] = links(mail, "Stále platí")
    [edit_url] = links(mail, "Upravit")
    assert confirm_url.startswith(BASE_URL) and edit_url.startswith(BASE_URL)
    assert summary.line() == "check reminders: 2 mails sent about 2 overdue pages, 0 failed"

    client.force_login(hub.jihlava_editor)
    assert client.get(edit_url.removeprefix(BASE_URL)).status_code == 200
    confirmation = client.get(confirm_url.removeprefix(BASE_URL))
    assert confirmation.status_code == 200 and "Metodika pro obce" in confirmation.content.decode()


def test_the_same_week_sends_nothing_more_and_the_next_week_a_digest(hub, smtp_mailbox):
    send_check_reminders(today=TODAY)
    assert send_check_reminders(today=TODAY).sent == 0
    assert send_check_reminders(today=week_of(TODAY) + datetime.timedelta(days=7)).sent == 2

    digests = smtp_mailbox.wait_for(4)[2:]
    assert sorted(message.envelope_recipients[0] for message in digests) == [
        "editor.jihlava@example.org",
        "editor.praha@example.org",
    ]
    assert len(smtp_mailbox.to("editor.jihlava@example.org")) == 2


def test_a_page_that_falls_due_later_in_the_week_is_mailed_alone(hub, smtp_mailbox):
    monday = week_of(TODAY + datetime.timedelta(days=14))  # a week when the manual is long overdue
    hub.jihlava_practice.check_by = monday + datetime.timedelta(days=2)
    hub.jihlava_practice.save_revision().publish()
    send_check_reminders(today=monday + datetime.timedelta(days=1))

    send_check_reminders(today=monday + datetime.timedelta(days=3))

    first, later = smtp_mailbox.to("editor.jihlava@example.org")
    assert "Metodika pro obce" in plain_text(first) and "Čerstvá praxe" not in plain_text(first)
    assert "Čerstvá praxe" in plain_text(later) and "Metodika pro obce" not in plain_text(later)


def test_mail_is_written_in_the_recipients_admin_language(hub, smtp_mailbox):
    profile = UserProfile.get_for_user(hub.praha_editor)
    profile.preferred_language = "uk"
    profile.save()
    send_check_reminders(today=TODAY)

    [mail] = smtp_mailbox.to("editor.praha@example.org")
    assert mail["Subject"].strip() == "Rozcestník: 1 сторінка на перевірку"  # folded after "Subject:"
    assert links(mail, "Усе ще актуально")


def test_an_organisation_without_editors_falls_to_the_reviewers(hub, smtp_mailbox):
    hub.praha_editor.is_active = False
    hub.praha_editor.save()
    send_check_reminders(today=TODAY)

    [mail] = smtp_mailbox.to("recenzent@example.org")
    assert "Metodika Prahy 13" in plain_text(mail) and "Metodika pro obce" not in plain_text(mail)
    assert smtp_mailbox.to("editor.praha@example.org") == []


def test_a_dry_run_lists_who_would_get_what_and_sends_nothing(hub, smtp_mailbox):
    out = io.StringIO()
    call_command("send_check_reminders", "--dry-run", stdout=out)

    assert "editor.jihlava@example.org (cs):\n  Metodika pro obce" in out.getvalue()
    assert "check reminders (dry run): 2 mails would be sent about 2 overdue pages" in out.getvalue()
    assert send_check_reminders(today=TODAY).sent == 2  # nothing was recorded as sent


def test_a_mail_that_could_not_be_sent_is_retried_next_run(hub, smtp_mailbox, settings):
    working_port, settings.EMAIL_PORT = settings.EMAIL_PORT, free_port()  # nobody listens there
    assert send_check_reminders(today=TODAY).failed == 2

    settings.EMAIL_PORT = working_port
    assert send_check_reminders(today=TODAY).sent == 2
    assert len(smtp_mailbox.to("editor.jihlava@example.org")) == 1
