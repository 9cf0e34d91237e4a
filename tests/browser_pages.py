"""What every page must show in a real browser: no console error, nothing loaded from anywhere
but this server, and the language asked for."""

from selenium.webdriver.common.by import By


def visit(browser, server, path: str, lang: str) -> None:
    """Open `path` of the server in `lang` and check the page."""
    browser.get_log("browser")  # empty the console of earlier pages
    browser.get(f"{server.url}{path}{'&' if '?' in path else '?'}lang={lang}")
    check_page(browser, server, lang)


def check_page(browser, server, lang: str) -> None:
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == [], errors
    loaded = browser.execute_script(
        "return performance.getEntriesByType('navigation').concat("
        "performance.getEntriesByType('resource')).map(e => e.name);")
    outside = [url for url in loaded if not url.startswith(server.url)]
    assert loaded and outside == [], outside
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
