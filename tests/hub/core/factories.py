"""Factories for the page tree (test-only: factory-boy is not in the production image).

Every page is added under a parent and published, like an editor would; the tree helpers come from
hub/core/page_tree.py, which the demo loader uses too.
"""

import factory
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Page

from hub.core.models import HomePage
from hub.core.page_tree import add_published_child, split_relations


class PageFactory(factory.django.DjangoModelFactory):
    """Base for page factories: pass `parent=` to choose where the page goes (default: a fresh section)."""

    title = factory.Sequence(lambda n: f"Stránka {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        relations = split_relations(kwargs)
        parent = parent or cls.default_parent()
        return add_published_child(parent, model_class(*args, **kwargs), relations)

    @classmethod
    def default_parent(cls):
        return Page.get_first_root_node()


class HomePageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Rozcestník {n}")

    class Meta:
        model = HomePage


class SectionIndexPageFactory(PageFactory):
    class Meta:
        abstract = True

    @classmethod
    def default_parent(cls):
        return HomePageFactory()


class ContentPageFactory(PageFactory):
    """A HubPage with a summary; subclasses say which section index is their default parent."""

    summary = factory.Faker("sentence", locale="cs_CZ")

    class Meta:
        abstract = True


class ImageFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Obrázek {n}")
    description = factory.LazyAttribute(lambda image: f"Ilustrační obrázek: {image.title}")
    file = factory.django.ImageField(width=64, height=48, color="#0b4f8a")

    class Meta:
        model = get_image_model()
