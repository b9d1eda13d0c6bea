"""A small hub with two regions for the signpost tests (views and browser).

Kraj Vysočina has a CPIC branch with full contacts and an office, an NGO, goals, a manual, a
platform meeting and a Ukrainian translation of its branch; Moravskoslezský kraj has a branch
that only names its website (as the demo's real branches do) and a regional helpline. A
nationwide NGO, a nationwide helpline and an online training serve both. Of three "I am …"
journeys one is translated into Ukrainian.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from wagtail.models import Locale

from hub.events.models import EventPage
from hub.goals.models import OperationalGoal
from hub.journeys.blocks import HELPLINES, REGIONAL_CENTRE, TRAININGS
from hub.organisations.models import OrganisationPlace
from hub.taxonomy.models import ActorType
from tests.hub.events.factories import EventPageFactory
from tests.hub.goals.factories import OperationalGoalsPageFactory
from tests.hub.journeys.factories import JourneyIndexPageFactory, JourneyPageFactory, step
from tests.hub.manuals.factories import ManualPageFactory
from tests.hub.organisations.factories import HelplineFactory, OrganisationPageFactory
from tests.hub.sample_hub import build_sample_hub
from tests.hub.taxonomy.factories import ActorTypeFactory, RegionFactory, TopicFactory

JIHLAVA_PHONE = "+420 974 820 000"
JIHLAVA_EMAIL = "cpic.jihlava@example.org"


@dataclass
class RegionalHub:
    hub: object
    vysocina: object
    moravskoslezsky: object
    jihlava: object
    ostrava: object
    ngo: object
    nationwide_ngo: object
    manual: object
    journey: object
    journey_uk: object
    czech_only_journey: object
    ngo_journey: object
    training: object
    meeting: object


def translate_page(page, language, **fields):
    """A published translation of `page` (its parents must be translated already)."""
    translation = page.copy_for_translation(Locale.objects.get(language_code=language))
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return type(page).objects.get(pk=translation.pk)


def translate_term(term, language, name):
    translation = term.copy_for_translation(Locale.objects.get(language_code=language))
    translation.name = name
    translation.save()
    return translation


def build_regional_hub():
    hub = build_sample_hub()
    vysocina = RegionFactory(name="Kraj Vysočina", slug="kraj-vysocina", code="CZ-63")
    moravskoslezsky = RegionFactory(name="Moravskoslezský kraj", slug="moravskoslezsky-kraj", code="CZ-80")
    translate_term(vysocina, "uk", "Край Височина")
    translate_term(moravskoslezsky, "uk", "Моравсько-Сілезький край")
    translate_term(vysocina, "en", "Vysočina Region")
    cpic = ActorTypeFactory(name="Centrum na podporu integrace cizinců", slug="cpic")
    ngo_type = ActorTypeFactory(name="Nestátní nezisková organizace", slug="nno", schema_org_type=ActorType.SchemaType.NGO)
    housing = TopicFactory(name="Bydlení", slug="bydleni")

    jihlava = hub.cpic
    jihlava.actor_type = cpic
    jihlava.phone = JIHLAVA_PHONE
    jihlava.email = JIHLAVA_EMAIL
    jihlava.opening_hours = "Po, St 8–12, 13–17\nÚt, Čt 8–12"
    jihlava.languages = ["cs", "uk", "ru"]
    jihlava.places = [OrganisationPlace(label="Kontaktní místo Třebíč", town="Třebíč", phone="774 123 456")]
    jihlava.regions = [vysocina]
    jihlava.save_revision().publish()
    ostrava = OrganisationPageFactory(
        parent=hub.organisations,
        title="CPIC Ostrava",
        slug="cpic-ostrava",
        actor_type=cpic,
        phone="",
        email="",
        town="Ostrava",
        website="https://www.integracnicentra.cz",
        regions=[moravskoslezsky],
    )
    ngo = OrganisationPageFactory(
        parent=hub.organisations, title="Spolek Vysočina pomáhá", slug="spolek-vysocina", actor_type=ngo_type,
        regions=[vysocina],
    )
    nationwide_ngo = OrganisationPageFactory(
        parent=hub.organisations, title="Konsorcium nevládních organizací", slug="konsorcium", actor_type=ngo_type
    )
    HelplineFactory(name="Informační linka pro cizince", show_in_footer=True, languages=["cs", "uk"])
    regional_line = HelplineFactory(name="Linka pro Ostravsko", phone="596 000 111")
    regional_line.regions.set([moravskoslezsky])
    OperationalGoalsPageFactory(
        parent=jihlava,
        title="Operační cíle CPIC Jihlava 2024",
        organisation=jihlava,
        goals=[OperationalGoal(text="Zmapovat spolupracující organizace na Žďársku.")],
    )
    manual = ManualPageFactory(
        parent=jihlava, title="Adresář tlumočníků na Vysočině", regions=[vysocina], topics=[housing]
    )
    now = timezone.now()
    training = EventPageFactory(
        parent=hub.events, title="Online školení pro nové aktéry", kind=EventPage.Kind.TRAINING,
        place="", online=True, start=now + datetime.timedelta(days=10),
    )
    meeting = EventPageFactory(
        parent=jihlava, title="Setkání krajské platformy Vysočina", start=now + datetime.timedelta(days=20),
        regions=[vysocina],
    )
    EventPageFactory(
        parent=jihlava, title="Loňské setkání platformy", start=now - datetime.timedelta(days=200), regions=[vysocina]
    )

    journeys = JourneyIndexPageFactory(parent=hub.home)
    journey = JourneyPageFactory(
        parent=journeys,
        title="První kroky pro obce",
        slug="obec",
        audience="Obec nebo sociální pracovník obce",
        steps=[
            step("Spojte se s CPIC ve svém kraji", shows=[REGIONAL_CENTRE]),
            step("Zapojte se do krajské platformy", shows=[TRAININGS]),
            step("Volejte infolinky", shows=[HELPLINES], pages=[manual]),
        ],
    )
    czech_only = JourneyPageFactory(parent=journeys, title="První kroky pro školy", slug="skola", audience="Škola")
    ngo_journey = JourneyPageFactory(
        parent=journeys,
        title="První kroky pro nové neziskové organizace",
        slug="nno",
        audience="Nová nezisková organizace",
        steps=[
            step("Spojte se s CPIC ve svém kraji", shows=[REGIONAL_CENTRE]),
            step("Vzdělávejte se", shows=[TRAININGS]),
        ],
    )
    translate_page(hub.home, "uk", title="Дороговказ")
    translate_page(journeys, "uk", title="Я…", slug="ya")
    journey_uk = translate_page(
        journey, "uk", title="Перші кроки для громад", audience="Громада або соціальний працівник"
    )
    translate_page(hub.organisations, "uk", title="Організації", slug="orhanizatsii")
    translate_page(jihlava, "uk", summary="Центр підтримки інтеграції іноземців для краю Височина.")
    return RegionalHub(
        hub=hub,
        vysocina=vysocina,
        moravskoslezsky=moravskoslezsky,
        jihlava=jihlava,
        ostrava=ostrava,
        ngo=ngo,
        nationwide_ngo=nationwide_ngo,
        manual=manual,
        journey=journey,
        journey_uk=journey_uk,
        czech_only_journey=czech_only,
        ngo_journey=ngo_journey,
        training=training,
        meeting=meeting,
    )
