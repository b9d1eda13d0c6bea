"""The page a locked-out login gets (django-axes' AXES_LOCKOUT_CALLABLE): clear, translated, HTTP 429."""

from django.conf import settings
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    return render(
        request, "core/login_locked_out.html", {"lockout_minutes": minutes}, status=429
    )
