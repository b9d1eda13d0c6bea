"""Taxonomy terms for tests: regions, topics, target groups and actor types with Czech names."""

import factory

from hub.taxonomy.models import ActorType, Region, TargetGroup, Topic


class TermFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Pojem {n}")
    slug = factory.Sequence(lambda n: f"pojem-{n}")

    class Meta:
        abstract = True


class RegionFactory(TermFactory):
    name = factory.Sequence(lambda n: f"Kraj {n}")
    slug = factory.Sequence(lambda n: f"kraj-{n}")

    class Meta:
        model = Region


class TopicFactory(TermFactory):
    name = factory.Sequence(lambda n: f"Téma {n}")
    slug = factory.Sequence(lambda n: f"tema-{n}")

    class Meta:
        model = Topic


class TargetGroupFactory(TermFactory):
    class Meta:
        model = TargetGroup


class ActorTypeFactory(TermFactory):
    class Meta:
        model = ActorType
