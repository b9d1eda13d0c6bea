"""Time the admin's main screens on the demo content: wall time and database queries per request.

Why a script and not a test: speed is measured and printed, never asserted (machines differ).
It runs in a throwaway database (Django's test-database machinery: in-memory SQLite, or
test_<name> on PostgreSQL when DATABASE_URL says so), loads the demo content, adds one long
manual, and requests each screen through Django's test client as an administrator and as the
demo editor of CPIC Jihlava, in Czech. Save the numbers of one run and compare a later one:

    .venv/bin/python bench/admin_screens.py --save var/admin-before.json
    .venv/bin/python bench/admin_screens.py --compare var/admin-before.json
"""

import argparse
import json
import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.dev")
# The demo content writes images and its users' passwords to var/: keep the developer's untouched.
os.environ["ROZCESTNIK_VAR_DIR"] = tempfile.mkdtemp(prefix="rozcestnik-bench-")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from tests.form_data import edit_form_data  # noqa: E402

# Blocks in the long manual: a methodology document of 60-80 printed pages has about this many.
LONG_MANUAL_BLOCKS = 240
ROUNDS = 5
BENCH_PASSWORD = "bench-only-password-1"
EDITOR = "editor.jihlava"


def build_long_manual():
    """The longest demo manual, its body repeated until it has LONG_MANUAL_BLOCKS blocks."""
    from hub.manuals.models import ManualPage

    manual = ManualPage.objects.filter(locale=Locale.get_default()).order_by("-id").first()
    raw = list(manual.body.raw_data)
    body = [dict(block, id=None) for _ in range(LONG_MANUAL_BLOCKS // len(raw) + 1) for block in raw]
    manual.body = body[:LONG_MANUAL_BLOCKS]
    manual.title = "Dlouhá metodika (benchmark)"
    manual.save_revision().publish()
    return manual


def measure(client, method, url, data=None, rounds=ROUNDS, expect=(200, 302)):
    """Median wall time (ms) and query count of one request, after a warm-up request."""
    send = getattr(client, method)
    times, queries = [], []
    for attempt in range(rounds + 1):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = send(url, data) if data is not None else send(url)
            elapsed = (time.perf_counter() - started) * 1000
        if response.status_code not in expect:
            raise SystemExit(f"{method.upper()} {url} answered {response.status_code}")
        if attempt:  # the first request warms caches, templates and connections
            times.append(elapsed)
            queries.append(len(captured))
    return {"ms": round(statistics.median(times), 1), "queries": max(queries)}


def run_screens(rounds):
    from hub.organisations.models import OrganisationIndexPage

    user_model = get_user_model()
    admin = user_model.objects.create_superuser("bench-admin", "bench@example.org", BENCH_PASSWORD)
    editor = user_model.objects.get(username=EDITOR)
    manual = build_long_manual()
    section = OrganisationIndexPage.objects.get(locale=Locale.get_default())

    results = {}
    anonymous = Client()
    results["login form"] = measure(anonymous, "get", "/admin/login/", rounds=rounds)
    login_data = {"username": admin.username, "password": BENCH_PASSWORD}
    results["log in (POST)"] = measure(anonymous, "post", "/admin/login/", login_data, rounds=rounds)

    for label, user in (("admin", admin), ("editor", editor)):
        client = Client()
        client.force_login(user)
        results[f"dashboard [{label}]"] = measure(client, "get", "/admin/", rounds=rounds)
        results[f"explorer: organisations [{label}]"] = measure(
            client, "get", f"/admin/pages/{section.pk}/", rounds=rounds
        )
    client = Client()
    client.force_login(admin)
    edit_url = f"/admin/pages/{manual.pk}/edit/"
    results[f"editor: manual, {LONG_MANUAL_BLOCKS} blocks"] = measure(client, "get", edit_url, rounds=rounds)
    form = client.get(edit_url).context["form"]
    results["save draft: the same manual"] = measure(
        client, "post", edit_url, edit_form_data(form), rounds=rounds, expect=(302,)
    )
    return results


def print_table(results, previous=None):
    width = max(len(name) for name in results) + 2
    if previous:
        print(f"{'screen':<{width}}{'before ms':>10}{'after ms':>10}{'before q':>10}{'after q':>10}")
    else:
        print(f"{'screen':<{width}}{'ms':>10}{'queries':>10}")
    for name, row in results.items():
        if previous:
            old = previous.get(name, {"ms": float("nan"), "queries": "–"})
            print(f"{name:<{width}}{old['ms']:>10}{row['ms']:>10}{old['queries']:>10}{row['queries']:>10}")
        else:
            print(f"{name:<{width}}{row['ms']:>10}{row['queries']:>10}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="timed requests per screen")
    parser.add_argument("--save", type=Path, help="write the results to this JSON file")
    parser.add_argument("--compare", type=Path, help="print beside the results saved in this file")
    args = parser.parse_args()

    logging.disable(logging.INFO)  # Wagtail logs every publish and task; the table is the output
    setup_test_environment()  # lets the test client see the edit form in the response context
    old_name = connection.settings_dict["NAME"]
    print(f"Throwaway {connection.vendor} database, demo content…", file=sys.stderr)
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        with override_settings(ALLOWED_HOSTS=["*"], DEBUG=False):
            call_command("load_demo_content", stdout=open(os.devnull, "w"))
            results = run_screens(args.rounds)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        shutil.rmtree(os.environ["ROZCESTNIK_VAR_DIR"], ignore_errors=True)

    previous = json.loads(args.compare.read_text()) if args.compare else None
    print_table(results, previous)
    if args.save:
        args.save.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
