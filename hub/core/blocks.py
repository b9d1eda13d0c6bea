"""StreamField blocks shared by every long-form page; each renders with templates/blocks/<name>.html."""

import unicodedata

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading; headings build the page's table of contents."""

    text = blocks.CharBlock(label=_("text"), max_length=200)
    # A setting of the block, not a word of the page: kept out of search.
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
        search_index=False,
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # The stream passes each heading its page-unique id (stream_anchors); alone it names itself.
        context.setdefault("anchor", heading_anchor(value["text"]))
        return context


def heading_anchor(text):
    """The heading's id: ASCII for Czech and English, Unicode for Ukrainian, which ASCII would erase."""
    cyrillic = any("CYRILLIC" in unicodedata.name(character, "") for character in text)
    return slugify(text, allow_unicode=cyrillic) or "oddil"


def stream_anchors(stream):
    """The id of each block of a StreamField value, in order: a heading's page-unique anchor, else "".

    Two headings with the same text get "zasady" and "zasady-2", so every link from the table of contents
    or from a search result lands on its own section. The template and search both use this.
    """
    anchors, seen = [], {}
    for block in stream or ():
        if block.block_type != "heading":
            anchors.append("")
            continue
        base = heading_anchor(block.value["text"])
        seen[base] = seen.get(base, 0) + 1
        anchors.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return anchors


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[("info", _("Information")), ("tip", _("Tip")), ("warning", _("Warning"))],
        default="info",
        search_index=False,
    )
    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "help"
        label = _("Callout")
        template = "blocks/callout_block.html"


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


class AttachedDocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    description = blocks.CharBlock(label=_("description"), required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/attached_document_block.html"


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    url = blocks.URLBlock(label=_("URL"))

    class Meta:
        icon = "link"
        label = _("Link")
        template = "blocks/link_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "document-link", "ul", "ol", "h3", "h4"],
        template="blocks/paragraph_block.html",
    )
    callout = CalloutBlock()
    recommendations = RecommendationListBlock()
    table = TableBlock(label=_("Table"), template="blocks/table_block.html")
    document = AttachedDocumentBlock()
    image = ImageBlock(label=_("Image"), template="blocks/image_block.html")
    video = EmbedBlock(label=_("Video"), template="blocks/video_block.html")
    link = LinkBlock()

    class Meta:
        block_counts = {}


class AudienceRouteBlock(blocks.StructBlock):
    """A 'start here' card on the home page for one kind of newcomer."""

    audience = blocks.CharBlock(label=_("who it is for"), max_length=120)
    text = blocks.TextBlock(label=_("text"))
    page = blocks.PageChooserBlock(label=_("page"))

    class Meta:
        icon = "user"
        label = _("Route for newcomers")
        template = "blocks/audience_route_block.html"
