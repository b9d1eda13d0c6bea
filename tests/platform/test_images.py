"""The app image runs gunicorn as a non-root user and prepares itself on start."""

import os
import re
import subprocess

from tests.platform.deployment_files import DOCKERFILE, ENTRYPOINT, REPO_DIR


def dockerfile_instructions():
    """(INSTRUCTION, arguments) pairs of the app's Dockerfile, with continuation lines joined."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    lines = [line.strip() for line in text.splitlines()]
    return [tuple(line.split(None, 1)) for line in lines if line and not line.startswith("#")]


def arguments_of(instruction):
    return [args for name, args in dockerfile_instructions() if name == instruction]


def test_app_image_is_python_311_slim():
    assert arguments_of("FROM") == ["python:3.11-slim"]


def test_app_runs_as_a_non_root_user():
    users = arguments_of("USER")
    assert users, "the image must switch away from root"
    assert users[-1] not in {"root", "0"}


def test_app_serves_the_wsgi_application_with_gunicorn():
    (command,) = arguments_of("CMD")
    assert '"gunicorn", "hub.wsgi:application"' in command
    assert "0.0.0.0:8000" in command


def test_image_collects_static_files_and_compiles_catalogues_at_build_time():
    build_steps = " ".join(arguments_of("RUN"))
    assert "collectstatic --noinput" in build_steps
    assert "compile_catalogues" in build_steps


def test_image_has_a_health_check_that_exists_in_the_repository():
    (healthcheck,) = arguments_of("HEALTHCHECK")
    assert "/app/docker/healthcheck.py" in healthcheck
    assert (REPO_DIR / "docker" / "healthcheck.py").is_file()


def test_entrypoint_migrates_compiles_catalogues_then_runs_the_command():
    assert arguments_of("ENTRYPOINT") == ['["/app/docker/entrypoint.sh"]']
    assert os.access(ENTRYPOINT, os.X_OK)
    script = ENTRYPOINT.read_text()
    assert (
        script.index("migrate --noinput")
        < script.index("compile_catalogues")
        < script.index('exec "$@"')
    )


def test_entrypoint_is_valid_posix_shell():
    subprocess.run(["sh", "-n", str(ENTRYPOINT)], check=True)


def test_build_context_leaves_out_local_environments_and_data():
    ignored = (REPO_DIR / ".dockerignore").read_text().splitlines()
    for entry in (".git", ".venv", "var", ".env"):
        assert entry in ignored
