"""Every block an editor can insert into a StreamField says what it is for and previews in the picker.

The StreamFields are found from the models, so a block added to any of them later is checked too.
"""

import re

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation
from wagtail.fields import StreamField

PREVIEW_MAIN = re.compile(r"<main>(?P<content>.*)</main>", re.DOTALL)


def insertable_blocks():
    """(model.field.block name, block) for each block of the hub's StreamFields, each block once."""
    found = {}
    for model in apps.get_models():
        if not model.__module__.startswith("hub."):
            continue
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                for name, block in field.stream_block.child_blocks.items():
                    # BodyBlock serves several models: check its blocks once.
                    key = (type(field.stream_block), name)
                    found.setdefault(key, (f"{model.__name__}.{field.name}.{name}", block))
    return sorted(found.values(), key=lambda item: item[0])


BLOCKS = insertable_blocks()


def test_the_stream_fields_are_found():
    names = [name for name, _block in BLOCKS]
    assert "ManualPage.body.paragraph" in names
    assert "HomePage.audience_routes.route" in names
    assert "GoodPracticePage.links.video" in names


@pytest.mark.parametrize(("name", "block"), BLOCKS, ids=[name for name, _block in BLOCKS])
def test_block_has_a_translated_description(name, block):
    with translation.override("en"):
        english = str(block.get_description())
    assert english, f"{name} has no description for the block picker"
    with translation.override("cs"):
        assert str(block.get_description()) != english, f"{name}: the description is not in Czech"


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor", "e@example.org", "x"))
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "block"), BLOCKS, ids=[name for name, _block in BLOCKS])
def test_block_preview_renders_a_sample_with_the_site_styles(editor_client, name, block):
    assert block.is_previewable, f"{name} is not previewable in the block picker"
    response = editor_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}, HTTP_ACCEPT_LANGUAGE="cs"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/css/site.css" in html
    sample = PREVIEW_MAIN.search(html).group("content")
    visible_text = re.sub(r"<[^>]+>|\s+", " ", sample).strip()
    assert len(visible_text) > 10 or "<svg" in sample, f"{name}: the preview shows nothing: {sample!r}"
