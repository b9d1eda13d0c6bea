"""The suite runs on the database DATABASE_URL names, so the PostgreSQL run in CI is real."""

import os

import pytest
from django.db import connection

VENDORS = {
    "postgres": "postgresql",
    "postgresql": "postgresql",
    "pgsql": "postgresql",
    "sqlite": "sqlite",
}


@pytest.mark.django_db
def test_tests_run_on_the_database_that_database_url_names():
    url = os.environ.get("DATABASE_URL", "sqlite://")
    expected_vendor = VENDORS[url.split(":", 1)[0]]
    assert connection.vendor == expected_vendor
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT version()" if expected_vendor == "postgresql" else "SELECT sqlite_version()"
        )
        (server_version,) = cursor.fetchone()
    print(f"database under test: {connection.vendor} {server_version}")
    if expected_vendor == "postgresql":
        assert server_version.startswith("PostgreSQL ")
