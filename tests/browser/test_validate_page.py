"""The validation page in a real browser: paste data, read the report in German or English."""

from pathlib import Path

from selenium.webdriver.common.by import By

from browser_pages import follow

from kg.i18n import ui

EXAMPLE = (Path(__file__).parents[1] / "validation" / "examples" / "musterstadt.ttl").read_text()


def submit(browser, server, lang: str, text: str, fmt: str = "turtle"):
    browser.get(f"{server.url}validate?lang={lang}")
    box = browser.find_element(By.ID, "text")
    browser.execute_script("arguments[0].value = arguments[1];", box, text)
    browser.find_element(By.CSS_SELECTOR, f"select[name=format] option[value={fmt}]").click()
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form button[type=submit]"))


def test_pasted_data_get_a_report_per_record_in_german(browser, server, tmp_path):
    submit(browser, server, "de", EXAMPLE)
    report = browser.find_element(By.ID, "report")
    assert report.find_element(By.CSS_SELECTOR, "[data-conforms]").get_attribute("data-conforms") == "false"
    record = report.find_element(By.CSS_SELECTOR, "article.record")
    assert record.find_element(By.TAG_NAME, "h3").text.startswith("Musterstadt")
    rows = [[c.text for c in tr.find_elements(By.TAG_NAME, "td")]
            for tr in record.find_elements(By.CSS_SELECTOR, "tbody tr")]
    ags = [r for r in rows if r[1].startswith("Amtlicher Gemeindeschlüssel")]
    assert len(ags) == 1
    assert ags[0][0] == ui("severity_Violation", "de") and ags[0][2] == "1234"
    assert "Korrigieren Sie" in ags[0][3]
    browser.save_screenshot(str(tmp_path / "validate.png"))


def test_a_syntax_error_names_line_and_column_in_english(browser, server):
    submit(browser, server, "en", "@prefix ex: <https://example.org/> .\nex:a ex:b .\n")
    alert = browser.find_element(By.CSS_SELECTOR, "[role=alert]")
    assert "line 2" in alert.text
