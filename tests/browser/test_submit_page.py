"""The page /submit in a real browser, on a real `kg serve` with a tokens file: a steward types a
token, picks the Leipzig CSV files (tests/fixtures/submissions/leipzig) and sees the package
accepted (201), the report and the submission's history; a wrong token gets the 401's message.
Both languages, no console error, nothing from elsewhere, no serious accessibility problem."""

from __future__ import annotations


import pytest
from selenium.webdriver.common.by import By

from browser_pages import axe_problems, check_page, follow, visit
from remote_backend import release
from support import stop_server
from test_submissions import FIXTURES, leipzig_site

from kg.i18n import ui

LEIPZIG_FILES = sorted((FIXTURES / "leipzig").iterdir())


@pytest.fixture(scope="module")
def site(loaded_store_path, tmp_path_factory):
    server = leipzig_site(loaded_store_path, tmp_path_factory.mktemp("submit-page"))
    yield server
    stop_server(server)
    release(server.store)  # the remote backend's copy: its Oxigraph server is idle from here on


def send(browser, token: str, files=(), action: str = "submit") -> None:
    box = browser.find_element(By.ID, "token")
    box.send_keys(token)
    if files:
        browser.find_element(By.ID, "file").send_keys("\n".join(str(p) for p in files))
    follow(browser, browser.find_element(By.CSS_SELECTOR, f"button[name=action][value={action}]"),
           timeout=120)


def status_of_page(browser) -> int:
    return browser.execute_script(
        "return performance.getEntriesByType('navigation')[0].responseStatus;")


def test_a_steward_submits_the_leipzig_files_and_sees_the_outcome_and_history(browser, site):
    visit(browser, site, "submit", "de")
    assert browser.find_element(By.TAG_NAME, "h1").text == ui("submit_title", "de")
    current = browser.find_element(By.CSS_SELECTOR, "header nav a[aria-current=page]")
    assert current.text == ui("nav_submit", "de")
    send(browser, site.token, LEIPZIG_FILES)
    check_page(browser, site, "de")
    assert status_of_page(browser) == 201
    outcome = browser.find_element(By.ID, "outcome")
    assert outcome.get_attribute("data-accepted") == "true"
    sid = outcome.get_attribute("data-id")
    assert outcome.text == ui("submit_accepted", "de").format(id=sid, version=1)
    history = browser.find_element(By.ID, "history")
    assert history.find_element(By.TAG_NAME, "h2").text == ui("submit_history", "de")
    article = history.find_element(By.ID, f"submission-{sid}")
    assert ui("submit_status_accepted", "de") in article.find_element(By.TAG_NAME, "h3").text
    row = [c.text for c in article.find_elements(By.CSS_SELECTOR, "tbody tr td")]
    assert row[0] == "1" and row[1] == ui("submit_state_published", "de") and row[3] == "leipzig"
    assert all(p.name in row[4] for p in LEIPZIG_FILES)
    graph = article.find_element(By.CSS_SELECTOR, "a[href*='graph/submission/']")
    assert graph.get_attribute("href").endswith(f"graph/submission/{sid}")
    problems = axe_problems(browser)
    assert problems == [], "\n".join(problems)

    # The same token lists its submissions in English, with the one just made.
    visit(browser, site, "submit", "en")
    send(browser, site.token, action="list")
    check_page(browser, site, "en")
    history = browser.find_element(By.ID, "history")
    assert history.find_element(By.TAG_NAME, "h2").text == ui("submit_history", "en")
    assert history.find_element(By.ID, f"submission-{sid}")
    problems = axe_problems(browser)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_wrong_token_is_told_so_and_nothing_is_submitted(browser, site, lang):
    visit(browser, site, "submit", lang)
    send(browser, "not-a-token-" + lang, LEIPZIG_FILES)
    assert status_of_page(browser) == 401
    # The one console error allowed: the browser notes the page's own 401.
    errors = [e for e in browser.get_log("browser")
              if e["level"] == "SEVERE" and "401" not in e["message"]]
    assert errors == []
    alert = browser.find_element(By.CSS_SELECTOR, "[role=alert]")
    assert alert.text.startswith(ui("submit_error", lang))
    words = {"de": "Dieses Token ist nicht gültig", "en": "This token is not valid"}[lang]
    assert words in alert.text.split(":", 1)[1]
    assert not browser.find_elements(By.ID, "outcome")
    assert not browser.find_elements(By.ID, "history")
    problems = axe_problems(browser)
    assert problems == [], "\n".join(problems)
