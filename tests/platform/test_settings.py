"""Settings come from the environment, with safe production defaults."""

import json
import os
import subprocess
import sys

import pytest

from tests.platform.deployment_files import REPO_DIR

PRINT_SETTINGS = """
import json
from django.conf import settings
database = settings.DATABASES["default"]
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "ALLOWED_HOSTS": settings.ALLOWED_HOSTS,
    "SESSION_COOKIE_SECURE": getattr(settings, "SESSION_COOKIE_SECURE", False),
    "SECURE_HSTS_SECONDS": getattr(settings, "SECURE_HSTS_SECONDS", 0),
    "SECURE_PROXY_SSL_HEADER": getattr(settings, "SECURE_PROXY_SSL_HEADER", None),
    "ENGINE": database["ENGINE"],
    "NAME": str(database["NAME"]),
    "HOST": database.get("HOST", ""),
    "PORT": database.get("PORT", ""),
}))
"""

# Variables of this process (test settings set some) that must not leak into the child.
SETTINGS_VARIABLES = {
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_SECRET_KEY",
    "DJANGO_DEBUG",
    "DJANGO_ALLOWED_HOSTS",
    "DATABASE_URL",
}


def child_environment(module, tmp_path, **environment):
    """This process's environment without its settings variables, plus the given ones."""
    env = {key: value for key, value in os.environ.items() if key not in SETTINGS_VARIABLES}
    env.update(DJANGO_SETTINGS_MODULE=module, ROZCESTNIK_VAR_DIR=str(tmp_path), **environment)
    return env


def load_settings(module, tmp_path, **environment):
    """Load a settings module in a fresh interpreter with only the given variables set."""
    env = child_environment(module, tmp_path, **environment)
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=REPO_DIR,
        env=env,
        capture_output=True,
        text=True,
    )


def settings_of(module, tmp_path, **environment):
    result = load_settings(module, tmp_path, **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def production_settings(tmp_path, **environment):
    """Production settings as a deployment with a proper secret and `environment` gets them."""
    return settings_of(
        "hub.settings.production", tmp_path, DJANGO_SECRET_KEY="x" * 50, **environment
    )


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = load_settings("hub.settings.production", tmp_path)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_has_debug_off_and_secure_cookies_by_default(tmp_path):
    production = production_settings(tmp_path)
    assert production["DEBUG"] is False
    assert production["SESSION_COOKIE_SECURE"] is True


def test_debug_is_on_only_when_asked(tmp_path):
    production = production_settings(tmp_path, DJANGO_DEBUG="true")
    assert production["DEBUG"] is True


def test_allowed_hosts_are_read_as_a_comma_separated_list(tmp_path):
    production = production_settings(
        tmp_path, DJANGO_ALLOWED_HOSTS="hub.example.org, www.hub.example.org"
    )
    assert production["ALLOWED_HOSTS"] == ["hub.example.org", "www.hub.example.org"]


def test_database_url_selects_postgresql(tmp_path):
    production = production_settings(
        tmp_path, DATABASE_URL="postgres://rozcestnik:secret@db:5432/rozcestnik"
    )
    assert production["ENGINE"] == "django.db.backends.postgresql"
    assert [production[key] for key in ("NAME", "HOST", "PORT")] == ["rozcestnik", "db", 5432]


def test_without_database_url_development_uses_sqlite_in_the_data_directory(tmp_path):
    development = settings_of("hub.settings.dev", tmp_path)
    assert development["ENGINE"] == "django.db.backends.sqlite3"
    assert development["NAME"] == str(tmp_path / "rozcestnik.sqlite3")
    assert development["DEBUG"] is True


@pytest.mark.parametrize("module", ["hub.settings.dev", "hub.settings.test"])
def test_local_settings_work_without_any_secret_configured(module, tmp_path):
    assert load_settings(module, tmp_path).returncode == 0


def test_production_sends_hsts_for_a_year_and_trusts_the_proxys_https_header(tmp_path):
    production = production_settings(tmp_path)
    assert production["SECURE_HSTS_SECONDS"] == 365 * 24 * 3600
    assert production["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert production_settings(tmp_path, DJANGO_HSTS_SECONDS="0")["SECURE_HSTS_SECONDS"] == 0
