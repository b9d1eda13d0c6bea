"""Writing alert mails: plain text with an HTML alternative, every link absolute.

The caller holds `translation.override(<the reader's language>)`, so the texts, the feed labels and the
/<lang>/ prefix of every link are the reader's. Links point at WAGTAILADMIN_BASE_URL, the public address.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse


def absolute(url):
    return urljoin(settings.WAGTAILADMIN_BASE_URL, url)


def link(name, token):
    return absolute(reverse(name, args=[token]))


def send(to, subject, template, context, headers=None):
    """Mail templates/search/alerts/<template>.txt with <template>.html as its alternative."""
    message = EmailMultiAlternatives(
        subject,
        render_to_string(f"search/alerts/{template}.txt", context),
        to=[to],
        headers=headers,
    )
    message.attach_alternative(render_to_string(f"search/alerts/{template}.html", context), "text/html")
    message.send()
