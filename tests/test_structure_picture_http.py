"""The structure picture over HTTP, from a real `kg serve` with the shipped data: the SVG file
(content type, download name, same bytes twice), the city page that inlines it, and the 4xx
answers to a bad date or an unknown municipality."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET

import pytest

from kg.i18n import ui

SVG = "{http://www.w3.org/2000/svg}"
PICTURE = "id/municipality/14612000/structure.svg"


def get(server, path: str, accept: str = "*/*", lang: str | None = None):
    headers = {"Accept": accept, **({"Accept-Language": lang} if lang else {})}
    try:
        with urllib.request.urlopen(urllib.request.Request(server.url + path, headers=headers), timeout=60) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_the_svg_file_is_the_same_twice_and_links_to_iris(server):
    status, headers, body = get(server, PICTURE + "?date=2025-12-11&lang=de")
    assert status == 200
    assert headers["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert "Content-Disposition" not in headers
    assert get(server, PICTURE + "?date=2025-12-11&lang=de")[2] == body
    root = ET.fromstring(body)
    links = [a.get("href") for a in root.iter(f"{SVG}a")]
    assert "https://w3id.org/integration-kg/id/body/14612000-integrations-und-auslaenderbeirat" in links
    assert all(link.startswith("https://w3id.org/integration-kg/id/") for link in links)
    texts = {"".join(t.itertext()) for t in root.iter(f"{SVG}text")}
    assert ui("structure_caption", "de").format(date="2025-12-11") in texts


def test_the_download_names_its_file(server):
    status, headers, body = get(server, PICTURE + "?date=2024-06-30&lang=en&download=1")
    assert status == 200
    assert headers["Content-Disposition"] == 'attachment; filename="structure-picture-14612000-2024-06-30-en.svg"'
    assert ET.fromstring(body).get("data-date") == "2024-06-30"


@pytest.mark.parametrize("lang, words", [("en", "YYYY-MM-DD"), ("de", "JJJJ-MM-TT")])
def test_a_bad_date_is_a_400_that_says_what_to_give(server, lang, words):
    status, _, body = get(server, PICTURE + "?date=2025-02-30", accept="application/json", lang=lang)
    assert status == 400
    answer = json.loads(body)
    assert answer["error"] == "bad-request" and words in answer["message"]
    # the city page's date form asks the same of a person
    status, headers, body = get(server, "id/municipality/14612000?date=11.12.2025", accept="text/html", lang=lang)
    assert status == 400 and headers["Content-Type"].startswith("text/html")
    assert words in body.decode() and "11.12.2025" in body.decode()


@pytest.mark.parametrize("ags", ["99999999", "dresden"])
def test_an_unknown_municipality_is_a_404(server, ags):
    status, _, body = get(server, f"id/municipality/{ags}/structure.svg", accept="application/json")
    assert status == 404
    assert "AGS" in json.loads(body)["message"]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_city_page_inlines_the_picture_with_the_source_strukturbild_beside_it(server, lang):
    status, _, body = get(server, f"id/municipality/14612000?lang={lang}&date=2025-12-11", accept="text/html")
    assert status == 200
    page = body.decode()
    inline = page[page.index("<svg "):page.index("</svg>") + len("</svg>")]
    root = ET.fromstring(inline)
    links = [a.get("href") for a in root.iter(f"{SVG}a")]
    assert f"/id/body/14612000-integrations-und-auslaenderbeirat?lang={lang}" in links
    assert 'value="2025-12-11"' in page  # the date form shows the date drawn
    assert f"/id/municipality/14612000/structure.svg?date=2025-12-11&amp;lang={lang}&amp;download=1" in page
    assert ui("structure_sources_heading", lang) in page
    assert 'data-iri="https://w3id.org/integration-kg/id/strukturbild/dresden-2025-12-11"' in page
