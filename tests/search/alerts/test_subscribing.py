"""Subscribing and double opt-in: a confirmation mail in the reader's language with a working link, the
same answer for every address, forged, expired and replayed links changing nothing, clear refusals, the
abuse limits, and unconfirmed subscriptions deleted after a week."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import signing
from django.utils import timezone

from search.alerts import jobs, tokens
from search.models import Subscription
from tests.search.alerts.conftest import links_in

pytestmark = pytest.mark.django_db
OLENA = "olena@example.org"


def subscribe(client, email=OLENA, follow="region=liberecky", language="uk", frequency="immediate"):
    return client.post(f"/{language}/search/alerts/", {"email": email, "frequency": frequency, "follow": follow})


def confirmation_path(message):
    [path] = [link for link in links_in(message) if "/confirm/" in link]
    return path


def test_the_follow_page_names_the_list_and_asks_for_consent(client, site):
    page = client.get("/uk/search/alerts/", {"region": "liberecky"}).content.decode()
    assert "Стежити за результатами" in page
    assert "Ліберецький край" in page
    assert 'name="follow" value="region=liberecky"' in page
    assert 'type="email"' in page and "погоджуєтеся" in page


def test_lists_and_results_link_to_following_them(client, site):
    region = client.get("/cs/kraje/liberecky/").content.decode()
    assert 'href="/cs/search/alerts/?region=liberecky"' in region
    listing = client.get(site.tree.manuals.url).content.decode()
    assert 'href="/cs/search/alerts/?type=manual"' in listing and "Sledovat tyto výsledky" in listing
    results = client.get("/cs/search/", {"q": "bydlení", "page": "1", "sid": "x"}).content.decode()
    assert 'href="/cs/search/alerts/?q=bydlen%C3%AD"' in results


def test_a_ukrainian_subscription_is_confirmed_through_the_link_in_a_ukrainian_mail(client, site, smtp_mailbox):
    response = subscribe(client)
    assert response.status_code == 200
    assert "Перевірте пошту" in response.content.decode()
    [message] = smtp_mailbox.wait_for(1)
    assert message.envelope_recipients == [OLENA]
    assert "Підтвердьте" in message["Subject"] and "Ліберецький край" in message["Subject"]
    assert "Ліберецький край" in message.get_body(("html",)).get_content()
    path = confirmation_path(message)
    assert path.startswith("/uk/search/alerts/confirm/")
    assert Subscription.objects.get().confirmed_at is None

    assert 'type="submit"' in client.get(path).content.decode()  # opening the link only shows a button
    assert Subscription.objects.get().confirmed_at is None
    confirmed = client.post(path)
    assert "підтверджено" in confirmed.content.decode()
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at and subscription.language == "uk" and subscription.query == "region=liberecky"

    replayed = client.post(path)
    assert "вже підтверджено" in replayed.content.decode()
    assert Subscription.objects.get().confirmed_at == subscription.confirmed_at


def test_an_address_already_following_the_list_gets_the_same_answer_and_no_mail(client, site, smtp_mailbox):
    subscribe(client)
    client.post(confirmation_path(smtp_mailbox.wait_for(1)[0]))
    again = subscribe(client, frequency="weekly")
    assert again.status_code == 200 and "Перевірте пошту" in again.content.decode()
    assert len(smtp_mailbox.messages) == 1
    assert Subscription.objects.get().frequency == "immediate"


def test_forged_and_expired_confirmation_links_change_nothing(client, site, smtp_mailbox):
    subscribe(client)
    path = confirmation_path(smtp_mailbox.wait_for(1)[0])
    forged = client.post(path.replace("/confirm/", "/confirm/x"))
    assert forged.status_code == 400 and "Посилання недійсне" in forged.content.decode()
    week_later = timezone.now().timestamp() + 8 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=week_later):
        expired = client.post(path)
    assert expired.status_code == 400 and "Посилання недійсне" in expired.content.decode()
    assert Subscription.objects.get().confirmed_at is None


def test_a_link_of_another_kind_does_not_confirm(client, site, smtp_mailbox):
    subscribe(client)
    unsubscribe_token = tokens.unsubscribe_token(Subscription.objects.get())
    assert client.post(f"/uk/search/alerts/confirm/{unsubscribe_token}/").status_code == 400
    assert Subscription.objects.get().confirmed_at is None


def test_a_confirmation_link_does_not_carry_the_address(client, site, smtp_mailbox):
    subscribe(client)
    token = confirmation_path(smtp_mailbox.wait_for(1)[0]).split("/")[-2]
    assert OLENA not in str(signing.loads(token, salt=tokens.CONFIRM_SALT))  # web server logs keep URLs


@pytest.mark.parametrize(
    ("email", "follow", "status", "message"),
    [
        ("olena@", "region=liberecky", 400, "Zadejte platnou e-mailovou adresu"),
        (OLENA, "colour=red", 400, "Tento kanál nemá filtr „colour“"),
        (OLENA, "region=atlantida", 404, "Ve filtru „region“ není nic zařazeno pod „atlantida“"),
    ],
)
def test_an_invalid_address_or_an_unknown_filter_is_refused_clearly(client, site, smtp_mailbox, email, follow, status, message):
    response = subscribe(client, email=email, follow=follow, language="cs")
    assert response.status_code == status
    assert message in response.content.decode()
    assert not Subscription.objects.exists() and smtp_mailbox.messages == []


def test_the_fourth_confirmation_mail_to_one_address_in_a_day_is_refused(client, site, smtp_mailbox):
    for follow in ("region=liberecky", "type=manual", "type=organisation"):
        assert subscribe(client, follow=follow, language="cs").status_code == 200
    fourth = subscribe(client, follow="q=bydlen%C3%AD", language="cs")
    assert fourth.status_code == 429
    assert "již několik potvrzovacích e-mailů" in fourth.content.decode()
    assert len(smtp_mailbox.wait_for(3)) == 3
    assert Subscription.objects.count() == 3


def test_one_connection_may_ask_only_so_often(client, site, smtp_mailbox, settings):
    settings.SEARCH_ALERTS_REQUESTS_PER_HOUR = 2
    for number in range(2):
        assert subscribe(client, email=f"reader{number}@example.org").status_code == 200
    refused = subscribe(client, email="reader3@example.org", language="cs")
    assert refused.status_code == 429 and "Z vašeho připojení" in refused.content.decode()
    assert len(smtp_mailbox.wait_for(2)) == 2
    assert not Subscription.objects.filter(email="reader3@example.org").exists()


def test_unconfirmed_subscriptions_older_than_a_week_are_deleted_daily(site):
    now = timezone.now()
    old = Subscription.objects.create(email="a@example.org", language="cs", frequency="weekly", created_at=now - timedelta(days=8))
    recent = Subscription.objects.create(email="b@example.org", language="cs", frequency="weekly", created_at=now - timedelta(days=6))
    confirmed = Subscription.objects.create(
        email="c@example.org", language="cs", frequency="weekly", created_at=now - timedelta(days=30), confirmed_at=now - timedelta(days=29)
    )
    assert "1 unconfirmed" in jobs.daily()
    assert set(Subscription.objects.values_list("pk", flat=True)) == {recent.pk, confirmed.pk}
    assert not Subscription.objects.filter(pk=old.pk).exists()


def test_an_address_may_follow_only_so_many_lists(client, site, smtp_mailbox, settings):
    settings.SEARCH_ALERTS_MAX_PER_ADDRESS = 2
    for follow in ("region=liberecky", "type=manual"):
        assert subscribe(client, follow=follow, language="cs").status_code == 200
    refused = subscribe(client, follow="type=organisation", language="cs")
    assert refused.status_code == 400 and "Tato adresa už sleduje 2 vyhledávání" in refused.content.decode()
    assert Subscription.objects.count() == 2 and len(smtp_mailbox.wait_for(2)) == 2
