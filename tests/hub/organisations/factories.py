"""Organisations and helplines for tests, with Czech contacts that pass the validators."""

import factory

from hub.organisations.models import Helpline, OrganisationIndexPage, OrganisationPage
from tests.hub.core.factories import ContentPageFactory, SectionIndexPageFactory


class HelplineFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Infolinka {n}")
    operator = "Ministerstvo vnitra ČR"
    phone = "+420 974 801 802"
    url = "https://www.mvcr.cz"

    class Meta:
        model = Helpline


class OrganisationIndexPageFactory(SectionIndexPageFactory):
    title = "Organizace"

    class Meta:
        model = OrganisationIndexPage


class OrganisationPageFactory(ContentPageFactory):
    title = factory.Sequence(lambda n: f"CPIC pobočka {n}")
    phone = "+420 974 820 000"
    email = "cpic@example.org"
    website = "https://www.integracnicentra.cz"

    class Meta:
        model = OrganisationPage

    @classmethod
    def default_parent(cls):
        return OrganisationIndexPageFactory()
