"""The "not available in your language" page: where a link to an untranslated page leads a reader.

Instead of a note in the header that pushes the content down, the language switcher and the
fallback listings link here. The reader gets the Czech original, their language's home page, and
a button that asks the editors for a translation (counted in TranslationRequest).
"""

from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale, Page

from hub.core.models import TranslationRequest
from hub.core.templatetags.i18n_tags import language_home_url

# Query parameter the page gets after a request was recorded, so it can say thank you.
REQUESTED_PARAMETER = "pozadano"


@require_http_methods(["GET", "HEAD", "POST"])
def untranslated_page(request, page_id):
    locale = Locale.get_active()
    page = get_object_or_404(Page.objects.live().public().specific(), pk=page_id)
    translation = page.get_translation_or_none(locale)
    if translation is not None and translation.live:
        return HttpResponseRedirect(translation.get_url(request))
    original = page.get_translation_or_none(Locale.get_default()) or page
    if request.method == "POST":
        TranslationRequest.record(original, locale)
        return HttpResponseRedirect(f"{request.path}?{REQUESTED_PARAMETER}=1#translation-request")
    context = {
        "original": original,
        "original_language": original.locale.language_code,
        "home_url": language_home_url(get_language(), request),
        "requested": request.GET.get(REQUESTED_PARAMETER) == "1",
    }
    return render(request, "core/untranslated_page.html", context)
