"""Everything the hub knows about one region, gathered for its signpost page and the "In your region" box.

The integration centre (CPIC) branches with their offices, the other organisations serving the
region and those serving the whole country, helplines, the next trainings and platform meetings,
the branches' latest operational goals, and manuals and good practice grouped by topic. Every list
is in the reader's language first, then Czech pages still waiting for a translation
(hub.core.language_fallback); an empty list is left out by the template, never shown as a box.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from hub.core.language_fallback import IN_DEFAULT_LANGUAGE, in_language_or_default
from hub.events.models import EventPage
from hub.goals.models import OperationalGoalsPage
from hub.manuals.models import ManualPage
from hub.organisations.models import INTEGRATION_CENTRE_SLUG, Helpline, OrganisationPage
from hub.practices.models import GoodPracticePage
from hub.taxonomy.models import ActorType, Region, Topic

# How many upcoming events a region page lists; the section "News and events" has the rest.
UPCOMING_EVENTS = 6

# Headings of the organisation groups, by the schema.org type of the organisation's actor type.
ORGANISATION_GROUPS = [
    (ActorType.SchemaType.NGO, _("Non-profit organisations")),
    (ActorType.SchemaType.GOVERNMENT, _("Municipalities, regions and state bodies")),
    (ActorType.SchemaType.ORGANIZATION, _("Other organisations")),
]


@dataclass
class Group:
    title: str
    items: list


@dataclass
class RegionSignpost:
    region: Region
    centres: list = field(default_factory=list)
    organisation_groups: list = field(default_factory=list)
    nationwide_organisations: list = field(default_factory=list)
    helplines: list = field(default_factory=list)
    events: list = field(default_factory=list)
    goals: list = field(default_factory=list)
    know_how: list = field(default_factory=list)

    @property
    def goals_year(self):
        return max((page.year for page in self.goals), default=None)


def regions_by_code():
    """Regions of the default language by their ISO code, e.g. {"CZ-63": <Region Kraj Vysočina>}."""
    return {region.code: region for region in Region.objects.filter(locale=Locale.get_default()) if region.code}


def region_names():
    """(name, code) of every region in every language, for resolving what readers type."""
    codes = {region.translation_key: region.code for region in Region.objects.exclude(code="")}
    return [(region.name, codes.get(region.translation_key, "")) for region in Region.objects.all()]


def pages_in_region(model, region, locale):
    """Live public pages of `model` tagged with `region`, in the reader's language first."""
    pages = model.objects.live().public().filter(regions__slug=region.slug)
    return in_language_or_default(pages, locale).distinct()


def integration_centres(region, locale):
    """The region's CPIC branches with their other offices, by name."""
    pages = pages_in_region(OrganisationPage, region, locale).filter(actor_type__slug=INTEGRATION_CENTRE_SLUG)
    return list(
        pages.select_related("actor_type", "locale").prefetch_related("places").order_by(IN_DEFAULT_LANGUAGE, "title")
    )


def organisation_groups(region, locale):
    """Other organisations serving the region, grouped as non-profits, public bodies and others."""
    pages = (
        pages_in_region(OrganisationPage, region, locale)
        .exclude(actor_type__slug=INTEGRATION_CENTRE_SLUG)
        .select_related("actor_type", "locale")
        .order_by(IN_DEFAULT_LANGUAGE, "title")
    )
    by_type = {}
    for page in pages:
        schema_type = page.actor_type.schema_org_type if page.actor_type_id else ActorType.SchemaType.ORGANIZATION
        by_type.setdefault(schema_type, []).append(page)
    return [Group(str(title), by_type[schema_type]) for schema_type, title in ORGANISATION_GROUPS if by_type.get(schema_type)]


def nationwide_organisations(locale):
    """Organisations tagged with no region: they serve the whole country (ministries, umbrella NGOs)."""
    pages = OrganisationPage.objects.live().public().filter(regions__isnull=True)
    return list(
        in_language_or_default(pages, locale).select_related("actor_type", "locale").order_by(IN_DEFAULT_LANGUAGE, "title")
    )


def helplines_for(region, locale):
    """Nationwide helplines and those serving `region`.

    A helpline's regions are set on its Czech original (wagtail-localize does not copy many-to-many
    fields), so the choice goes by translation key.
    """
    regional = Helpline.objects.filter(regions__isnull=False).values("translation_key")
    here = Helpline.objects.filter(regions__slug=region.slug).values("translation_key")
    lines = in_language_or_default(Helpline.objects.all(), locale).filter(
        Q(translation_key__in=here) | ~Q(translation_key__in=regional)
    )
    # The footer's lines first: editors chose them as the most important.
    return list(lines.order_by(IN_DEFAULT_LANGUAGE, "-show_in_footer", "footer_order", "name"))


def upcoming_events(region, locale, limit=UPCOMING_EVENTS):
    """The next trainings and platform meetings in the region, and nationwide ones (online, no region)."""
    pages = EventPage.objects.live().public().filter(
        Q(regions__slug=region.slug) | Q(regions__isnull=True),
        kind__in=EventPage.JOINABLE_KINDS,
        start__gte=timezone.now(),
    )
    pages = in_language_or_default(pages, locale).distinct().prefetch_related("regions")
    return list(pages.order_by("start", IN_DEFAULT_LANGUAGE)[:limit])


def latest_goals(centres, locale):
    """Each branch's operational goals of its latest year (the current year once they are published)."""
    keys = [centre.translation_key for centre in centres]
    if not keys:
        return []
    pages = OperationalGoalsPage.objects.live().public().filter(organisation__translation_key__in=keys)
    pages = (
        in_language_or_default(pages, locale)
        .select_related("organisation", "locale")
        .prefetch_related("goals")
        .order_by("-year", IN_DEFAULT_LANGUAGE, "title")
    )
    latest = {}
    for page in pages:
        latest.setdefault(page.organisation.translation_key, page)
    return sorted(latest.values(), key=lambda page: page.title)


def know_how(region, locale):
    """Manuals and good practice tagged for the region, grouped by their first topic (by name)."""
    pages = []
    for model in (ManualPage, GoodPracticePage):
        pages += list(pages_in_region(model, region, locale).select_related("locale").prefetch_related("topics"))
    # Pages carry the Czech terms; name them in the reader's language, falling back to Czech.
    topic_names = {topic.translation_key: topic.name for topic in Topic.objects.filter(locale=locale)}
    groups = {}
    for page in sorted(pages, key=lambda page: (getattr(page, IN_DEFAULT_LANGUAGE), page.title)):
        names = sorted(topic_names.get(topic.translation_key, topic.name) for topic in page.topics.all())
        groups.setdefault(names[0] if names else "", []).append(page)
    other = groups.pop("", [])
    result = [Group(name, groups[name]) for name in sorted(groups)]
    if other:
        result.append(Group(str(_("Other topics")), other))
    return result


def build_signpost(region, locale):
    centres = integration_centres(region, locale)
    return RegionSignpost(
        region=region.localized,
        centres=centres,
        organisation_groups=organisation_groups(region, locale),
        nationwide_organisations=nationwide_organisations(locale),
        helplines=helplines_for(region, locale),
        events=upcoming_events(region, locale),
        goals=latest_goals(centres, locale),
        know_how=know_how(region, locale),
    )
