"""Helplines for the public templates (footer, home page), in the reader's language."""

from operator import attrgetter

from django import template

from hub.core.collation import sorted_by_name
from hub.core.templatetags.hub_tags import active_locale
from hub.organisations.models import Helpline

register = template.Library()


@register.simple_tag
def footer_helplines():
    helplines = Helpline.objects.filter(show_in_footer=True, locale=active_locale())
    return sorted_by_name(helplines, attrgetter("name"))
