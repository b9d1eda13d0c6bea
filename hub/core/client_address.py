"""The address a request really came from, for the login throttle (django-axes).

Behind reverse proxies REMOTE_ADDR is the nearest proxy's, so every reader would share one address.
With DJANGO_TRUSTED_PROXIES=N the address is taken from X-Forwarded-For, N entries from the right:
each trusted proxy appends the address it received the request from, and whatever a client put in the
header itself stays further left, where it is ignored. Without trusted proxies the header is ignored.
"""

from django.conf import settings


def client_address(request):
    proxies = settings.TRUSTED_PROXIES
    forwarded = [
        part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
