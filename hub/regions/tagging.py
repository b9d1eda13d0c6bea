"""Which regions pages are filed under, read in one query for search's ranking (search/query/pipeline.py)."""

from django.apps import apps

from hub.core.models import HubPage


def page_region_codes(page_ids):
    """{page id: {region codes}} of the content pages among `page_ids` that are filed under some region."""
    if not page_ids:
        return {}
    models = [model for model in apps.get_models() if issubclass(model, HubPage)]
    queries = [
        model.objects.filter(pk__in=page_ids, regions__isnull=False).order_by().values_list("pk", "regions__code")
        for model in models
    ]
    codes = {}
    for pk, code in queries[0].union(*queries[1:], all=True):
        codes.setdefault(pk, set()).add(code)
    return codes
