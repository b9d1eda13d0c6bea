from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from hub.taxonomy.models import ActorType, Region, TargetGroup, Topic


class TermViewSet(SnippetViewSet):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]


class RegionViewSet(TermViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "slug", "code"]


class TopicViewSet(TermViewSet):
    model = Topic
    icon = "tag"


class TargetGroupViewSet(TermViewSet):
    model = TargetGroup
    icon = "group"


class ActorTypeViewSet(TermViewSet):
    model = ActorType
    icon = "folder-open-1"


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomies")
    menu_icon = "tag"
    menu_order = 300
    items = (RegionViewSet, TopicViewSet, TargetGroupViewSet, ActorTypeViewSet)


register_snippet(TaxonomyViewSetGroup)
