"""axe-core's audit of the page as the browser shows it now (WCAG 2.1 AA rules and best practices)."""


def serious_accessibility_violations(page):
    """axe-core's violations of impact serious or critical, one line each, for an assertion message."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])}× e.g. {violation['nodes'][0]['html']})"
        for violation in results.response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]
