"""Alerts: a confirmed subscription gets one mail with the new matching pages and the unsubscribe headers,
nothing for non-matching pages, plain re-publishes or when nothing is new; an editor's "Publish and alert
subscribers" alerts; the one-click unsubscribe works without a CSRF token; the manage page removes."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from search.alerts.publishing import ALERT_SUBSCRIBERS
from search.changes import outbox
from search.changes.worker import Worker
from search.console.jobs import frequent_jobs
from search.models import Subscription
from tests.form_data import edit_form_data
from tests.search.alerts.conftest import links_in, reindex

pytestmark = pytest.mark.django_db
OLENA = "olena@example.org"


def confirmed(email=OLENA, language="uk", query="region=liberecky", frequency="immediate", since=None):
    since = since or timezone.now()
    return Subscription.objects.create(
        email=email, language=language, query=query, frequency=frequency, created_at=since, confirmed_at=since
    )


def send_alerts(*args):
    output = StringIO()
    call_command("send_search_alerts", *args, stdout=output)
    return output.getvalue()


def plain(message):
    return message.get_body(("plain",)).get_content()


def test_a_new_matching_page_is_mailed_once_in_the_subscribers_language(site, smtp_mailbox):
    confirmed()
    Subscription.objects.create(email="pending@example.org", language="uk", query="region=liberecky", frequency="immediate")
    site.publish_manual("Tlumočení v Liberci", "Переклад у Ліберці", regions=[site.liberec])
    site.publish_manual("Bydlení v Praze", "Житло в Празі")

    assert "1 mailed" in send_alerts("--frequency", "immediate")
    [message] = smtp_mailbox.wait_for(1)
    assert message.envelope_recipients == [OLENA]  # the unconfirmed address gets nothing
    text = plain(message)
    assert "Переклад у Ліберці" in text and "Нове" in text
    assert "Житло в Празі" not in text
    assert "1 нова або оновлена сторінка" in message["Subject"] and "Ліберецький край" in message["Subject"]
    assert "Переклад у Ліберці" in message.get_body(("html",)).get_content()
    [page_link] = [link for link in links_in(message) if not link.startswith("/uk/search/alerts/")]
    assert page_link.startswith("/uk/")
    unsubscribe = str(message["List-Unsubscribe"]).strip()
    assert unsubscribe.startswith("<http://testserver/uk/search/alerts/unsubscribe/") and unsubscribe.endswith("/>")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert any(link.startswith("/uk/search/alerts/manage/") for link in links_in(message))

    assert "0 mailed" in send_alerts("--frequency", "immediate")  # nothing new since
    assert len(smtp_mailbox.messages) == 1


def test_a_page_not_yet_indexed_is_announced_once_the_index_has_it(site, smtp_mailbox):
    confirmed()
    site.publish_manual("Tlumočení v Liberci", "Переклад у Ліберці", regions=[site.liberec])
    site.publish_manual("Školy v Liberci", "Школи в Ліберці", regions=[site.liberec], indexed=False)

    assert "1 mailed" in send_alerts()
    assert "Школи в Ліберці" not in plain(smtp_mailbox.wait_for(1)[0])

    outbox.process_pending()
    assert "1 mailed" in send_alerts()
    second = plain(smtp_mailbox.wait_for(2)[1])
    assert "Школи в Ліберці" in second and "Переклад у Ліберці" not in second


def test_a_page_published_before_the_confirmation_is_not_news(site, smtp_mailbox):
    site.publish_manual("Tlumočení v Liberci", "Переклад у Ліберці", regions=[site.liberec])
    confirmed()
    send_alerts()
    assert smtp_mailbox.messages == []


def publish_in_the_editor(client, page, button):
    """Publish `page` through the admin's edit form, pressing Publish or Publish and alert subscribers."""
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = edit_form_data(client.get(edit_url).context["form"])
    data["action-publish"] = button
    assert client.post(edit_url, data).status_code == 302
    reindex()


def test_a_plain_republish_alerts_nobody_and_a_marked_one_does(client, site, smtp_mailbox):
    client.force_login(get_user_model().objects.create_superuser("editor", "editor@example.org", "pass"))
    page = site.publish_manual("Tlumočení v Liberci", "Переклад у Ліберці", regions=[site.liberec])
    confirmed()
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Zveřejnit a upozornit odběratele" in edit  # beside Zveřejnit, in the editor's Czech

    publish_in_the_editor(client, page, "action-publish")
    send_alerts()
    assert smtp_mailbox.messages == []

    publish_in_the_editor(client, page, ALERT_SUBSCRIBERS)
    assert "1 mailed" in send_alerts("--frequency", "immediate")
    [message] = smtp_mailbox.wait_for(1)
    assert "Переклад у Ліберці" in plain(message) and "Оновлено" in plain(message)


def test_weekly_digests_wait_for_the_week_to_be_over(site, smtp_mailbox):
    subscription = confirmed(frequency="weekly", since=timezone.now() - timedelta(days=3))
    site.publish_manual("Tlumočení v Liberci", "Переклад у Ліберці", regions=[site.liberec])
    assert "none due" in send_alerts("--frequency", "weekly")
    Subscription.objects.filter(pk=subscription.pk).update(confirmed_at=timezone.now() - timedelta(days=8))
    assert "1 mailed" in send_alerts("--frequency", "weekly")
    assert len(smtp_mailbox.wait_for(1)) == 1


def test_one_click_unsubscribe_needs_no_csrf_token_and_stops_the_alerts(site, smtp_mailbox):
    confirmed()
    site.publish_manual("Tlumočení v Liberci", "Переклад у Ліберці", regions=[site.liberec])
    send_alerts()
    url = str(smtp_mailbox.wait_for(1)[0]["List-Unsubscribe"]).strip().strip("<>")
    mail_program = Client(enforce_csrf_checks=True)
    assert "Відписатися" in mail_program.get(url).content.decode()  # a GET only asks
    assert Subscription.objects.exists()
    response = mail_program.post(url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert not Subscription.objects.exists()

    site.publish_manual("Kurzy češtiny v Liberci", "Курси чеської в Ліберці", regions=[site.liberec])
    send_alerts()
    assert len(smtp_mailbox.messages) == 1


def test_a_forged_unsubscribe_or_manage_link_changes_nothing(client, site):
    confirmed()
    assert client.post("/uk/search/alerts/unsubscribe/forged:token/").status_code == 400
    assert client.post("/uk/search/alerts/manage/forged:token/", {"all": "1"}).status_code == 400
    assert Subscription.objects.count() == 1


def test_the_manage_page_names_each_followed_list_and_removes_them(client, site, smtp_mailbox):
    confirmed()
    confirmed(query="type=manual")
    confirmed(email="someone.else@example.org")
    site.publish_manual("Tlumočení v Liberci", "Переклад у Ліберці", regions=[site.liberec])
    send_alerts()
    [manage] = [link for link in links_in(smtp_mailbox.wait_for(1)[0]) if "/manage/" in link]
    page = client.get(manage).content.decode()
    assert "Ліберецький край" in page and "посібник" in page
    assert "someone.else" not in page
    ours = Subscription.objects.filter(email=OLENA)
    assert client.post(manage, {"remove": ours.get(query="type=manual").pk}).status_code == 302
    assert list(ours.values_list("query", flat=True)) == ["region=liberecky"]
    assert "Ви відписалися від усіх сповіщень" in client.post(manage, {"all": "1"}).content.decode()
    assert not ours.exists()
    assert Subscription.objects.filter(email="someone.else@example.org").exists()


def test_editors_see_how_many_subscribe_but_never_who(client, site):
    confirmed()
    Subscription.objects.create(email="pending@example.org", language="uk", query="type=manual", frequency="weekly")
    confirmed(email="petr@example.org", language="cs")
    client.force_login(get_user_model().objects.create_superuser("editor", "editor@example.org", "pass"))
    dashboard = client.get("/admin/").content.decode()
    assert "Upozornění e-mailem pro čtenáře" in dashboard
    assert "<td>uk</td><td>1</td><td>1</td>" in dashboard and "<td>cs</td><td>1</td><td>0</td>" in dashboard
    assert "@example.org" not in dashboard.replace("editor@example.org", "")


def test_the_worker_mails_immediate_alerts_at_most_every_alerts_interval(site, smtp_mailbox):
    confirmed()
    site.publish_manual("Tlumočení v Liberci", "Переклад у Ліберці", regions=[site.liberec])
    lines = []
    worker = Worker(report=lines.append, frequent=frequent_jobs)
    worker.frequent_jobs()
    assert len(smtp_mailbox.wait_for(1)) == 1 and "1 mailed" in lines[-1]
    site.publish_manual("Kurzy češtiny v Liberci", "Курси чеської в Ліберці", regions=[site.liberec])
    worker.frequent_jobs()  # within SEARCH_ALERTS_INTERVAL of the last run: waits
    assert len(smtp_mailbox.messages) == 1 and len(lines) == 1
