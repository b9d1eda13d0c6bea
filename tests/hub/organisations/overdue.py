"""Two organisations with overdue pages and their editors, shared by the reminder, report and dashboard tests."""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page

from hub.organisations.editorial import REVIEWERS, ensure_organisation_group, setup_editorial
from tests.hub.manuals.factories import ManualPageFactory
from tests.hub.organisations.factories import OrganisationIndexPageFactory, OrganisationPageFactory
from tests.hub.practices.factories import GoodPracticePageFactory

TODAY = timezone.localdate()


@dataclass
class OverdueHub:
    jihlava: Page
    praha: Page
    jihlava_manual: Page  # overdue
    jihlava_practice: Page  # current
    praha_manual: Page  # overdue
    jihlava_editor: object
    praha_editor: object
    reviewer: object


def make_user(username, *groups, **fields):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "heslo-pro-test", **fields)
    user.groups.add(*groups)
    return user


def build_overdue_hub(home):
    directory = OrganisationIndexPageFactory(parent=home)
    future = TODAY + datetime.timedelta(days=60)
    jihlava = OrganisationPageFactory(parent=directory, title="CPIC Jihlava", check_by=future)
    praha = OrganisationPageFactory(parent=directory, title="Městská část Praha 13", check_by=future)
    setup_editorial()
    return OverdueHub(
        jihlava=jihlava,
        praha=praha,
        jihlava_manual=ManualPageFactory(
            parent=jihlava,
            title="Metodika pro obce",
            last_checked=TODAY - datetime.timedelta(days=400),
            check_by=TODAY - datetime.timedelta(days=3),
        ),
        jihlava_practice=GoodPracticePageFactory(parent=jihlava, title="Čerstvá praxe", check_by=future),
        praha_manual=ManualPageFactory(
            parent=praha, title="Metodika Prahy 13", check_by=TODAY - datetime.timedelta(days=10)
        ),
        jihlava_editor=make_user("editor.jihlava", ensure_organisation_group(jihlava)),
        praha_editor=make_user("editor.praha", ensure_organisation_group(praha)),
        reviewer=make_user("recenzent", Group.objects.get(name=REVIEWERS)),
    )
