"""The query log: one row per search, no personal data, clicks through a safe redirect, caps."""

import re
from html import unescape

import pytest
from django.db import DatabaseError

from search.console import log
from search.console.privacy import normalised
from search.models import AutocompleteDay, SearchClick, SearchLogEntry
from tests.search import sample_pages as docs

pytestmark = pytest.mark.django_db


def result_links(html):
    return [unescape(href) for href in re.findall(r'<h3><a href="([^"]+)"', html)]


def test_a_search_is_logged_with_what_the_reader_got(client, index):
    client.get("/uk/search/", {"q": "  Domácí   NÁSILÍ "})
    entry = SearchLogEntry.objects.get()
    assert (entry.language, entry.query, entry.source) == ("uk", "domácí násilí", "page")
    assert entry.results > 0 and entry.cross_language  # Czech pages answer on the Ukrainian site
    assert entry.backend == "embedded" and entry.latency_ms >= 0
    client.get("/api/search/", {"q": "nicneexistujiciheslo", "lang": "en"})
    empty = SearchLogEntry.objects.get(source="api")
    assert (empty.language, empty.results) == ("en", 0)


def test_another_page_or_filter_of_the_same_query_is_one_search(client, index):
    html = client.get("/cs/search/", {"q": "cizinci"}).content.decode()
    sid = unescape(re.search(r'name="sid" value="([^"]+)"', html).group(1))
    client.get("/cs/search/", {"q": "cizinci", "sid": sid, "page": 2})
    client.get("/cs/search/", {"q": "cizinci", "sid": sid, "region": "praha"})
    assert SearchLogEntry.objects.count() == 1
    client.get("/cs/search/", {"q": "tlumočníci", "sid": sid})  # a new query with the old id is new
    client.get("/cs/search/", {"q": "cizinci", "sid": sid + "forged"})
    assert SearchLogEntry.objects.count() == 3
    client.get("/cs/search/", {"q": "azyl", "console": 1})  # an editor opening a report's row
    client.get("/api/search/autocomplete/", {"q": "ciz", "lang": "cs"})
    assert SearchLogEntry.objects.count() == 3 and AutocompleteDay.objects.get().requests == 1


def test_personal_data_is_masked_before_it_is_stored():
    assert normalised("Jana.Novak@seznam.cz bydleni") == "[e-mail] bydleni"
    assert normalised("volat +420 777 123 456 nebo 603123456") == "volat [telefon] nebo [telefon]"
    assert normalised("rodné číslo 905315/1234 a 9053151234") == "rodné číslo [rodné číslo] a [rodné číslo]"
    assert normalised("OSP Praha 2024") == "osp praha 2024"


def test_a_click_is_recorded_and_only_internal_or_promoted_addresses_are_followed(client, index):
    html = client.get("/cs/search/", {"q": "tlumočníci"}).content.decode()
    link = result_links(html)[0]
    response = client.get(link)
    assert response.status_code == 302 and response["Location"] == docs.LANGUAGE_COURSES.url
    click = SearchClick.objects.get()
    assert (click.position, click.page, click.url) == (1, 1, docs.LANGUAGE_COURSES.url)
    assert SearchLogEntry.objects.get().clicks == 1
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        assert client.get("/cs/search/go/", {"to": target, "sid": "x"}).status_code == 400
    assert client.get("/cs/search/go/", {"to": "https://evil.example/", "promoted": 1}).status_code == 400


def test_a_script_hammering_one_query_fills_the_log_only_up_to_the_cap(client, index, settings):
    settings.SEARCH_LOG_REPEATS_PER_MINUTE = 3
    for _ in range(10):
        client.get("/api/search/", {"q": "cizinci", "lang": "cs"})
    assert SearchLogEntry.objects.count() == 3


def test_a_failing_log_write_never_fails_the_search(client, index, monkeypatch):
    def broken(*args):
        raise DatabaseError("disk full")

    monkeypatch.setattr(log, "write", broken)
    response = client.get("/cs/search/", {"q": "cizinci"})
    assert response.status_code == 200 and SearchLogEntry.objects.count() == 0
    assert log.recorder.searches == []  # dropped, not kept to grow forever
