"""Helplines for the public templates (the footer), in the reader's language."""

from django import template

from hub.core.templatetags.hub_tags import active_locale
from hub.organisations.models import MAX_FOOTER_HELPLINES, Helpline

register = template.Library()


@register.simple_tag
def footer_helplines():
    """The lines editors chose for the footer, in their order (never more than fit)."""
    helplines = Helpline.objects.filter(show_in_footer=True, locale=active_locale())
    return helplines.order_by("footer_order", "name")[:MAX_FOOTER_HELPLINES]
