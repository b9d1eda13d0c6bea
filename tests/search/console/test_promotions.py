"""Promoted results: per language, for the query's close variants, between their dates, above the list."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from search.models import PromotedResult

pytestmark = pytest.mark.django_db


def promote(**fields):
    promotion = PromotedResult(**fields)
    promotion.full_clean()
    promotion.save()
    return promotion


def test_a_promotion_shows_above_the_results_for_close_variants_in_its_language_only(client, index, content_tree):
    promote(language="cs", query="kurzy češtiny zdarma", page=content_tree.organisation, description="Kurzy v Liberci.")
    promote(
        language="cs",
        query="kurzy češtiny zdarma",
        external_url="https://cestina-pro-cizince.cz/",
        title="Čeština pro cizince",
        ends_at=timezone.localdate() - timedelta(days=1),  # over
    )
    html = client.get("/cs/search/", {"q": "zdarma  Kurzy češtině"}).content.decode()
    box = html[html.index('class="search-promoted"') :]
    assert "Doporučujeme" in box and "CPIC Liberec" in box and "Kurzy v Liberci." in box
    assert "Čeština pro cizince" not in html
    assert html.index('class="search-promoted"') < html.index('class="search-hits"')
    found = client.get("/api/search/", {"q": "kurzy češtiny zdarma", "lang": "cs"}).json()["promoted"]
    assert found == [{"title": "CPIC Liberec", "url": content_tree.organisation.url, "description": "Kurzy v Liberci.", "external": False}]
    assert client.get("/api/search/", {"q": "kurzy češtiny zdarma", "lang": "en"}).json()["promoted"] == []


def test_an_external_promotion_is_reached_through_the_click_log(client, index):
    promote(language="en", query="czech courses", external_url="https://cestina-pro-cizince.cz/", title="Czech for foreigners")
    html = client.get("/en/search/", {"q": "czech course"}).content.decode()
    link = unescape(re.search(r'class="search-promoted__item">\s*<a href="([^"]+)"', html).group(1))
    assert client.get(link)["Location"] == "https://cestina-pro-cizince.cz/"


def test_a_query_takes_at_most_three_promotions(content_tree):
    for number in range(3):
        promote(language="cs", query="bydlení", external_url=f"https://example.org/{number}", title=f"Odkaz {number}")
    with pytest.raises(ValidationError):
        promote(language="cs", query="Bydlení", page=content_tree.organisation)
