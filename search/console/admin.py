"""The console in the Wagtail admin ("Vyhledávání"): reports with their one-click fixes, the raw log.

Who sees what: search editors (the "Search editors" group, or anyone with `view_searchlogentry`) see
the reports, the raw log, promoted results and relevance checks; organisation editors ("Editors: …"
groups) see only the reports; nobody outside the admin sees any of it (every view needs admin access).
Logged text reaches the page through Django's autoescaping and the CSV export through `csv_cell`.
"""

import csv
import uuid
from datetime import timedelta
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.menu import MenuItem
from wagtail.snippets.views.snippets import CreateView

from hub.manuals.models import ManualIndexPage, ManualPage
from hub.organisations.editorial import ORGANISATION_GROUP_PREFIX
from hub.organisations.models import OrganisationPage
from search.console import log, reports
from search.console.daily import start_of
from search.models import GlossaryConcept, PromotedResult, SearchLogEntry, SynonymRule
from search.models.synonyms import LANGUAGE_CHOICES

SEARCH_EDITORS = "Search editors"
SEARCH_EDITOR_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("search", "view_search_reports"),
    ("search", "view_searchlogentry"),
    *(("search", f"{action}_{model}") for model in ("promotedresult", "relevancecheck") for action in ("add", "change", "delete", "view")),
    *(("search", f"{action}_{model}") for model in ("synonymrule", "glossaryconcept") for action in ("add", "change", "view")),
)
REPORT_TITLES = {
    "top": _("Top queries"),
    "zero": _("Queries without results"),
    "weak": _("Answered only partly"),
    "no_click": _("Results but no click"),
    "trend": _("Trend per week"),
}
# Spreadsheets run a cell starting with these as a formula: a logged query must stay text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DEFAULT_DAYS = 30
# The synonym form opens with the query on its first line and the cursor's place for an equivalent below.
NEW_LINE = "\n"


def ensure_search_editors_group(app_config=None, **kwargs):
    """The "Search editors" group with its permissions, once the last app with one of them migrated."""
    if app_config is not None and app_config.label != "wagtailadmin":
        return
    group, _ = Group.objects.get_or_create(name=SEARCH_EDITORS)
    for app_label, codename in SEARCH_EDITOR_PERMISSIONS:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission:
            group.permissions.add(permission)


def can_view_reports(user):
    return user.has_perm("search.view_search_reports") or user.groups.filter(
        name__startswith=ORGANISATION_GROUP_PREFIX
    ).exists()


def can_view_log(user):
    return user.has_perm("search.view_searchlogentry")


class ConsoleMenuItem(MenuItem):
    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed = allowed

    def is_shown(self, request):
        return self.allowed(request.user)


class RangeForm(forms.Form):
    date_from = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    lang = forms.ChoiceField(label=_("Language"), required=False, choices=[("", _("All languages")), *LANGUAGE_CHOICES])

    def range(self):
        today = timezone.localdate()
        data = self.cleaned_data if self.is_valid() else {}
        date_to = data.get("date_to") or today
        return data.get("date_from") or date_to - timedelta(days=DEFAULT_DAYS - 1), date_to, data.get("lang") or None


def search_page_url(language):
    with translation.override(language):
        return reverse("search")


def add_url(model):
    return reverse(model.snippet_viewset.get_url_name("add"))


def fix_urls(rows):
    """Each row's links: its results as readers of its language see them (not logged as a search), and
    the one-click fixes, prefilled forms for a synonym, a glossary concept and a promoted result."""
    pages = {code: search_page_url(code) for code, _ in LANGUAGE_CHOICES}
    synonym, glossary, promote = add_url(SynonymRule), add_url(GlossaryConcept), add_url(PromotedResult)
    for row in rows:
        yield row, {
            "results": f"{pages[row.language]}?{urlencode({'q': row.query, log.NOT_LOGGED_PARAM: 1})}",
            "synonym": f"{synonym}?{urlencode({'language': row.language, 'terms': row.query + NEW_LINE})}",
            "glossary": f"{glossary}?{urlencode({f'terms_{row.language}': row.query})}",
            "promote": f"{promote}?{urlencode({'language': row.language, 'query': row.query})}",
        }


def csv_cell(value):
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_response(name, header, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return response


def reports_view(request):
    if not can_view_reports(request.user):
        raise PermissionDenied
    report = request.GET.get("report") if request.GET.get("report") in REPORT_TITLES else "top"
    form = RangeForm(request.GET or None)
    date_from, date_to, language = form.range()
    header = [_("Language"), _("Query"), _("Searches"), _("Without results"), _("Answered only partly"), _("With results"), _("With a click")]
    if report == "trend":
        weeks = reports.weekly(date_from, date_to, language)
        table = [(week.start, week.searches, week.zero_results, week.weakly_answered, week.with_results, week.clicked) for week in weeks]
        if request.GET.get("format") == "csv":
            return csv_response(f"search-{report}-{date_from}-{date_to}", [_("Week from"), *header[2:]], table)
        rows = []
    else:
        rows = reports.query_rows(report, date_from, date_to, language)
        if request.GET.get("format") == "csv":
            table = [(r.language, r.query, r.searches, r.zero_results, r.weakly_answered, r.with_results, r.clicked) for r in rows]
            return csv_response(f"search-{report}-{date_from}-{date_to}", header, table)
        weeks = []
    params = request.GET.copy()
    params.pop("report", None)
    params.pop("format", None)
    return render(
        request,
        "search/console/reports.html",
        {
            "page_title": _("Search reports"),
            "header_icon": "search",
            "form": form,
            "report": report,
            "tabs": [(key, title, f"?{urlencode({**params.dict(), 'report': key})}") for key, title in REPORT_TITLES.items()],
            "csv_url": f"?{urlencode({**params.dict(), 'report': report, 'format': 'csv'})}",
            "rows": list(fix_urls(rows)),
            "weeks": weeks,
            "can_fix": can_view_log(request.user),
            "date_from": date_from,
            "date_to": date_to,
        },
    )


def log_view(request):
    if not can_view_log(request.user):
        raise PermissionDenied
    form = RangeForm(request.GET or None)
    date_from, date_to, language = form.range()
    entries = SearchLogEntry.objects.filter(
        created_at__gte=start_of(date_from), created_at__lt=start_of(date_to + timedelta(days=1))
    )
    entries = entries.filter(language=language) if language else entries
    page = Paginator(entries.order_by("-created_at"), 100).get_page(request.GET.get("p"))
    return render(
        request,
        "search/console/log.html",
        {"page_title": _("Search log"), "header_icon": "list-ul", "form": form, "entries": page},
    )


def draft_parent(user, language):
    """Where `user` may start a manual in `language`: the manual library, else their organisation."""
    candidates = [
        *ManualIndexPage.objects.filter(locale__language_code=language),
        *OrganisationPage.objects.filter(locale__language_code=language).order_by("title"),
    ]
    return next((page for page in candidates if page.permissions_for_user(user).can_add_subpage()), None)


@require_POST
def draft_view(request):
    """A draft manual titled by the query, in the reader's language, opened in the editor."""
    if not can_view_reports(request.user):
        raise PermissionDenied
    query = " ".join(request.POST.get("query", "").split())[:200]
    language = request.POST.get("language", "")
    parent = draft_parent(request.user, language) if query else None
    if parent is None:
        messages.error(request, _("You may not add a page in this language."))
        return redirect("search_console_reports")
    slug = f"{slugify(query)[:40] or 'stranka'}-{uuid.uuid4().hex[:6]}"
    page = parent.add_child(instance=ManualPage(title=capfirst(query), slug=slug, live=False, owner=request.user))
    page.save_revision(user=request.user)
    return redirect("wagtailadmin_pages:edit", page.pk)


class PrefilledCreateView(CreateView):
    """A snippet's add form filled from the address (?query=…&language=…): the console's one-click fixes."""

    def get_initial(self):
        initial = super().get_initial()
        fields = self.get_form_class().base_fields
        initial.update({name: value for name, value in self.request.GET.items() if name in fields})
        return initial
