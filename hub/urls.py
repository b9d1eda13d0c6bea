from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from hub.core import urls as core_urls
from hub.events import urls as event_urls
from hub.organisations import urls as organisation_urls
from hub.regions import urls as region_urls
from search.web import urls as search_urls

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/search/", include("search.web.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under a language prefix: /cs/…, /uk/…, /en/….
urlpatterns += i18n_patterns(
    # Interface pages before Wagtail's catch-all: the same path in every language.
    path("", include(search_urls.page_urlpatterns)),
    path("", include(core_urls)),
    path("", include(organisation_urls)),
    path("", include(region_urls)),
    path("", include(event_urls)),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
