"""Logging in to the Wagtail admin through its real login form, as every admin walk starts."""


def log_in(page, base_url, username, password):
    page.goto(f"{base_url}/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{base_url}/admin/")
