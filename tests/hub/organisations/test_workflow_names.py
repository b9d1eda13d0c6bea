"""The review workflow and its task have Czech names, on new and on earlier databases."""

import importlib

from django.apps import apps
from wagtail.models import GroupApprovalTask, Task, Workflow

from hub.organisations.editorial import REVIEW_TASK_NAME, WORKFLOW_NAME, setup_editorial

rename_migration = importlib.import_module("hub.organisations.migrations.0004_czech_workflow_names")


def test_setup_creates_the_czech_workflow_and_task(home):
    setup_editorial()

    assert WORKFLOW_NAME == "Kontrola a zveřejnění"
    assert REVIEW_TASK_NAME == "Schválení recenzentem"
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert [task.name for task in workflow.tasks] == [REVIEW_TASK_NAME]


def test_migration_renames_the_english_names_of_an_earlier_database(db):
    Workflow.objects.all().delete()
    Task.objects.all().delete()
    workflow = Workflow.objects.create(name="Review and publish")
    task = GroupApprovalTask.objects.create(name="Approval by reviewers")

    rename_migration.rename(apps, schema_editor=None)

    workflow.refresh_from_db()
    task.refresh_from_db()
    assert (workflow.name, task.name) == (WORKFLOW_NAME, REVIEW_TASK_NAME)
    setup_editorial()  # finds the renamed rows instead of adding Czech twins
    assert Workflow.objects.count() == 1
