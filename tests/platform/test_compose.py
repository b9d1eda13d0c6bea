"""docker-compose.yml describes a production stack that starts in order and keeps its data.

No Docker engine runs here, so the file is checked as data: what `docker compose up` would read.
"""

import re

import pytest
import yaml

from tests.platform.deployment_files import CI_SCRIPT, COMPOSE_FILE


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load(COMPOSE_FILE.read_text())


@pytest.fixture(scope="module")
def services(compose):
    return compose["services"]


def mounts(service):
    """{container path: named volume} of one service."""
    return {entry.split(":")[1]: entry.split(":")[0] for entry in service.get("volumes", [])}


def test_stack_has_the_app_its_search_worker_a_database_and_elasticsearch(services):
    always = {name for name, service in services.items() if "profiles" not in service}
    assert always == {"app", "worker", "db", "elasticsearch"}


def test_the_cluster_profile_adds_three_elasticsearch_nodes_that_find_each_other(services):
    nodes = {name: service for name, service in services.items() if service.get("profiles") == ["cluster"]}
    assert sorted(nodes) == ["es01", "es02", "es03"]
    for name, node in nodes.items():
        environment = node["environment"]
        assert environment["node.name"] == name
        assert environment["discovery.seed_hosts"].split(",") == sorted(nodes)
        assert node["image"] == services["elasticsearch"]["image"]
    assert len({mounts(node)["/usr/share/elasticsearch/data"] for node in nodes.values()}) == 3


def test_app_starts_only_once_database_and_elasticsearch_are_healthy(services):
    depends_on = services["app"]["depends_on"]
    assert depends_on["db"] == {"condition": "service_healthy"}
    assert depends_on["elasticsearch"] == {"condition": "service_healthy"}


def test_worker_starts_after_the_app_has_migrated(services):
    worker = services["worker"]
    assert worker["depends_on"]["app"] == {"condition": "service_healthy"}
    assert worker["environment"]["DJANGO_MIGRATE"] == "0"
    assert worker["command"] == ["python", "manage.py", "process_search_outbox", "--loop"]


def test_database_and_elasticsearch_have_real_health_checks(services):
    assert "pg_isready" in " ".join(services["db"]["healthcheck"]["test"])
    assert "_cluster/health" in " ".join(services["elasticsearch"]["healthcheck"]["test"])


def test_services_run_postgresql_15_and_the_elasticsearch_that_ci_tests_against(services):
    ci_version = re.search(r"^ES_VERSION=\$\{ES_VERSION:-([\d.]+)\}", CI_SCRIPT.read_text(), re.M)
    assert services["db"]["image"] == "postgres:15"
    assert services["elasticsearch"]["image"] == (
        f"docker.elastic.co/elasticsearch/elasticsearch:{ci_version.group(1)}"
    )


def test_data_lives_in_named_volumes(compose, services):
    declared = set(compose["volumes"])
    assert mounts(services["db"])["/var/lib/postgresql/data"] in declared
    assert mounts(services["elasticsearch"])["/usr/share/elasticsearch/data"] in declared
    for name in ("app", "worker"):
        assert mounts(services[name])["/app/media"] in declared
    assert mounts(services["app"])["/app/var"] in declared


def test_each_app_container_keeps_its_backup_search_copy_and_the_worker_none(services):
    """Scale-out: no search file is shared between containers (README, "Scale-out")."""
    assert services["app"]["environment"]["SEARCH_BACKUP_FEEDER"] == "1"
    assert services["worker"]["environment"]["SEARCH_BACKUP_COPY"] == "0"
    assert "/app/var" not in mounts(services["worker"])


def test_replicas_and_proxies_are_configurable(services):
    environment = services["app"]["environment"]
    assert environment["ELASTICSEARCH_INDEX_REPLICAS"].startswith("${ELASTICSEARCH_INDEX_REPLICAS:-")
    assert environment["DJANGO_TRUSTED_PROXIES"] == "${DJANGO_TRUSTED_PROXIES:-0}"


@pytest.mark.parametrize("service", ["app", "worker"])
def test_secrets_must_be_supplied_never_written_in_the_file(services, service):
    environment = services[service]["environment"]
    assert re.fullmatch(r"\$\{DJANGO_SECRET_KEY:\?[^}]+\}", environment["DJANGO_SECRET_KEY"])
    assert "${POSTGRES_PASSWORD:?" in environment["DATABASE_URL"]
    assert environment["DJANGO_SETTINGS_MODULE"] == "hub.settings.production"


def test_database_password_is_required_too(services):
    assert services["db"]["environment"]["POSTGRES_PASSWORD"].startswith("${POSTGRES_PASSWORD:?")


@pytest.mark.parametrize("service", ["app", "worker"])
def test_app_talks_to_the_stack_services(services, service):
    environment = services[service]["environment"]
    assert environment["SEARCH_BACKEND"] == "elasticsearch"
    assert environment["ELASTICSEARCH_URL"] == "http://elasticsearch:9200"
    assert environment["DATABASE_URL"].startswith("postgres://")
    assert "@db:5432/" in environment["DATABASE_URL"]


def test_elasticsearch_without_security_is_not_published_outside_the_stack(services):
    elasticsearch = services["elasticsearch"]
    assert elasticsearch["environment"]["xpack.security.enabled"] == "false"
    assert "ports" not in elasticsearch
    assert "ports" not in services["db"]
