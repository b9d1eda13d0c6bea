"""A first step of an "I am…" journey: what to do, and where it leads (contacts, helplines, reading).

The step names *kinds* of regional information ("the region's integration centre", "the next
trainings"); the page fills them in for the region the reader chose, so one journey serves all
fourteen regions and editors never copy contacts into it.
"""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

# What a step can show from the reader's region; each renders in templates/journeys/step_links.html.
REGIONAL_CENTRE = "regional_centre"
HELPLINES = "helplines"
TRAININGS = "trainings"
REGIONAL_INFORMATION = [
    (REGIONAL_CENTRE, _("Contacts of the region's integration centre (CPIC)")),
    (HELPLINES, _("Helplines")),
    (TRAININGS, _("Next trainings and platform meetings in the region")),
]


def step_sample():
    return {
        "title": gettext("Contact the integration centre in your region"),
        "text": "<p>"
        + gettext("The centre knows the regional platform and the organisations that can help.")
        + "</p>",
        "shows": [REGIONAL_CENTRE],
        "pages": [],
    }


class JourneyStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("step"), max_length=200)
    text = blocks.RichTextBlock(label=_("what to do"), features=["bold", "italic", "link", "ul", "ol"])
    shows = blocks.MultipleChoiceBlock(
        label=_("show from the reader's region"),
        choices=REGIONAL_INFORMATION,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        search_index=False,  # which contacts a step shows is layout, not what the step says
    )
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(label=_("page")),
        label=_("read more"),
        default=[],
        help_text=_("Manuals, good practice or organisations this step refers to."),
    )

    class Meta:
        icon = "tick"
        label = _("First step")
        template = "journeys/journey_step_block.html"
        description = _("One thing to do first, with the regional contacts and pages that help.")
        preview_value = staticmethod(step_sample)
