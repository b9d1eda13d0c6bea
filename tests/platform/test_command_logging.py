"""Management commands print their own output, not Wagtail's line per page and per task, unless -v 2."""

import subprocess
import sys

import pytest

from hub.settings.command_logging import command_verbosity
from tests.platform.deployment_files import REPO_DIR
from tests.platform.test_settings import child_environment

# What Wagtail and django-tasks log at INFO for each page saved and each task run.
LOG_PROBE = (
    "import logging; "
    "logging.getLogger('wagtail').info('Page created: probe'); "
    "logging.getLogger('django_tasks').info('Task id=probe state=RUNNING'); "
    "logging.getLogger('hub.probe').info('our own line')"
)


def run_command(tmp_path, *options):
    env = child_environment("hub.settings.test", tmp_path)
    env.pop("ROZCESTNIK_CHATTY_LOG_LEVEL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", LOG_PROBE, *options],
        cwd=REPO_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def test_a_command_at_default_verbosity_prints_no_page_or_task_lines(tmp_path):
    output = run_command(tmp_path)
    assert "Page created" not in output
    assert "Task id=" not in output
    assert "our own line" in output  # only the chatty libraries are quietened


def test_verbose_command_shows_them(tmp_path):
    output = run_command(tmp_path, "-v", "2")
    assert "Page created: probe" in output
    assert "Task id=probe state=RUNNING" in output


@pytest.mark.parametrize(
    ("arguments", "verbosity"),
    [
        ([], 1),
        (["--noinput"], 1),
        (["-v", "2"], 2),
        (["-v2"], 2),
        (["--verbosity", "3"], 3),
        (["--verbosity=0"], 0),
        (["-v"], 1),
    ],
)
def test_verbosity_is_read_as_django_reads_it(arguments, verbosity):
    assert command_verbosity(arguments) == verbosity
