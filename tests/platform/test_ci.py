"""`.ci/run` proves the suite on SQLite and on a real PostgreSQL, with real Elasticsearch."""

import re
import subprocess

import pytest

from tests.platform.deployment_files import CI_SCRIPT


@pytest.fixture(scope="module")
def script():
    return CI_SCRIPT.read_text()


def test_ci_script_is_valid_strict_bash(script):
    subprocess.run(["bash", "-n", str(CI_SCRIPT)], check=True)
    assert "set -euo pipefail" in script


def test_ci_runs_the_test_suite_on_sqlite_and_on_postgresql(script):
    sqlite_run = script.index("unset DATABASE_URL")
    postgres_run = script.index("export DATABASE_URL=$POSTGRES_URL")
    assert sqlite_run < postgres_run
    assert script.count("run_tests ") == 2
    assert re.search(r"run_tests\(\) \{.*?make test", script, re.S)
    assert 'POSTGRES_URL="postgres://' in script


def test_ci_starts_real_services_and_fails_when_they_do_not_come_up(script):
    assert "initdb" in script and "pg_ctl" in script
    assert "dependency:copy" in script and "integ-test-zip" in script
    assert 'die "PostgreSQL did not start."' in script
    assert 'die "Elasticsearch did not report yellow or green health' in script
    assert "export ELASTICSEARCH_URL=" in script


def test_ci_runs_lint_and_stops_its_services_on_exit(script):
    assert "make lint" in script
    assert "trap stop_services EXIT" in script
