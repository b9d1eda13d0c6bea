"""The region chooser and the "In your region" box, for the pages that offer them.

Both are cookie-free: the choice travels in the URL (?kraj=kraj-vysocina), and static/js/regions.js
also keeps it in the browser's localStorage to show the box on later pages. Without JavaScript,
the URL parameter alone works.
"""

from django import template
from django.urls import reverse
from wagtail.models import Locale

from hub.regions.choice import (
    JOURNEY_PARAMETER,
    NEXT_PARAMETER,
    PLACE_PARAMETER,
    REGION_PARAMETER,
    regions_in_order,
)
from hub.regions.municipalities import municipalities
from hub.regions.signpost import integration_centres
from hub.taxonomy.models import Region

register = template.Library()


@register.inclusion_tag("regions/region_chooser.html", takes_context=True)
def region_chooser(context, journey="", list_regions=False, with_select=True):
    """The chooser: type a town or a region, or pick a region.

    `journey`: the Czech slug of an "I am …" journey, whose regional version the choice opens.
    `list_regions`: the regions as links (home page, journeys); otherwise a select of regions,
    unless `with_select` is False (the region index lists them beside the map already).
    """
    request = context.get("request")
    entries = []
    for localized, region in regions_in_order():
        if journey:
            url = reverse("region_journey", args=[region.slug, journey])
        else:
            url = reverse("region", args=[region.slug])
        entries.append({"name": localized.name, "slug": region.slug, "url": url})
    places = sorted({entry["name"] for entry in entries} | {municipality.name for municipality in municipalities()})
    return {
        "entries": entries,
        "places": places,
        "journey": journey,
        "list_regions": list_regions,
        "with_select": with_select and not list_regions,
        # The compact chooser brings the reader back with the "In your region" box; the one that
        # lists the regions (home page, journeys) goes on to the region's page or journey.
        "next_url": request.get_full_path() if request and not (journey or list_regions) else "",
        "selected_region": request.GET.get(REGION_PARAMETER, "") if request else "",
        "parameters": {
            "region": REGION_PARAMETER,
            "place": PLACE_PARAMETER,
            "journey": JOURNEY_PARAMETER,
            "next": NEXT_PARAMETER,
        },
    }


@register.inclusion_tag("regions/region_box_slot.html", takes_context=True)
def region_box(context):
    """The "In your region" box for ?kraj=, or an empty slot the script fills from the remembered region."""
    request = context.get("request")
    slug = request.GET.get(REGION_PARAMETER, "") if request else ""
    region = Region.objects.filter(locale=Locale.get_default(), slug=slug).first() if slug else None
    if region is None:
        return {"box_region": None}
    return {
        "box_region": region.localized,
        "box_region_slug": region.slug,
        "box_centres": integration_centres(region, Locale.get_active()),
    }
