"""Paths of the deployment files the platform tests read."""

from pathlib import Path

REPO_DIR = Path(__file__).resolve().parents[2]
COMPOSE_FILE = REPO_DIR / "docker-compose.yml"
DOCKERFILE = REPO_DIR / "Dockerfile"
ENTRYPOINT = REPO_DIR / "docker" / "entrypoint.sh"
CI_SCRIPT = REPO_DIR / ".ci" / "run"
