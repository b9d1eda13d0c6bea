"""Where a page belongs for readers: its section in the main navigation and its breadcrumb trail.

Content lives in the tree under the organisation that owns it (for per-organisation permissions), but
readers browse by kind: a manual of CPIC Jihlava belongs to "Metodiky a manuály", not to "Organizace".
So a page's section is the section index that lists its type; its breadcrumb trail is home › section ›
the pages it lives under (its organisation) › the page itself.
"""

from wagtail.models import Page

from hub.core.models import HomePage, SectionIndexPage


def section_models_listing(page_class):
    """The section index models whose listing shows pages of `page_class`."""
    found, pending = [], list(SectionIndexPage.__subclasses__())
    while pending:
        model = pending.pop()
        pending += model.__subclasses__()
        if not model._meta.abstract and model.listed_page_model and issubclass(page_class, model.listed_page_model):
            found.append(model)
    return found


class Wayfinding:
    """The trail of one page, computed once: {% page_trail %} serves the header and the breadcrumbs."""

    def __init__(self, page):
        self.page = page
        ancestors = list(page.get_ancestors()) if page.pk else []
        homes = [ancestor for ancestor in ancestors if ancestor.specific_class is HomePage]
        self.home = homes[-1] if homes else None
        below_home = [ancestor for ancestor in ancestors if self.home and ancestor.depth > self.home.depth]
        self.section = self._section(below_home[0] if below_home else None)
        # Between the section and the page: e.g. the organisation a manual lives under.
        self.between = below_home[1:]

    def _section(self, top_ancestor):
        if self.home is None:
            return None
        if top_ancestor is None:
            return self.page if self.page.depth == self.home.depth + 1 else None
        models = section_models_listing(self.page.specific_class or type(self.page))
        if models:
            listing = Page.objects.child_of(self.home).live().type(*models).first()
            if listing is not None:
                return listing
        return top_ancestor

    @property
    def breadcrumbs(self):
        """Pages to link before the current one: home, the section, what the page lives under."""
        if self.home is None or self.page.pk == self.home.pk:
            return []
        if self.section is None or self.section.pk == self.page.pk:
            return [self.home]
        return [self.home, self.section, *self.between]


def page_trail(page):
    """The page's Wayfinding, cached on the page object for the rest of the request."""
    if page is None or not isinstance(page, Page):
        return None
    if not hasattr(page, "_wayfinding"):
        page._wayfinding = Wayfinding(page)
    return page._wayfinding
