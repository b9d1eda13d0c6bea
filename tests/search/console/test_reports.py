"""The console's reports: what editors read, who may read it, and that counts outlive the log's rows."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.utils import timezone

from search.console import reports
from search.console.admin import SEARCH_EDITORS
from search.console.daily import start_of
from search.models import SearchLogEntry, SearchQueryDay

pytestmark = pytest.mark.django_db
REPORTS_URL = "/admin/search-console/"


def logged(query, days_ago=0, results=0, language="cs", clicks=0, **flags):
    moment = start_of(timezone.localdate() - timedelta(days=days_ago)) + timedelta(hours=10)
    return SearchLogEntry.objects.create(
        search_id=f"{query}-{days_ago}-{SearchLogEntry.objects.count()}",
        created_at=moment,
        source="page",
        language=language,
        query=query,
        results=results,
        backend="embedded",
        latency_ms=5,
        clicks=clicks,
        **flags,
    )


@pytest.fixture
def editor(django_user_model):
    def make(*groups):
        user = django_user_model.objects.create_user(f"user{len(groups)}", password="x")
        for name in groups:
            user.groups.add(Group.objects.get_or_create(name=name)[0])
        return user

    return make


def test_a_search_editor_reads_zero_result_queries_and_fixes_one_from_its_row(client, editor):
    for days_ago in (0, 3, 3):
        logged("byt pro rodinu <b>", days_ago=days_ago)
    logged("tlumočník", results=4, clicks=1)
    client.force_login(editor(SEARCH_EDITORS))
    html = client.get(REPORTS_URL, {"report": "zero"}).content.decode()
    assert "Dotazy bez výsledků" in html
    assert "byt pro rodinu &lt;b&gt;" in html and "<b>" not in html.split("byt pro rodinu")[1][:20]
    assert "tlumočník" not in html
    assert "/admin/snippets/search/promotedresult/add/?language=cs&amp;query=byt+pro+rodinu" in html
    assert "/cs/search/?q=byt+pro+rodinu+%3Cb%3E&amp;console=1" in html  # what readers saw, not logged
    row = reports.query_rows("zero", timezone.localdate() - timedelta(days=30), timezone.localdate())[0]
    assert (row.query, row.searches, row.zero_results) == ("byt pro rodinu <b>", 3, 3)
    add_synonym = client.get("/admin/snippets/search/synonymrule/add/", {"language": "cs", "terms": "byt pro rodinu\n"})
    assert "byt pro rodinu" in add_synonym.content.decode()


def test_organisation_editors_read_reports_but_not_the_log_and_readers_nothing(client, editor):
    logged("azyl")
    client.get(REPORTS_URL)
    assert client.get(REPORTS_URL).status_code == 302  # to the admin login
    user = editor("Editors: CPIC Liberec", "CPIC editors")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(REPORTS_URL).status_code == 200
    refused = client.get(f"{REPORTS_URL}log/")
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail's "no permission"


def test_csv_export_keeps_a_query_from_running_as_a_formula(client, editor):
    logged("=HYPERLINK(1)")
    client.force_login(editor(SEARCH_EDITORS))
    response = client.get(REPORTS_URL, {"report": "top", "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert "'=HYPERLINK(1)" in response.content.decode()


def test_purging_old_rows_keeps_their_daily_counts_for_the_reports(settings):
    settings.SEARCH_LOG_RETENTION_DAYS = 10
    logged("kurzy", days_ago=40, results=3, clicks=1)
    logged("kurzy", days_ago=40, results=0)
    logged("kurzy", days_ago=1, results=2, partial=True)
    logged("kurzy")  # today: not summed yet, read from the log
    call_command("purge_search_log", verbosity=0)
    assert SearchLogEntry.objects.count() == 2
    assert SearchQueryDay.objects.filter(query="kurzy").count() == 2
    today = timezone.localdate()
    (row,) = reports.query_rows("top", today - timedelta(days=60), today)
    assert (row.searches, row.zero_results, row.weakly_answered, row.clicked) == (4, 2, 1, 1)
    weeks = reports.weekly(today - timedelta(days=60), today)
    assert sum(week.searches for week in weeks) == 4


def test_an_organisation_editor_opens_a_draft_titled_by_the_query_in_their_organisation(client, editor, content_tree):
    from hub.manuals.models import ManualPage
    from hub.organisations.editorial import ensure_organisation_group

    group = ensure_organisation_group(content_tree.organisation)
    user = editor()
    user.groups.add(group)
    client.force_login(user)
    response = client.post(f"{REPORTS_URL}draft/", {"query": "kurzy češtiny pro seniory", "language": "cs"})
    draft = ManualPage.objects.get(title="Kurzy češtiny pro seniory")
    assert response["Location"] == f"/admin/pages/{draft.pk}/edit/"
    assert not draft.live and draft.get_parent().pk == content_tree.organisation.pk
