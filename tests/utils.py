"""Small helpers shared by the test packages."""

import os

import pytest


def running_in_ci():
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require_service(available, what):
    """Skip on a laptop without the service, but fail in CI: CI must prove the real thing."""
    if available:
        return
    message = f"{what} is not available"
    if running_in_ci():
        pytest.fail(f"{message}, and CI must run these tests (see .ci/run).", pytrace=False)
    pytest.skip(f"{message}; start it to run these tests (see README, 'Tests').")
