"""The WSGI entry point (gunicorn in production): the application, and the host's backup search feeder."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.production")

application = get_wsgi_application()

# After the application is loaded, so in each gunicorn worker after its fork (see the feeder's docstring).
from search.changes.backup_feeder import start_backup_feeder  # noqa: E402

start_backup_feeder()
