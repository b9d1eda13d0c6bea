"""The smallest public site the browser tests need, built on a database that may have been flushed.

Browser tests run on a transactional database (the live server reads it from another thread),
which is emptied after each test, including the rows migrations create: so everything is made here.
"""

from wagtail.models import Site

from hub.core.models import HomePage
from hub.manuals.models import ManualIndexPage
from hub.organisations.models import Helpline
from tests.utils import czech_tree_root

HOME_TITLE = "Vítejte v Rozcestníku"
SECTION_TITLE = "Příručky"
HELPLINE_NAME = "Linka pomoci pro cizince"


def build_public_site():
    """Czech home page as the default site's root, one section in the menu, one footer helpline."""
    locale, root = czech_tree_root()
    home = HomePage(
        title=HOME_TITLE,
        slug="rozcestnik-prohlizec",
        locale=locale,
        intro="<p>Znalostní rozcestník pro integraci cizinců v České republice.</p>",
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    section = ManualIndexPage(title=SECTION_TITLE, slug="prirucky", show_in_menus=True)
    home.add_child(instance=section)
    section.save_revision().publish()
    Helpline.objects.create(
        name=HELPLINE_NAME, phone="+420 974 801 801", show_in_footer=True, locale=locale
    )
    return home
