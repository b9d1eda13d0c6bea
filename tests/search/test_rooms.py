"""search/ is built in rooms, each importing only the rooms below it (docs/how-search-works.md).

So a query's path reads top-down: web → query pipeline → engine → back to the pipeline's ranking and
excerpts → web, and an engine never calls the pipeline. The app's models are shared by every room; the
app's entry points (apps.py, wagtail_hooks.py, management commands, the quality harness) may use any room.
"""

import ast
from pathlib import Path

import search

SEARCH_DIR = Path(search.__file__).parent
ROOMS_BELOW = {
    "vocabulary": set(),
    "vectors": set(),
    "documents": {"vocabulary"},
    "query": {"documents", "vocabulary", "vectors"},
    # An engine knows the query only by its types and its matching plan, never its pipeline or ranking.
    "engines": {"documents", "vocabulary", "vectors", "query.types", "query.matching"},
    "changes": {"documents", "vocabulary", "vectors", "engines"},
    # The editors' console: the query log, promotions and relevance checks the web room calls; its list
    # of the worker's jobs (console/jobs.py) runs the e-mail alerts' jobs too.
    "console": {"documents", "vocabulary", "query", "engines", "alerts.jobs"},
    "web": {"documents", "vocabulary", "query", "engines", "console"},
    # E-mail alerts follow the searches the web room answers (its feeds' filter sets), and wait for what
    # the change log has not brought into the index yet.
    "alerts": {"documents", "vocabulary", "query", "engines", "console", "web", "changes.outbox"},
}


def imported_search_modules(path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("search."):
            yield node.module, node.lineno


def allowed(room, module):
    target = module.split(".")[1:]
    if target[0] in (room, "models"):
        return True
    return any(target[: len(rule.split("."))] == rule.split(".") for rule in ROOMS_BELOW[room])


def test_each_room_imports_only_the_rooms_below_it():
    steps_back = [
        f"{path.relative_to(SEARCH_DIR.parent)}:{line} imports {module}"
        for room in ROOMS_BELOW
        for path in sorted((SEARCH_DIR / room).rglob("*.py"))
        for module, line in imported_search_modules(path)
        if not allowed(room, module)
    ]
    assert steps_back == []


def test_every_room_is_declared():
    packages = {path.parent.name for path in SEARCH_DIR.glob("*/__init__.py")}
    app_folders = {"management", "migrations", "models", "quality"}
    assert packages - app_folders == set(ROOMS_BELOW)
