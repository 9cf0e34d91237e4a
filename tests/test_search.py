"""/api/search and /search from a real `kg serve` over a store that `kg load` built from the
shipped data: names in any spelling of their umlauts, AGS, organisations and plans by a word,
and bad input as a 400 in German and English."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

import pytest

MUNICIPALITY = "https://w3id.org/integration-kg/id/municipality/"
NUERNBERG, DRESDEN = MUNICIPALITY + "09564000", MUNICIPALITY + "14612000"


def call(server, path: str, accept: str = "application/json", **params):
    url = server.url + path.lstrip("/") + "?" + urllib.parse.urlencode(params)
    request = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers.get_content_type(), response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get_content_type(), exc.read().decode()


def search(server, q: str, **params) -> dict:
    status, kind, body = call(server, "api/search", q=q, **params)
    assert (status, kind) == (200, "application/json"), body
    return json.loads(body)


@pytest.mark.parametrize("q", ["nurnberg", "Nuernberg", "NÜRNBERG", "Nürnberg"])
def test_nuernberg_comes_first_however_it_is_written(server, q):
    first = search(server, q)["results"][0]
    assert first["iri"] == NUERNBERG
    assert (first["label"], first["kind"], first["score"], first["match"]) == (
        "Nürnberg", "municipality", 1.0, "exact")
    assert first["page"].endswith("/id/municipality/09564000")


def test_an_ags_finds_its_municipality(server):
    answer = search(server, "14612000")
    assert [r["iri"] for r in answer["results"]] == [DRESDEN]
    assert answer["results"][0]["label"] == "Dresden"


def test_an_organisation_by_a_word_of_its_name(server):
    results = search(server, "verstandigung")["results"]
    afropa = next(r for r in results if r["iri"].endswith("/organisation/afropa"))
    assert afropa["kind"] == "organisation" and afropa["match"] == "word-prefix"
    assert afropa["municipality"]["iri"] == DRESDEN and afropa["municipality"]["label"] == "Dresden"


def test_a_plan_by_a_word_of_its_name_with_its_municipality(server):
    results = search(server, "integrationspolitik", limit=100)["results"]
    plans = {r["iri"]: r for r in results if r["kind"] == "plan"}
    leitlinien = plans["https://w3id.org/integration-kg/id/plan/09564000-leitlinien-2004"]
    assert leitlinien["label"] == "Leitlinien zur Integrationspolitik (2004)"
    assert leitlinien["municipality"] == {"iri": NUERNBERG, "label": "Nürnberg", "ags": "09564000"}


def test_results_are_ranked_and_kinds_are_named_in_the_language_asked_for(server):
    answer = search(server, "dresden", lang="de")
    scores = [r["score"] for r in answer["results"]]
    assert scores == sorted(scores, reverse=True) and answer["results"][0]["iri"] == DRESDEN
    assert answer["results"][0]["kind_label"] == "Kommune"
    assert {r["kind"] for r in answer["results"]} >= {"municipality", "body", "plan"}
    assert search(server, "dresden", lang="en")["results"][0]["kind_label"] == "Municipality"


def test_limit_defaults_to_20_and_takes_up_to_100(server):
    assert search(server, "integration")["count"] == 20
    assert search(server, "integration", limit=100)["count"] == 100
    assert search(server, "integration", limit=3)["count"] == 3


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "a"}, {"q": " ü "},
                                    {"q": "dresden", "limit": "101"},
                                    {"q": "dresden", "limit": "0"},
                                    {"q": "dresden", "limit": "many"}])
@pytest.mark.parametrize("lang, word", [("en", "search"), ("de", "Suche")])
def test_bad_input_is_a_400_in_the_language_asked_for(server, params, lang, word):
    status, kind, body = call(server, "api/search", lang=lang, **params)
    assert (status, kind) == (400, "application/json")
    error = json.loads(body)
    assert error["error"] == "bad-request" and error["lang"] == lang
    assert set(error["messages"]) == {"de", "en"}
    text = error["message"]
    assert word in text or "limit=" in text


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_page_lists_results_and_shows_errors_in_its_form(server, lang):
    status, kind, body = call(server, "search", accept="text/html", q="Nuernberg", lang=lang)
    assert (status, kind) == (200, "text/html")
    assert f'<html lang="{lang}">' in body and 'id="search-results"' in body
    assert f'data-iri="{NUERNBERG}"' in body and f'href="/id/municipality/09564000?lang={lang}"' in body
    status, _, body = call(server, "search", accept="text/html", q="x", lang=lang)
    assert status == 400 and 'id="search-error"' in body and 'id="search-form"' in body
    assert ("Buchstaben" if lang == "de" else "letters") in body
    status, _, body = call(server, "search", accept="text/html", lang=lang)
    assert status == 200 and 'id="search-form"' in body and "search-results" not in body
