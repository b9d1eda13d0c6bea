"""The arrows between apps point down: hub/core imports no content app, nothing imports the demo,
and no runtime package imports a test-only dependency such as factory-boy.

Read from the source with `ast`, so every real import counts, including one hidden inside a
function, while a string such as "organisations.OrganisationIndexPage" in `subpage_types` does not.
"""

import ast
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[3]
HUB_DIR = PROJECT_DIR / "hub"

# The content apps and what sits on them. taxonomy is the shared vocabulary that core's HubPage
# already classifies pages with, so core may use it.
ABOVE_CORE = ("organisations", "manuals", "practices", "goals", "events", "ingest", "demo")


def module_name(path):
    return ".".join(path.relative_to(PROJECT_DIR).with_suffix("").parts)


def imported_modules(source, package):
    """Every module `source` imports, at any depth; relative imports are resolved in `package`."""
    package_parts = package.split(".")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package_parts[: len(package_parts) - node.level + 1])
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module
            yield target
            # `from hub import organisations` imports a package by its name.
            yield from (f"{target}.{alias.name}" for alias in node.names)


def imports_of(package_dir):
    """(module, imported module) for every Python file under `package_dir`."""
    for path in sorted(package_dir.rglob("*.py")):
        module = module_name(path)
        package = module_name(path.parent)
        for imported in imported_modules(path.read_text(encoding="utf-8"), package):
            yield module, imported


def is_inside(imported, app):
    return imported == f"hub.{app}" or imported.startswith(f"hub.{app}.")


def upward_imports(package_dir, apps):
    return sorted(
        f"{module} imports {imported}"
        for module, imported in imports_of(package_dir)
        if any(is_inside(imported, app) for app in apps)
    )


def test_core_imports_no_content_app():
    assert upward_imports(HUB_DIR / "core", ABOVE_CORE) == []


@pytest.mark.parametrize(
    "app",
    [path.name for path in sorted(HUB_DIR.iterdir()) if (path / "apps.py").exists() and path.name != "demo"],
)
def test_no_app_below_the_demo_imports_it(app):
    assert upward_imports(HUB_DIR / app, ["demo"]) == []


# Installed only with the `test` extra (pyproject.toml), never in the production image.
TEST_DEPENDENCIES = ("factory", "pytest", "playwright", "axe_playwright_python")


def test_runtime_packages_import_no_test_dependency():
    runtime_dirs = [HUB_DIR, HUB_DIR.parent / "search"]
    found = sorted(
        f"{module} imports {imported}"
        for runtime_dir in runtime_dirs
        for module, imported in imports_of(runtime_dir)
        if imported.split(".")[0] in TEST_DEPENDENCIES
    )
    assert found == []


def test_the_check_finds_imports_hidden_in_functions_and_relative_imports():
    source = (
        "from hub.taxonomy.models import Region\n"
        "def setup():\n"
        "    from hub.organisations.models import OrganisationPage\n"
        "    import hub.events.models\n"
        "from ..manuals import models\n"
        "from hub import goals\n"
        "label = 'practices.GoodPracticePage'\n"
    )
    found = list(imported_modules(source, "hub.core"))
    upward = [name for name in found if any(is_inside(name, app) for app in ABOVE_CORE)]
    assert "hub.organisations.models" in upward
    assert "hub.events.models" in upward
    assert "hub.manuals" in upward
    assert "hub.goals" in upward
    assert not any("taxonomy" in name or "practices" in name for name in upward)
