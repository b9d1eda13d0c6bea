"""Tell a reviewer what Approve or Request changes did, wherever they clicked it.

Wagtail performs a workflow action from the dashboard, the page header or the status side panel
(the workflow action view) silently, and from the editor's action menu with the generic "Page …
has been updated". A reviewer then cannot tell whether the page went live. The page viewset below
replaces Wagtail's default for every page type with views that name the outcome.
"""

from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import TaskState, WorkflowState


def announce_review_outcome(request, page, task_state):
    """A success message for the action just performed on `task_state`; False if none was performed."""
    task_state.refresh_from_db()
    title = page.get_admin_display_title()
    if task_state.status == TaskState.STATUS_APPROVED:
        workflow_state = task_state.workflow_state
        workflow_state.refresh_from_db()
        page.refresh_from_db(fields=["live", "has_unpublished_changes"])
        if workflow_state.status == WorkflowState.STATUS_APPROVED and page.live and not page.has_unpublished_changes:
            text = _("Approved: '%(title)s' is now published.") % {"title": title}
        elif workflow_state.status == WorkflowState.STATUS_APPROVED:
            text = _("Approved: '%(title)s' will be published at its scheduled time.") % {"title": title}
        else:
            text = _("Approved: '%(title)s' moves on to the next review step.") % {"title": title}
    elif task_state.status == TaskState.STATUS_REJECTED:
        text = _("Changes requested: '%(title)s' goes back to its author, who can edit and resubmit it.") % {
            "title": title
        }
    else:
        return False
    messages.success(request, text)
    return True


class ReviewOutcomeWorkflowActionView(WorkflowActionView):
    """Approve / Request changes from the dashboard, the page header or the status panel."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        announce_review_outcome(request, self.object, self.task_state)
        return response


class ReviewOutcomeEditView(EditView):
    """Approve / Request changes from the editor's action menu, with or without edits."""

    reviewed_task_state = None

    def perform_workflow_action(self):
        self.reviewed_task_state = self.page.current_workflow_task_state
        return super().perform_workflow_action()

    def add_save_confirmation_message(self):
        reviewed = self.reviewed_task_state
        if reviewed is None or not announce_review_outcome(self.request, self.page, reviewed):
            super().add_save_confirmation_message()


class HubPageViewSet(PageViewSet):
    """Wagtail's page views for every page type, with the review outcome announced."""

    edit_view_class = ReviewOutcomeEditView
    workflow_action_view_class = ReviewOutcomeWorkflowActionView
