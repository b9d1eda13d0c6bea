"""A Czech hub with one page of every type a reader meets, for the phone-first browser tests.

Built on the public site of tests/browser/public_site.py (flushed database, see there): sections in the
menu, an organisation with a manual, good practice and events living under it, a past and an upcoming
event, long unbroken web addresses and words that would push a narrow screen sideways, taxonomy terms
for the search facets, and the embedded search index built from it all.
"""

import datetime
import io
from dataclasses import dataclass

from django.core.management import call_command
from django.utils import timezone

from hub.demo.content.blocks import heading, paragraph
from hub.events.models import EventPage
from hub.organisations.models import Helpline
from tests.browser.public_site import build_public_site
from tests.hub.events.factories import EventIndexPageFactory, EventPageFactory
from tests.hub.manuals.factories import ManualPageFactory
from tests.hub.organisations.factories import OrganisationIndexPageFactory, OrganisationPageFactory
from tests.hub.practices.factories import GoodPracticeIndexPageFactory, GoodPracticePageFactory
from tests.hub.taxonomy.factories import RegionFactory, TopicFactory

LONG_URL = "https://www.example.org/integrace/cizinci/" + "velmi-dlouha-adresa-stranky-" * 4 + "konec.html"
LONG_WORD = "Integračněpolitickokoordinačnímetodickoinformační"


@dataclass
class ReaderSite:
    home: object
    manuals: object
    organisations: object
    events: object
    organisation: object
    manual: object
    practice: object
    upcoming_event: object
    past_event: object

    def urls(self):
        """Every page type a reader meets, by name."""
        return {
            "home": self.home.url,
            "section": self.manuals.url,
            "organisation directory": self.organisations.url,
            "organisation": self.organisation.url,
            "manual": self.manual.url,
            "good practice": self.practice.url,
            "events": self.events.url,
            "event": self.upcoming_event.url,
            "search": "/cs/search/?q=integrace",
            "search without results": "/cs/search/?q=zzzxxyq",
        }


def build_reader_site():
    home = build_public_site()
    manuals = home.get_children().get(slug="prirucky").specific
    organisations = OrganisationIndexPageFactory(parent=home, title="Organizace", slug="organizace", show_in_menus=True)
    GoodPracticeIndexPageFactory(parent=home, title="Dobrá praxe", slug="dobra-praxe", show_in_menus=True)
    events = EventIndexPageFactory(parent=home, title="Aktuality a akce", slug="aktuality", show_in_menus=True)
    regions = [RegionFactory(name=name, slug=slug) for name, slug in REGIONS]
    topics = [TopicFactory(name=name, slug=slug) for name, slug in TOPICS]
    organisation = OrganisationPageFactory(
        parent=organisations,
        title="CPIC Jihlava",
        slug="cpic-jihlava",
        summary="Centrum na podporu integrace cizinců pro Kraj Vysočina.",
        website=LONG_URL,
        regions=regions[:1],
        topics=topics,
    )
    manual = ManualPageFactory(
        parent=organisation,
        title="Manuál integrace cizinců v obci",
        slug="manual-integrace",
        summary="Jak obec začne s integrací cizinců.",
        body=[heading("Úvod"), paragraph(f"<p>{LONG_WORD} a odkaz {LONG_URL} v textu o integraci.</p>")],
        regions=regions,
        topics=topics[:2],
    )
    practice = GoodPracticePageFactory(
        parent=organisation, title="Společná adresa", slug="spolecna-adresa", summary="Integrace v obci.", regions=regions[1:3]
    )
    now = timezone.now()
    upcoming = EventPageFactory(
        parent=organisation,
        title="Setkání krajské platformy pro integraci",
        slug="setkani-platformy",
        kind=EventPage.Kind.MEETING,
        start=now + datetime.timedelta(days=7),
        end=now + datetime.timedelta(days=7, hours=2),
        regions=regions[:1],
    )
    past = EventPageFactory(
        parent=events,
        title="Adaptační kurz integrace",
        slug="adaptacni-kurz",
        kind=EventPage.Kind.TRAINING,
        start=now - datetime.timedelta(days=20),
        end=now - datetime.timedelta(days=20, hours=-3),
    )
    Helpline.objects.create(
        name="Infolinka pro cizince s dlouhou adresou", url=LONG_URL, show_in_footer=True, locale=home.locale
    )
    call_command("rebuild_search_index", "--backend", "embedded", stdout=io.StringIO())
    return ReaderSite(
        home=home,
        manuals=manuals,
        organisations=organisations,
        events=events,
        organisation=organisation,
        manual=manual,
        practice=practice,
        upcoming_event=upcoming,
        past_event=past,
    )


REGIONS = [
    ("Kraj Vysočina", "vysocina"),
    ("Zlínský kraj", "zlinsky"),
    ("Jihočeský kraj", "jihocesky"),
    ("Hlavní město Praha", "praha"),
    ("Středočeský kraj", "stredocesky"),
    ("Ústecký kraj", "ustecky"),
]
TOPICS = [("Bydlení", "bydleni"), ("Vzdělávání", "vzdelavani"), ("Tlumočení", "tlumoceni")]
