#!/usr/bin/env python
"""Django's command-line utility, for development and for every management command in production."""

import os
import sys

from hub.settings.command_logging import CHATTY_LOG_LEVEL_VARIABLE, chatty_log_level

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.dev")
    # Wagtail's per-page and per-task log lines only at -v 2 and more (hub/settings/command_logging.py).
    os.environ.setdefault(CHATTY_LOG_LEVEL_VARIABLE, chatty_log_level(sys.argv[2:]))
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
