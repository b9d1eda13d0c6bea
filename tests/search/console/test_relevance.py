"""Saved relevance checks: pass while the page is found in the first N, fail once it is deleted."""

import io

import pytest
from django.core.management import call_command

from search.console.jobs import daily_jobs
from search.console.relevance import load_judged
from search.models import RelevanceCheck
from search.quality import Answer, JudgedQuery

pytestmark = pytest.mark.django_db


def test_a_check_fails_after_its_page_is_deleted(content_tree, settings, tmp_path):
    settings.SEARCH_BACKEND = "embedded"
    settings.SEARCH_EMBEDDED_PATH = tmp_path / "search.sqlite3"
    call_command("rebuild_search_index", stdout=io.StringIO())
    check = RelevanceCheck.objects.create(language="cs", query="CPIC Liberec", page=content_tree.organisation, top=3)
    out = io.StringIO()
    call_command("run_relevance_checks", stdout=out)
    check.refresh_from_db()
    assert check.passed and check.rank == 1 and "1 relevance checks passed" in out.getvalue()
    content_tree.organisation.delete()
    lines = []
    daily_jobs(lines.append)
    check.refresh_from_db()
    assert check.passed is False and check.page is None and check.page_title == "CPIC Liberec"
    assert "0 passed, 1 failed" in lines[0]


def test_judged_queries_become_checks_of_the_pages_that_exist_here(content_tree):
    judged = [
        JudgedQuery("krajské centrum liberec", "cs", "exact", (Answer("CPIC  Liberec"),), "queries.yml"),
        JudgedQuery("nic", "cs", "exact", (Answer("Stránka, která tu není"),), "queries.yml"),
    ]
    assert load_judged(judged) == 1
    assert load_judged(judged) == 0  # loading again adds nothing
    check = RelevanceCheck.objects.get()
    assert (check.page_id, check.top, check.query) == (content_tree.organisation.pk, 5, "krajské centrum liberec")
