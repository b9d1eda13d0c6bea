"""`manage.py load_test` measures a hub on this machine only, within bounds, and reports per kind."""

import io

import pytest
from django.core.management import CommandError, call_command

from tests.browser.public_site import build_public_site


@pytest.mark.parametrize("url", ["http://8.8.8.8:80", "http://203.0.113.5:8000", "https://127.0.0.1"])
def test_only_loopback_http_addresses_are_accepted(url):
    with pytest.raises(CommandError):
        call_command("load_test", "--url", url, "--seconds", "1", stdout=io.StringIO())


@pytest.mark.parametrize("args", [["--clients", "0"], ["--clients", "1000"], ["--seconds", "3600"]])
def test_clients_and_seconds_are_bounded(args):
    with pytest.raises(CommandError, match="clients"):
        call_command("load_test", *args, stdout=io.StringIO())


def test_a_short_run_reports_throughput_and_latency(live_server, transactional_db):
    build_public_site()
    output = io.StringIO()

    call_command(
        "load_test", "--url", live_server.url, "--clients", "2", "--seconds", "2",
        "--only", "home", "--only", "content page", stdout=output,
    )

    lines = output.getvalue().splitlines()
    assert any(line.startswith("home ") for line in lines)
    [total] = [line.split() for line in lines if line.startswith("all ")]
    requests, errors = int(total[1]), int(total[-1])
    assert requests > 0 and errors == 0
