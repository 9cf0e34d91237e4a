"""What every page must show in a real browser: no console error, nothing loaded from anywhere
but this server, and the language asked for."""

from pathlib import Path

from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def visit(browser, server, path: str, lang: str) -> None:
    """Open `path` of the server in `lang` and check the page."""
    browser.get_log("browser")  # empty the console of earlier pages
    browser.get(f"{server.url}{path}{'&' if '?' in path else '?'}lang={lang}")
    check_page(browser, server, lang)


def follow(browser, element, key: str | None = None, timeout: float = 60) -> None:
    """Click `element` (or press `key` on it), which loads a new page, and return once that page
    has loaded. A click may return before the navigation starts; looking for the new page's parts
    right away would then search the old page, which fails when the server is slow to answer."""
    old = browser.find_element(By.TAG_NAME, "html")
    if key is None:
        element.click()
    else:
        element.send_keys(key)
    wait = WebDriverWait(browser, timeout)
    wait.until(lambda _d: _gone(old))
    wait.until(lambda d: d.execute_script("return document.readyState") == "complete")


def _gone(element) -> bool:
    """Whether `element`'s page has been replaced. ChromeDriver says so as a stale element, or,
    when it asks just as the new document comes, as an "unknown error" that the node "does not
    belong to the document" (selenium's staleness_of let that one through: a failed test)."""
    try:
        element.is_enabled()
    except StaleElementReferenceException:
        return True
    except WebDriverException as exc:
        if "does not belong to the document" in str(exc):
            return True
        raise
    return False


def check_page(browser, server, lang: str) -> None:
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == [], errors
    loaded = browser.execute_script(
        "return performance.getEntriesByType('navigation').concat("
        "performance.getEntriesByType('resource')).map(e => e.name);")
    outside = [url for url in loaded if not url.startswith(server.url)]
    assert loaded and outside == [], outside
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang


AXE = Path(__file__).resolve().parents[1] / "web" / "node_modules" / "axe-core" / "axe.min.js"
# What a page must not have: axe-core's two highest impacts (it also reports moderate and minor).
AXE_BLOCKING = ("serious", "critical")


def axe_problems(browser) -> list[str]:
    """axe-core's serious and critical findings on the page open in `browser`, one line each
    (rule, impact, the elements' selectors and what to fix). axe-core comes from npm through
    `make assets`; it is put into the page by the test, never served to users."""
    if not AXE.is_file():
        raise AssertionError(f"{AXE} is missing: run `make assets` (it runs `npm ci` in web/), "
                             "which `make test` does first.")
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    browser.set_script_timeout(60)
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']})"
        ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        "  nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)}))))"
        ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));")
    return [f"{v['id']} ({v['impact']}): {v['help']} — " + " | ".join(v["nodes"][:5])
            for v in result if v["impact"] in AXE_BLOCKING]


def other_language_texts(lang: str, keys) -> list[str]:
    """The other language's texts for `keys` of kg.i18n.UI that differ from this language's:
    a page in `lang` must show none of them."""
    from kg.i18n import UI
    other = "en" if lang == "de" else "de"
    own = {UI[key][lang] for key in UI}
    return [UI[key][other] for key in keys if UI[key][other] not in own]
