"""Editorial groups, per-organisation page permissions and the review workflow, set up idempotently.

Who may do what:
- Role groups ("CPIC editors", "NGO editors", "Municipal editors") let people into the admin and
  let them upload images and documents; they grant no pages by themselves.
- One group per organisation ("Editors: CPIC Jihlava") may add and edit pages only in that
  organisation's subtree (in every language) and submit them for review; it cannot publish.
- "Reviewers" may edit and publish across the whole hub and approve the "Kontrola a zveřejnění"
  workflow task, which is assigned to the root so every language's home page tree uses it.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from hub.organisations.models import OrganisationPage

CPIC_EDITORS = "CPIC editors"
NGO_EDITORS = "NGO editors"
MUNICIPAL_EDITORS = "Municipal editors"
REVIEWERS = "Reviewers"
ROLE_GROUPS = (CPIC_EDITORS, NGO_EDITORS, MUNICIPAL_EDITORS)
# Editors read these names in the admin's buttons and dialogs ("Odeslat ke kontrole a zveřejnění"),
# so they are Czech; migration organisations.0004 renamed the English ones of earlier databases.
WORKFLOW_NAME = "Kontrola a zveřejnění"
REVIEW_TASK_NAME = "Schválení recenzentem"
ORGANISATION_GROUP_PREFIX = "Editors: "

# Actor type slugs (hub/taxonomy) whose editors belong to each role group.
ROLE_BY_ACTOR_TYPE = {
    "cpic": CPIC_EDITORS,
    "nno": NGO_EDITORS,
    "obec": MUNICIPAL_EDITORS,
    "kraj": MUNICIPAL_EDITORS,
}

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
REVIEWER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
MEDIA_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
)


@dataclass
class EditorialReport:
    groups_created: list = field(default_factory=list)
    workflow_created: bool = False

    def lines(self):
        lines = [f"created group {name}" for name in self.groups_created]
        if self.workflow_created:
            lines.append(f"created workflow {WORKFLOW_NAME}")
        return lines


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def page_permission(codename):
    return permission("wagtailcore", codename)


@transaction.atomic
def setup_editorial():
    """Create or complete the groups, permissions and workflow; safe to run any number of times."""
    report = EditorialReport()
    access_admin = permission("wagtailadmin", "access_admin")
    for name in (*ROLE_GROUPS, REVIEWERS):
        group = ensure_group(name, report)
        group.permissions.add(access_admin)
        grant_media(group)

    reviewers = Group.objects.get(name=REVIEWERS)
    root = Page.get_first_root_node()
    grant_subtree(reviewers, [root], REVIEWER_PAGE_PERMISSIONS)

    for organisation in OrganisationPage.objects.filter(locale__language_code=default_language()):
        ensure_organisation_group(organisation, report)

    ensure_workflow(reviewers, root, report)
    return report


def default_language():
    return Locale.get_default().language_code


def ensure_group(name, report):
    group, created = Group.objects.get_or_create(name=name)
    if created:
        report.groups_created.append(name)
    return group


def grant_media(group):
    root_collection = Collection.get_first_root_node()
    for app_label, codename in MEDIA_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=permission(app_label, codename)
        )


def grant_subtree(group, pages, codenames):
    for page in pages:
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=page_permission(codename)
            )


def organisation_group_name(organisation):
    # Group names are capped at 150 characters by django.contrib.auth.
    return f"{ORGANISATION_GROUP_PREFIX}{organisation.title}"[:150]


def ensure_organisation_group(organisation, report=None):
    """The organisation's editor group, allowed to add and edit in its subtree in every language."""
    report = report or EditorialReport()
    source = organisation.get_translation_or_none(Locale.get_default()) or organisation
    group = ensure_group(organisation_group_name(source), report)
    group.permissions.add(permission("wagtailadmin", "access_admin"))
    grant_media(group)
    grant_subtree(group, source.get_translations(inclusive=True), EDITOR_PAGE_PERMISSIONS)
    return group


def role_group_for(organisation):
    """The role group an organisation's editors also belong to, from its actor type."""
    actor_type = getattr(organisation, "actor_type", None)
    name = ROLE_BY_ACTOR_TYPE.get(actor_type.slug) if actor_type else None
    return Group.objects.get(name=name) if name else None


def ensure_workflow(reviewers, root, report):
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    report.workflow_created = created
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK_NAME)
    task.groups.set([reviewers])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return workflow
