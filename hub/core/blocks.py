"""StreamField blocks shared by every long-form page; each renders with templates/blocks/<name>.html.

Each block also tells editors what it is for (`description`) and shows a sample in Wagtail's block
picker (`preview_value`, rendered with the site's CSS by templates/wagtailcore/shared/block_preview.html).
Blocks whose value is a database object (an image, a document, a page) or an embed fetched from
another site show a fixed sample instead (`preview_template`, templates/blocks/previews/), because a
preview cannot count on such objects existing.

These options sit in each block's Meta, never in constructor arguments: constructor arguments are
written into migrations, so a reworded description would need one.
"""

import unicodedata

from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

# Samples for the block picker. Functions, not values: Wagtail calls them for each preview, so the
# sample is in the editor's language. (In a block's Meta they are wrapped in staticmethod, or the
# Meta instance would pass itself as an argument.)


def heading_sample():
    return {"text": gettext("How to start with integration locally"), "level": "h2"}


def paragraph_sample():
    return format_html(
        "<p>{}</p>",
        gettext(
            "The regional platform brings together municipalities, NGOs and the integration "
            "centre of the region. It meets four times a year."
        ),
    )


def callout_sample():
    return {
        "kind": "tip",
        "title": gettext("Before you start"),
        "text": format_html("<p>{}</p>", gettext("Contact the integration centre (CPIC) in your region.")),
    }


def recommendations_sample():
    return {
        "title": gettext("Recommendations for municipalities"),
        "items": [
            {"text": gettext("Appoint a contact person for foreigners."), "responsible": "obec"},
            {"text": gettext("Join the regional integration platform."), "responsible": "obec, CPIC"},
        ],
    }


def table_sample():
    return {
        "data": [
            [gettext("Region"), gettext("Centre"), gettext("Phone")],
            ["Kraj Vysočina", "CPIC Jihlava", "+420 974 820 000"],
            ["Zlínský kraj", "CPIC Zlín", "+420 974 820 100"],
        ],
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_caption": gettext("Integration centres"),
    }


def link_sample():
    return {"title": gettext("Integration centres in the regions"), "url": "https://www.integracnicentra.cz/"}


class HeadingBlock(blocks.StructBlock):
    """A section heading; headings build the page's table of contents."""

    text = blocks.CharBlock(label=_("text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        description = _("A section heading; headings make the page's table of contents.")
        preview_value = staticmethod(heading_sample)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = heading_anchor(value["text"])
        return context


def heading_anchor(text):
    """The heading's id: ASCII for Czech and English, Unicode for Ukrainian, which ASCII would erase."""
    cyrillic = any("CYRILLIC" in unicodedata.name(character, "") for character in text)
    return slugify(text, allow_unicode=cyrillic) or "oddil"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[("info", _("Information")), ("tip", _("Tip")), ("warning", _("Warning"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "help"
        label = _("Callout")
        template = "blocks/callout_block.html"
        description = _("A highlighted box with information, a tip or a warning.")
        preview_value = staticmethod(callout_sample)


class RecommendationBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("recommendation"))
    responsible = blocks.CharBlock(
        label=_("responsible actors"), required=False, help_text=_("For example: MV, kraje, CPIC")
    )


class RecommendationListBlock(blocks.StructBlock):
    """A numbered list of recommendations or tasks with who is responsible for each."""

    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    items = blocks.ListBlock(RecommendationBlock(), label=_("items"))

    class Meta:
        icon = "list-ol"
        label = _("Recommendations")
        template = "blocks/recommendation_list_block.html"
        description = _("A numbered list of recommendations or tasks, each with who is responsible.")
        preview_value = staticmethod(recommendations_sample)


class AttachedDocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    description = blocks.CharBlock(label=_("description"), required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/attached_document_block.html"
        description = _("A link to an uploaded document (PDF, Word…) showing its type and size.")
        preview_template = "blocks/previews/attached_document_block.html"


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    url = blocks.URLBlock(label=_("URL"))

    class Meta:
        icon = "link"
        label = _("Link")
        template = "blocks/link_block.html"
        description = _("A link to another website, under a title that says where it leads.")
        preview_value = staticmethod(link_sample)


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        label = _("Paragraph")
        template = "blocks/paragraph_block.html"
        description = _("Running text with bold, italics, links and lists.")
        preview_value = staticmethod(paragraph_sample)


class FactsTableBlock(TableBlock):
    class Meta:
        label = _("Table")
        template = "blocks/table_block.html"
        description = _("A table of facts, e.g. contacts by region or deadlines.")
        preview_value = staticmethod(table_sample)


class FigureBlock(ImageBlock):
    """An image with its alt text (Wagtail's ImageBlock), shown as a responsive figure."""

    class Meta:
        label = _("Image")
        template = "blocks/image_block.html"
        description = _("A picture with alternative text for people who cannot see it.")
        preview_template = "blocks/previews/image_block.html"


class VideoBlock(EmbedBlock):
    class Meta:
        label = _("Video")
        template = "blocks/video_block.html"
        description = _("A video from YouTube or Vimeo; shown as a link when it cannot be embedded.")
        # A real preview would call the provider from the admin; a fixed sample needs no network.
        preview_template = "blocks/previews/video_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock(features=["bold", "italic", "link", "document-link", "ul", "ol", "h3", "h4"])
    callout = CalloutBlock()
    recommendations = RecommendationListBlock()
    table = FactsTableBlock()
    document = AttachedDocumentBlock()
    image = FigureBlock()
    video = VideoBlock()
    link = LinkBlock()


class AudienceRouteBlock(blocks.StructBlock):
    """A 'start here' card on the home page for one kind of newcomer."""

    audience = blocks.CharBlock(label=_("who it is for"), max_length=120)
    text = blocks.TextBlock(label=_("text"))
    page = blocks.PageChooserBlock(label=_("page"))

    class Meta:
        icon = "user"
        label = _("Route for newcomers")
        template = "blocks/audience_route_block.html"
        description = _("A 'start here' card on the home page: who it is for and which page to start on.")
        preview_template = "blocks/previews/audience_route_block.html"
