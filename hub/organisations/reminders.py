"""Reminding an organisation's editors of its pages past their check-by date, once and then weekly.

The worker runs `send_check_reminders()` daily (search/console/jobs.py); so can an admin
(`manage.py send_check_reminders`). A page is mailed about at most once per ISO week (a CheckReminder
row per page and week): the day it passes its check-by date, then in the first run of every week while
it stays overdue, so the reminders settle into a Monday digest. Each recipient gets one mail per run,
in their admin language, listing all their pages due, each with a signed "Still correct" link and an
"Edit" link. The recipients are the active editors with an e-mail in the organisation's editor group;
an organisation without any (or a page outside every organisation) falls to the Reviewers.
"""

import datetime
import logging
import smtplib
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext
from wagtail.users.models import UserProfile

from hub.core.check_confirmation import confirmation_link
from hub.core.freshness import overdue_live_pages
from hub.core.models import CheckReminder
from hub.organisations.editorial import REVIEWERS, organisation_group_name
from hub.organisations.ownership import Owners, describe_overdue

logger = logging.getLogger(__name__)


@dataclass
class Reminder:
    """One mail: a recipient and the overdue pages they are reminded of in this run."""

    recipient: object
    pages: list = field(default_factory=list)

    @property
    def language(self):
        profile = UserProfile.objects.filter(user=self.recipient).first()
        return (profile and profile.preferred_language) or settings.LANGUAGE_CODE


@dataclass
class RunSummary:
    reminders: list
    sent: int = 0
    failed: int = 0
    dry_run: bool = False

    def line(self):
        pages = len({page.pk for reminder in self.reminders for page in reminder.pages})
        if self.dry_run:
            return f"check reminders (dry run): {len(self.reminders)} mails would be sent about {pages} overdue pages"
        return f"check reminders: {self.sent} mails sent about {pages} overdue pages, {self.failed} failed"

    def details(self):
        """Who gets what, a line per recipient and page (for --dry-run)."""
        for reminder in self.reminders:
            yield f"{reminder.recipient.email} ({reminder.language}):"
            for page in reminder.pages:
                yield f"  {page.title} (#{page.pk}), check by {page.check_by.isoformat()}"


def week_of(day):
    """The Monday of `day`'s ISO week."""
    return day - datetime.timedelta(days=day.weekday())


def recipients_for(organisation):
    """Active users with an e-mail in the organisation's editor group, else the Reviewers."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="").order_by("pk")
    if organisation is not None:
        editors = list(users.filter(groups__name=organisation_group_name(organisation)).distinct())
        if editors:
            return editors
    return list(users.filter(groups__name=REVIEWERS).distinct())


def due_reminders(today):
    """The mails of a run on `today`: every overdue live page nobody was reminded of this week."""
    reminded_this_week = CheckReminder.objects.filter(week=week_of(today)).values("page")
    pages = list(overdue_live_pages(today=today).exclude(pk__in=reminded_this_week).select_related("content_type"))
    owners = Owners()
    recipients_by_owner = {}
    reminders = {}
    for page in pages:
        owner = owners.of(page)
        if owner not in recipients_by_owner:
            recipients_by_owner[owner] = recipients_for(owner)
        for user in recipients_by_owner[owner]:
            reminders.setdefault(user.pk, Reminder(user)).pages.append(page)
    describe_overdue(pages, today, owners)
    return list(reminders.values())


def absolute_admin_url(name, *args):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def reminder_message(reminder, today):
    """The mail, written in the recipient's language."""
    with translation.override(reminder.language):
        items = [
            {
                "title": page.title,
                "type": page.type_label,
                "check_by": page.check_by,
                "overdue": ngettext("%(days)d day overdue", "%(days)d days overdue", page.days_overdue)
                % {"days": page.days_overdue},
                "confirm_url": confirmation_link(page, reminder.recipient),
                "edit_url": absolute_admin_url("wagtailadmin_pages:edit", page.pk),
            }
            for page in reminder.pages
        ]
        context = {
            "items": items,
            "report_url": absolute_admin_url("overdue_pages"),
            "recipient": reminder.recipient,
        }
        subject = ngettext(
            "Rozcestník: %(count)d page to check", "Rozcestník: %(count)d pages to check", len(items)
        ) % {"count": len(items)}
        message = EmailMultiAlternatives(
            subject,
            render_to_string("organisations/mail/check_reminder.txt", context),
            to=[reminder.recipient.email],
        )
        message.attach_alternative(render_to_string("organisations/mail/check_reminder.html", context), "text/html")
    return message


def send_check_reminders(today=None, dry_run=False):
    """Mail this run's reminders and record them; a page whose mail failed is retried next run."""
    today = today or timezone.localdate()
    summary = RunSummary(due_reminders(today), dry_run=dry_run)
    if dry_run:
        return summary
    undelivered = set()
    for reminder in summary.reminders:
        try:
            reminder_message(reminder, today).send()
            summary.sent += 1
        except (smtplib.SMTPException, OSError):  # one unreachable mailbox must not stop the others
            logger.exception("check reminder to user %s not sent", reminder.recipient.pk)
            summary.failed += 1
            undelivered.update(page.pk for page in reminder.pages)
    reminded = {page.pk for reminder in summary.reminders for page in reminder.pages} - undelivered
    CheckReminder.objects.bulk_create(
        [CheckReminder(page_id=page_id, week=week_of(today)) for page_id in sorted(reminded)],
        ignore_conflicts=True,
    )
    return summary
