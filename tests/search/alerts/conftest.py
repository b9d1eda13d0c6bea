"""A small bilingual site with a region, indexed by the embedded engine, for the alerts' tests."""

import re
from dataclasses import dataclass

import pytest

from hub.manuals.models import ManualPage
from search.changes.log import log_end
from search.documents.pages import iter_indexed_pages
from search.engines.embedded import EmbeddedBackend
from tests.search.conftest import translated_tree_with_liberec

LINK = re.compile(r"http://testserver(/\S+/)")


@dataclass
class AlertSite:
    tree: object
    liberec: object
    ukrainian_manuals: object

    def publish_manual(self, czech_title, ukrainian_title, regions=(), indexed=True):
        """A new manual, in Czech and in Ukrainian, published now and (unless not `indexed`, as if the
        worker had not come to it yet) indexed; the Ukrainian page."""
        czech = self.tree.manuals.add_child(instance=ManualPage(title=czech_title, summary="Nové.", live=False))
        czech.regions = list(regions)
        czech.save_revision().publish()
        ukrainian = czech.copy_for_translation(self.ukrainian_manuals.locale)
        ukrainian.title = ukrainian_title
        ukrainian.save_revision().publish()
        if indexed:
            reindex()
        ukrainian.refresh_from_db()
        return ukrainian


def reindex():
    """Rebuild the index of every page published so far; it follows the change log from here."""
    EmbeddedBackend.from_settings().rebuild(iter_indexed_pages(), start_position=log_end())


@pytest.fixture
def site(settings, tmp_path, locales):
    settings.SEARCH_BACKEND = "embedded"
    settings.SEARCH_EMBEDDED_PATH = tmp_path / "alerts.sqlite3"
    tree, liberec, ukrainian_manuals = translated_tree_with_liberec(locales)
    reindex()
    return AlertSite(tree=tree, liberec=liberec, ukrainian_manuals=ukrainian_manuals)


def links_in(message):
    """The site paths a mail's plain text links to, in order."""
    return LINK.findall(message.get_body(("plain",)).get_content())
