"""The regional signpost: /<lang>/kraje/ (map and list), /<lang>/kraje/<region>/ and the journeys by region.

Django views under every language prefix rather than Wagtail pages, like /<lang>/search/: the
pages are computed from the region taxonomy and the content tagged with it, so there is nothing
to edit, and the paths must be the same in every language and must not move when an editor
renames or moves a page. The journeys they combine with *are* pages (hub.journeys), rendered here
with the reader's region.
"""

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from wagtail.models import Locale

from hub.core.language_fallback import IN_DEFAULT_LANGUAGE, in_language_or_default
from hub.events.models import calendar_url
from hub.journeys.models import JourneyPage
from hub.organisations.models import INTEGRATION_CENTRE_SLUG, OrganisationPage
from hub.regions import map_shapes
from hub.regions.choice import (
    JOURNEY_PARAMETER,
    NEXT_PARAMETER,
    PLACE_PARAMETER,
    REGION_PARAMETER,
    is_local,
    region_for_slug,
    regions_in_order,
    regions_trail,
    with_region_parameter,
)
from hub.regions.municipalities import resolve
from hub.regions.signpost import (
    build_signpost,
    helplines_for,
    integration_centres,
    region_names,
    regions_by_code,
    upcoming_events,
)
from hub.taxonomy.models import Region


def journeys_for(locale):
    """The "I am …" journeys in the reader's language first, then in Czech."""
    return list(
        in_language_or_default(JourneyPage.objects.live().public(), locale)
        .select_related("locale")
        .order_by(IN_DEFAULT_LANGUAGE, "path")
    )


def region_index(request):
    locale = Locale.get_active()
    centres = (
        OrganisationPage.objects.live()
        .public()
        .filter(actor_type__slug=INTEGRATION_CENTRE_SLUG)
        .values_list("regions__slug", "title", "locale_id")
    )
    default_locale = Locale.get_default()
    centre_names = {}
    for slug, title, locale_id in centres:
        if slug and locale_id == default_locale.pk:
            centre_names.setdefault(slug, []).append(title)
    entries = [
        {
            "region": localized,
            "url": reverse("region", args=[region.slug]),
            "centres": sorted(centre_names.get(region.slug, [])),
            "shape": map_shapes.SHAPES.get(region.code, ""),
            "shade": map_shapes.SHADES.get(region.code, 0),
        }
        for localized, region in regions_in_order()
    ]
    context = {
        "entries": entries,
        "map_viewbox": map_shapes.VIEWBOX,
        "journeys": journeys_for(locale),
        "crumbs": regions_trail(),
    }
    return render(request, "regions/region_index.html", context)


def region_page(request, region_slug):
    region = region_for_slug(region_slug)
    locale = Locale.get_active()
    signpost = build_signpost(region, locale)
    context = {
        "signpost": signpost,
        "region_slug": region.slug,
        "calendar_url": calendar_url(region=region.slug),
        "journeys": journeys_for(locale),
        "crumbs": regions_trail((signpost.region.name, "")),
    }
    return render(request, "regions/region_page.html", context)


def region_journey(request, region_slug, journey_slug):
    """An "I am …" journey page filled in with the region's integration centre, trainings and helplines.

    The journey is found by its Czech slug, so /uk/kraje/kraj-vysocina/obec/ works in every
    language; the reader gets its translation when one is live, else the Czech page.
    """
    region = region_for_slug(region_slug)
    journey = (
        JourneyPage.objects.live().public().filter(locale=Locale.get_default(), slug=journey_slug).first()
    )
    if journey is None:
        raise Http404("No such journey")
    page = journey.localized
    locale = Locale.get_active()
    context = page.get_context(request)
    localized_region = region.localized
    context.update(
        {
            "region": localized_region,
            "region_slug": region.slug,
            "centres": integration_centres(region, locale),
            "events": upcoming_events(region, locale, limit=3),
            "helplines": helplines_for(region, locale),
            # The language switcher swaps the prefix: this path exists in every language.
            "shared_path": True,
            "crumbs": regions_trail(
                (localized_region.name, reverse("region", args=[region.slug])), (page.title, "")
            ),
        }
    )
    return TemplateResponse(request, page.get_template(request), context)


def choose_region(request):
    """Where the region chooser sends what the reader picked or typed.

    A region slug (from the list) or a place that resolves to one region goes straight on: to the
    journey by region, back to the page the reader came from with ?kraj=, or to the region page.
    Otherwise the reader gets a page that says what was not understood and offers the regions.
    """
    regions = regions_by_code()
    region = None
    slug = request.GET.get(REGION_PARAMETER, "")
    if slug:
        region = Region.objects.filter(locale=Locale.get_default(), slug=slug).first()
    resolution = resolve(request.GET.get(PLACE_PARAMETER, ""), region_names())
    if region is None and resolution.region_code:
        region = regions.get(resolution.region_code)
    journey = request.GET.get(JOURNEY_PARAMETER, "")
    next_url = request.GET.get(NEXT_PARAMETER, "")
    if region is not None:
        return HttpResponseRedirect(target_url(request, region, journey, next_url))
    candidates = [
        {"name": name, "region": regions[code].localized, "slug": regions[code].slug}
        for name, code in resolution.candidates
        if code in regions
    ]
    context = {
        "query": resolution.query,
        "candidates": candidates,
        "entries": [
            {"region": localized, "slug": region.slug} for localized, region in regions_in_order()
        ],
        "journey": journey,
        "next_url": next_url if is_local(request, next_url) else "",
        "crumbs": regions_trail((gettext("Choose your region"), "")),
    }
    return render(request, "regions/choose_region.html", context)


def target_url(request, region, journey, next_url):
    if journey and JourneyPage.objects.live().filter(locale=Locale.get_default(), slug=journey).exists():
        return reverse("region_journey", args=[region.slug, journey])
    if is_local(request, next_url):
        return with_region_parameter(next_url, region.slug)
    return reverse("region", args=[region.slug])


def region_box(request, region_slug):
    """The "In your region" box alone, for pages that remember the reader's region in the browser."""
    region = region_for_slug(region_slug)
    context = {
        "box_region": region.localized,
        "box_region_slug": region.slug,
        "box_centres": integration_centres(region, Locale.get_active()),
    }
    return render(request, "regions/region_box.html", context)
