"""/compare, /compare.csv and /api/compare through a real `kg serve` with the shipped data: the
five seed cities side by side, and a clear 4xx naming what is wrong (bilingual, as HTML for a
browser and JSON for a program)."""

from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.request

import pytest

from kg.compare_model import ASPECTS

SEED = ["05116000", "05913000", "15002000", "09564000", "14612000"]
QUERY = "&".join(f"ags={a}" for a in SEED)
NAMES = ["Mönchengladbach", "Dortmund", "Halle (Saale)", "Nürnberg", "Dresden"]


def get(server, path: str, accept: str = "text/html"):
    request = urllib.request.Request(server.url + path.lstrip("/"), headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.headers.get_content_type(), response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get_content_type(), exc.read().decode()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_page_shows_the_five_seed_cities_with_sources(server, lang):
    status, kind, html = get(server, f"compare?{QUERY}&date=2025-06-30&lang={lang}")
    assert (status, kind) == (200, "text/html")
    for ags, name in zip(SEED, NAMES):
        assert f'data-ags="{ags}"' in html and name in html
    assert html.count('class="source"') > 20
    assert html.count("<tr data-aspect=") == len(ASPECTS)
    assert {"de": "nicht erfasst", "en": "not recorded"}[lang] in html
    assert 'data-chart="timeline"' in html and "vendor/chart.umd.min.js" in html


def test_without_municipalities_the_page_is_the_form(server):
    status, _, html = get(server, "compare?lang=en")
    assert status == 200 and 'id="compare-form"' in html and 'id="compare-table"' not in html
    assert '<option value="14612000">Dresden (14612000)</option>' in html


@pytest.mark.parametrize(("query", "status", "named"), [
    ("ags=05116000&ags=0591300", 400, "0591300"),
    ("ags=05116000&ags=05913001", 404, "05913001"),
    ("ags=05116000", 400, "1"),
    ("&".join(f"ags=0511600{i}" for i in range(7)), 400, "7"),
    (f"{QUERY}&date=2025-13-40", 400, "2025-13-40"),
])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_bad_input_is_a_4xx_naming_it(server, query, status, named, lang):
    got, kind, body = get(server, f"api/compare?{query}&lang={lang}", accept="application/json")
    assert (got, kind) == (status, "application/json")
    error = json.loads(body)
    assert error["lang"] == lang and named in error["message"] and set(error["messages"]) == {"de", "en"}
    page_status, page_kind, page = get(server, f"compare?{query}&lang={lang}")
    assert (page_status, page_kind) == (status, "text/html") and named in page


def test_json_gives_every_aspect_per_city_with_status_and_sources(server):
    status, kind, body = get(server, f"api/compare?{QUERY}&date=2025-06-30", accept="application/json")
    assert (status, kind) == (200, "application/json")
    answer = json.loads(body)
    assert answer["date"] == "2025-06-30" and [m["ags"] for m in answer["municipalities"]] == SEED
    assert [r["aspect"] for r in answer["rows"]] == list(ASPECTS)
    for row in answer["rows"]:
        assert [c["ags"] for c in row["cells"]] == SEED
        for cell in row["cells"]:
            assert cell["status"] in ("recorded", "not-recorded", "conflict")
            # the elements summarise other rows; the development type is this project's assessment
            assert all(item["sources"] for item in cell["items"]) or row["aspect"] in (
                "elements", "development_type")
    commissioner = next(r for r in answer["rows"] if r["aspect"] == "commissioner")
    assert commissioner["cells"][1]["status"] == "not-recorded"
    assert answer["charts"]["bars"]["cities"] == NAMES and answer["charts"]["timeline"]


@pytest.mark.parametrize("path", ["compare.csv", "api/compare"])
def test_csv_is_the_table(server, path):
    extra = "&format=csv" if path.startswith("api") else ""
    status, kind, body = get(server, f"{path}?{QUERY}&date=2025-06-30{extra}", accept="*/*")
    assert (status, kind) == (200, "text/csv")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0][0] == "aspect" and rows[0][1::2] == [f"{n} ({a})" for n, a in zip(NAMES, SEED)]
    assert [r[0] for r in rows[1:]] == [a["en"] for a in ASPECTS.values()]
    population = rows[1]
    assert population[1].endswith("(as of 2021-12-31)") and "http" in population[2]


def test_openapi_describes_the_comparison(server):
    _, _, body = get(server, "api/openapi.json", accept="application/json")
    assert "/api/compare" in json.loads(body)["paths"]
