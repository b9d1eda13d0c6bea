"""Content-Security-Policy and Permissions-Policy on every response.

Two policies, because two kinds of page are served. The public site ships no script of its own and no
inline code, so its policy is strict: only our own files, plus the video providers an editor may embed.
The Wagtail admin's needs were measured by walking its main screens in Chromium with the policy in
report-only mode and collecting the violations (tests/browser/test_security_headers.py walks them again
under the enforced policy). Wagtail 8's page editor still runs inline scripts (inline panels, date and
time widgets: their code differs per field, so hashes cannot list them) and sets inline `style`
attributes, so the admin's policy allows `'unsafe-inline'` for both; everything else stays as strict as
the public one: no script, style, font or frame from any other origin, no plugins, no foreign form
targets, no framing by other sites. That is enforced, not report-only: the inline allowance is the
admin's only gap, and it needs a signed-in editor's page to matter. Avatars come from our own server
(WAGTAIL_GRAVATAR_PROVIDER_URL = None: no editor's e-mail hash goes to Gravatar); the dashboard's
"new Wagtail version" check may ask releases.wagtail.org.

DJANGO_CSP_REPORT_ONLY=1 sends both policies as report-only (to try a change on a live site first);
DJANGO_CSP_REPORT_URI adds a `report-uri` for the browser's reports.
"""

from functools import cache

from django.conf import settings

# Video embeds (wagtail.embeds, the "video" block): the providers readers' browsers may frame.
EMBED_FRAME_SOURCES = (
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
)

PUBLIC_POLICY = {
    "default-src": ("'self'",),
    "script-src": ("'self'",),
    "style-src": ("'self'",),
    "img-src": ("'self'", "data:"),
    "font-src": ("'self'",),
    "connect-src": ("'self'",),
    "frame-src": ("'self'", *EMBED_FRAME_SOURCES),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
    # The admin's live preview frames our pages; nobody else may (clickjacking).
    "frame-ancestors": ("'self'",),
}

ADMIN_POLICY = {
    **PUBLIC_POLICY,
    # Inline scripts and style attributes of Wagtail's editor (measured; see the module docstring).
    "script-src": ("'self'", "'unsafe-inline'"),
    "style-src": ("'self'", "'unsafe-inline'"),
    # Image previews before upload are drawn from blobs.
    "img-src": ("'self'", "data:", "blob:"),
    # The dashboard's "new Wagtail version" check.
    "connect-src": ("'self'", "https://releases.wagtail.org"),
}

# Features no page of ours uses: a script injected into a page cannot use them either.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


@cache
def header_value(is_admin, report_uri):
    policy = ADMIN_POLICY if is_admin else PUBLIC_POLICY
    directives = [f"{name} {' '.join(sources)}" for name, sources in policy.items()]
    if report_uri:
        directives.append(f"report-uri {report_uri}")
    return "; ".join(directives)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        # A policy governs documents: HTML pages. On a PDF shown inline it would only get in the way of
        # the browser's viewer; JSON and files have nothing to protect.
        if not response.get("Content-Type", "").startswith("text/html"):
            return response
        name = (
            "Content-Security-Policy-Report-Only"
            if settings.CSP_REPORT_ONLY
            else "Content-Security-Policy"
        )
        is_admin = request.path.startswith(ADMIN_PREFIXES)
        response.headers.setdefault(name, header_value(is_admin, settings.CSP_REPORT_URI))
        return response
