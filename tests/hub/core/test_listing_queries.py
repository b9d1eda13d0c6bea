"""A section listing costs the same number of queries for 2 organisations as for 8: the site stays
fast as the directory grows (Locale lookups once per request, terms fetched per listing page)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.hub.organisations.factories import OrganisationPageFactory
from tests.hub.sample_hub import HubPageTestCase, build_sample_hub
from tests.hub.taxonomy.factories import RegionFactory, TopicFactory


class ListingQueries(HubPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.hub = build_sample_hub()
        cls.region = RegionFactory(name="Kraj Vysočina", locale=cls.hub.home.locale)
        cls.topic = TopicFactory(name="Bydlení", locale=cls.hub.home.locale)

    def add_organisations(self, first, count):
        for number in range(first, first + count):
            organisation = OrganisationPageFactory(parent=self.hub.organisations, title=f"Poradna {number}")
            organisation.regions.add(self.region)
            organisation.topics.add(self.topic)
            organisation.save()

    def queries_of_listing(self):
        self.client.get(self.hub.organisations.url)  # warm Wagtail's per-process caches
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(self.hub.organisations.url)
        assert response.status_code == 200
        return [query["sql"] for query in queries.captured_queries]

    def test_more_organisations_cost_no_more_queries(self):
        self.add_organisations(0, 2)
        few = self.queries_of_listing()
        self.add_organisations(2, 6)
        many = self.queries_of_listing()

        assert len(many) == len(few), "\n".join(many)
        assert sum('FROM "wagtailcore_locale"' in sql for sql in many) <= 2
