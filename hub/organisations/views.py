"""The helplines page: every helpline with its languages, hours and operator, filterable by language.

A view under every language prefix (/cs/infolinky/, /uk/infolinky/…), linked from the footer of
every page, so the path never changes when editors rearrange the page tree.
"""

from django.shortcuts import render
from django.utils.translation import gettext
from wagtail.models import Locale

from hub.core.language_fallback import IN_DEFAULT_LANGUAGE, in_language_or_default
from hub.core.languages import SPOKEN_LANGUAGES
from hub.organisations.models import Helpline

# Query parameter of the language filter: ?jazyk=uk lists the lines that speak Ukrainian.
LANGUAGE_PARAMETER = "jazyk"


def helplines(request):
    locale = Locale.get_active()
    lines = list(
        in_language_or_default(Helpline.objects.all(), locale).order_by(
            IN_DEFAULT_LANGUAGE, "-show_in_footer", "footer_order", "name"
        )
    )
    spoken = {code for line in lines for code in line.languages}
    language_choices = [(code, name) for code, name in SPOKEN_LANGUAGES.items() if code in spoken]
    selected = request.GET.get(LANGUAGE_PARAMETER, "")
    if selected not in spoken:
        selected = ""
    shown = [line for line in lines if not selected or selected in line.languages]
    context = {
        "helplines": shown,
        "total": len(lines),
        "language_choices": language_choices,
        "selected_language": selected,
        "selected_language_name": SPOKEN_LANGUAGES.get(selected, ""),
        "language_parameter": LANGUAGE_PARAMETER,
        "crumbs": [{"label": gettext("Helplines"), "url": ""}],
    }
    return render(request, "organisations/helplines.html", context)
