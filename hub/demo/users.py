"""Demo accounts for trying the editorial workflow locally: two organisation editors and a reviewer.

Passwords are random, kept in var/demo-users.txt and printed on every load, so a developer can
log in as each role without a password ever being written into the repository.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from hub.organisations.editorial import REVIEWERS, ensure_organisation_group, role_group_for

# (username, slug of the organisation they edit for, or None for a reviewer of the whole hub).
DEMO_USERS = [
    ("editor.jihlava", "cpic-jihlava"),
    ("editor.praha13", "praha-13"),
    ("reviewer", None),
]


def ensure_demo_users(organisations, report):
    """Create the demo users (or complete their groups) and return a login line for each.

    `organisations` maps slugs to organisation pages.
    """
    password_file = settings.VAR_DIR / "demo-users.txt"
    known = read_passwords(password_file)
    user_model = get_user_model()
    for username, organisation_slug in DEMO_USERS:
        user, created = user_model.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"}
        )
        if created or username not in known:
            known[username] = secrets.token_urlsafe(9)
            user.set_password(known[username])
            user.save()
        if organisation_slug is None:
            user.groups.add(Group.objects.get(name=REVIEWERS))
        else:
            organisation = organisations[organisation_slug]
            user.groups.add(ensure_organisation_group(organisation))
            role_group = role_group_for(organisation)
            if role_group is not None:
                user.groups.add(role_group)
        report.record("demo user", username, created)
    password_file.write_text("".join(f"{name} {password}\n" for name, password in known.items()))
    password_file.chmod(0o600)
    return [
        f"demo login ({role(organisations, slug)}): {username} / {known[username]}"
        for username, slug in DEMO_USERS
    ]


def role(organisations, organisation_slug):
    return f"editor of {organisations[organisation_slug].title}" if organisation_slug else "reviewer"


def read_passwords(password_file):
    if not password_file.exists():
        return {}
    lines = password_file.read_text().splitlines()
    return dict(line.split(" ", 1) for line in lines if " " in line)
