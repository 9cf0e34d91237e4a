"""The development type on Dresden's page in a real browser, from a real `kg serve` with the shipped
data: the section shows the type cq18 gives, labelled as this project's classification, with the
deciding facts as links that lead to the facts' pages, in both languages."""

from datetime import date

import pytest
from selenium.webdriver.common.by import By

from browser_pages import check_page, follow, visit

from devtypes_rules import NOT_ENOUGH, labels
from kg.catalog import load_catalog
from kg.i18n import ui
from test_pages import sparql

DRESDEN = "https://w3id.org/integration-kg/id/municipality/14612000"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_dresden_shows_its_development_type_and_the_facts(browser, server, lang, tmp_path):
    [row] = sparql(server, load_catalog().get("cq18").bind(
        {"municipality": [DRESDEN], "date": date.today().isoformat()}))
    visit(browser, server, "id/municipality/14612000", lang)
    part = browser.find_element(By.ID, "development-type")
    part.location_once_scrolled_into_view  # noqa: B018 — so that the screenshot shows it
    browser.save_screenshot(str(tmp_path / f"dresden-development-type-{lang}.png"))
    assert part.find_element(By.ID, "development-type-own").text == ui("devtype_own_classification", lang)
    expected = labels()[row["developmentType"]][lang] if row.get("developmentType") else NOT_ENOUGH[lang]
    assert part.find_element(By.ID, "development-type-value").text == expected
    links = part.find_elements(By.CSS_SELECTOR, "#development-type-facts a[data-iri]")
    listed = {iri for kind in ("commissionerPosts", "advisoryBodies", "plansInForce", "cooperations",
                               "longTermFunding", "projects") for iri in row.get(kind, "").split("; ") if iri}
    assert listed and {a.get_attribute("data-iri") for a in links} == listed
    assert all(a.is_displayed() and a.text for a in links)
    # a fact leads to its own page, in the same language
    body = part.find_element(By.CSS_SELECTOR, "dd[data-kind=advisoryBodies] a")
    iri = body.get_attribute("data-iri")
    follow(browser, body)
    check_page(browser, server, lang)
    assert browser.current_url.endswith(iri.removeprefix("https://w3id.org/integration-kg/") + f"?lang={lang}")
    assert iri in browser.page_source
