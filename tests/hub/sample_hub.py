"""A small hub for page tests: a home page the default site serves, its five sections and one CPIC.

Built with the factories in `setUpTestData`, once per test class, so a class of page tests costs
one tree, not one per test.
"""

from dataclasses import dataclass

from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase

from hub.core.models import HomePage
from hub.events.models import EventIndexPage
from hub.goals.models import OperationalGoalsIndexPage
from hub.manuals.models import ManualIndexPage
from hub.organisations.models import OrganisationIndexPage, OrganisationPage
from hub.practices.models import GoodPracticeIndexPage
from tests.hub.core.factories import HomePageFactory
from tests.hub.events.factories import EventIndexPageFactory
from tests.hub.goals.factories import OperationalGoalsIndexPageFactory
from tests.hub.manuals.factories import ManualIndexPageFactory
from tests.hub.organisations.factories import OrganisationIndexPageFactory, OrganisationPageFactory
from tests.hub.practices.factories import GoodPracticeIndexPageFactory


@dataclass
class SampleHub:
    home: HomePage
    organisations: OrganisationIndexPage
    manuals: ManualIndexPage
    practices: GoodPracticeIndexPage
    goals: OperationalGoalsIndexPage
    events: EventIndexPage
    cpic: OrganisationPage


class HubPageTestCase(WagtailPageTestCase):
    """Wagtail's page assertions, with routing that knows our language prefixes (/cs/, /uk/, /en/)."""

    def assertPageIsRoutable(self, page, route_path="/", msg=None):
        # Wagtail routes the whole URL from the site root, but i18n_patterns put the language
        # before the page path: route what follows the prefix, in the page's language.
        language = page.locale.language_code
        url = page.get_url
        page.get_url = lambda *args, **kwargs: url(*args, **kwargs).removeprefix(f"/{language}")
        try:
            with translation.override(language):
                super().assertPageIsRoutable(page, route_path, msg)
        finally:
            del page.get_url


def build_sample_hub():
    home = HomePageFactory(
        title="Rozcestník integrace cizinců",
        slug="rozcestnik",
        intro="<p>Metodiky, dobrá praxe a kontakty pro všechny, kdo pomáhají cizincům.</p>",
    )
    Site.objects.filter(is_default_site=True).update(root_page=home)
    organisations = OrganisationIndexPageFactory(parent=home, title="Organizace", slug="organizace")
    return SampleHub(
        home=home,
        organisations=organisations,
        manuals=ManualIndexPageFactory(parent=home, title="Metodiky a manuály", slug="metodiky"),
        practices=GoodPracticeIndexPageFactory(parent=home, title="Dobrá praxe", slug="dobra-praxe"),
        goals=OperationalGoalsIndexPageFactory(parent=home, title="Operační cíle", slug="operacni-cile"),
        events=EventIndexPageFactory(parent=home, title="Aktuality a akce", slug="aktuality"),
        cpic=OrganisationPageFactory(
            parent=organisations,
            title="CPIC Jihlava",
            slug="cpic-jihlava",
            summary="Centrum na podporu integrace cizinců pro Kraj Vysočina.",
            services="<p>Sociální poradenství, kurzy češtiny a tlumočení pro cizince.</p>",
            street_address="Ke Skalce 5907/47",
            postal_code="586 01",
            town="Jihlava",
        ),
    )


def listed_titles(section, **params):
    """Titles a section page lists for the query string `params` (?region=, ?topic=, ?order=)."""
    listing = section.listed_pages(RequestFactory().get("/", params))
    return [page.title for page in listing.pages]
