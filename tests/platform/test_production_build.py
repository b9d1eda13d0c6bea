"""What the Dockerfile does at build time works on this code: static files and the WSGI entry point."""

import json
import subprocess
import sys

from tests.platform.deployment_files import REPO_DIR
from tests.platform.test_settings import child_environment


def test_static_files_collect_with_production_storage(tmp_path):
    """Production's manifest storage fails the build on a stylesheet that points at a missing file."""
    static_root = tmp_path / "static"
    env = child_environment(
        "hub.settings.production",
        tmp_path,
        DJANGO_SECRET_KEY="build-only",
        DJANGO_STATIC_ROOT=str(static_root),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=REPO_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    manifest = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    assert (static_root / manifest["css/site.css"]).is_file()
    assert (static_root / f"{manifest['css/site.css']}.gz").is_file()


def test_gunicorn_target_loads_with_production_settings(tmp_path):
    env = child_environment("hub.settings.production", tmp_path, DJANGO_SECRET_KEY="x" * 50)
    env.pop("DJANGO_SETTINGS_MODULE")  # hub.wsgi must choose production by itself
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from hub.wsgi import application; print(application.__class__.__name__)",
        ],
        cwd=REPO_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "WSGIHandler"
