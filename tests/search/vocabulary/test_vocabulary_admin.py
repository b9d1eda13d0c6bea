"""The search vocabulary in the admin: shipped synonyms and glossary concepts are rows editors can edit."""

import re

import pytest

from search.models import GlossaryConcept, SynonymRule
from search.vocabulary.glossary import expand_query_terms

pytestmark = pytest.mark.django_db


def test_synonym_screen_lists_the_shipped_abbreviations_with_ano_ne(admin_client):
    SynonymRule.objects.filter(builtin_key="cs:DO").update(enabled=False)
    page = admin_client.get("/admin/snippets/search/synonymrule/?language=cs").content.decode()
    assert ">OSP ↔ odborné sociální poradenství</span>" in page  # the title links to its edit form
    cells = re.findall(r"<td[^>]*>\s*([^<]*?)\s*</td>", page)
    assert "Ano" in cells and "Ne" in cells
    assert "True" not in page and "False" not in page
    assert "Pravidla synonym" in page


def test_glossary_screen_lists_concepts_and_an_edit_applies_to_the_next_query(admin_client):
    page = admin_client.get("/admin/snippets/search/glossaryconcept/?q=ochrana").content.decode()
    assert "dočasná ochrana ↔ тимчасовий захист ↔ temporary protection" in page
    concept = GlossaryConcept.objects.get(builtin_key="tlumoceni")
    response = admin_client.post(
        f"/admin/snippets/search/glossaryconcept/edit/{concept.pk}/",
        {
            "terms_cs": "tlumočení\ntlumočník",
            "terms_uk": "усний переклад\nперекладач\nтлумач",
            "terms_en": "interpreting\ninterpreter",
            "abbreviations": "",
            "note": concept.note,
            "enabled": "on",
        },
    )
    assert response.status_code == 302
    [match] = expand_query_terms("потрібен тлумач у лікарні", "uk")
    assert ("tlumocnik",) in match.phrases("cs")


def test_a_concept_in_one_language_only_is_refused_in_czech(admin_client):
    response = admin_client.post(
        "/admin/snippets/search/glossaryconcept/add/",
        {
            "terms_cs": "jen česky",
            "terms_uk": "",
            "terms_en": "",
            "abbreviations": "",
            "note": "",
            "enabled": "on",
        },
    )
    assert response.status_code == 200
    assert "Pojmenujte pojem alespoň ve dvou jazycích." in response.content.decode()
