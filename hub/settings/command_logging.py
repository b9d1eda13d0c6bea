"""Management commands keep their output to themselves unless asked for more (-v 2).

Wagtail logs every page save and publish ("Page created: …") and django-tasks every task it runs
("Task id=… state=RUNNING") at INFO, on the loggers below. In a server's log that is a useful
trail; in a command's output it buries the command's own progress (a 10,000-page benchmark
printed 30,000 such lines). manage.py, the entry point of every command, sets
CHATTY_LOG_LEVEL_VARIABLE from the command's verbosity, and hub/settings/base.py gives these
loggers that level; the web server (hub.wsgi) never sets it, so its log is unchanged.

No Django imports here: manage.py reads this before Django is set up.
"""

import re

CHATTY_LOGGERS = ("wagtail", "django_tasks")
CHATTY_LOG_LEVEL_VARIABLE = "ROZCESTNIK_CHATTY_LOG_LEVEL"
# Django's default verbosity; 2 ("verbose output") and more let the library lines through.
DEFAULT_VERBOSITY = 1
_VERBOSITY_OPTION = re.compile(r"^(?:-v|--verbosity)(?:=?(?P<value>\d))?$")


def command_verbosity(arguments):
    """The -v / --verbosity a command line asks for (Django's forms: -v 2, -v2, --verbosity=2)."""
    verbosity = DEFAULT_VERBOSITY
    for position, argument in enumerate(arguments):
        match = _VERBOSITY_OPTION.match(argument)
        if not match:
            continue
        value = match.group("value")
        if value is None and position + 1 < len(arguments):
            value = arguments[position + 1]
        if value is not None and value.isdigit():
            verbosity = int(value)
    return verbosity


def chatty_log_level(arguments):
    return "INFO" if command_verbosity(arguments) >= 2 else "WARNING"
