"""Every factory builds a valid object, so tests and demo data can rely on them."""

import pytest
from wagtail.models import Page

from tests.hub.core.factories import HomePageFactory, ImageFactory
from tests.hub.events.factories import EventIndexPageFactory, EventPageFactory
from tests.hub.goals.factories import OperationalGoalsIndexPageFactory, OperationalGoalsPageFactory
from tests.hub.journeys.factories import JourneyIndexPageFactory, JourneyPageFactory
from tests.hub.manuals.factories import ManualIndexPageFactory, ManualPageFactory
from tests.hub.organisations.factories import (
    HelplineFactory,
    OrganisationIndexPageFactory,
    OrganisationPageFactory,
)
from tests.hub.practices.factories import GoodPracticeIndexPageFactory, GoodPracticePageFactory
from tests.hub.taxonomy.factories import (
    ActorTypeFactory,
    RegionFactory,
    TargetGroupFactory,
    TopicFactory,
)

PAGE_FACTORIES = [
    HomePageFactory,
    OrganisationIndexPageFactory,
    OrganisationPageFactory,
    ManualIndexPageFactory,
    ManualPageFactory,
    GoodPracticeIndexPageFactory,
    GoodPracticePageFactory,
    OperationalGoalsIndexPageFactory,
    OperationalGoalsPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    JourneyIndexPageFactory,
    JourneyPageFactory,
]
OTHER_FACTORIES = [
    RegionFactory, TopicFactory, TargetGroupFactory, ActorTypeFactory, HelplineFactory, ImageFactory,
]


@pytest.mark.django_db
@pytest.mark.parametrize("page_factory", PAGE_FACTORIES, ids=lambda f: f.__name__)
def test_page_factory_builds_a_live_valid_page_where_its_type_may_live(page_factory):
    page = page_factory()
    page.full_clean()
    stored = Page.objects.get(pk=page.pk).specific
    assert stored.live and stored.get_latest_revision() is not None
    parent = stored.get_parent().specific
    assert type(stored) in parent.specific_class.allowed_subpage_models()


@pytest.mark.django_db
@pytest.mark.parametrize("other_factory", OTHER_FACTORIES, ids=lambda f: f.__name__)
def test_snippet_and_image_factories_build_valid_objects(other_factory):
    instance = other_factory()
    instance.full_clean()
    assert type(instance).objects.filter(pk=instance.pk).exists()
