"""A package with a mistake, submitted to a real `kg serve` (a store built by `kg load`, a token
scoped to Leipzig): the answer is a 422 whose German report names the record by its label and its
file and row, and says in plain words what is wrong and what to do — no prefixed names, no
datatype IRIs. A day that does not exist (2023-02-30) is such a finding; a cell that is no date
at all is refused before judging, naming row and column."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from support import ROOT, stop_server
from test_submissions import FIXTURES, leipzig_site, multipart

PLAN_LABEL = 'Integrationskonzept für Migrant/-innen in Leipzig (Fortschreibung, "Vielfalt leben")'
# Prefixed names (ikg:Plan, xsd:date, sh:…), datatype IRIs and typed-literal syntax: words of
# RDF, not of the reader.
RDF_WORDS = re.compile(r"\b(?:ikg|ikgsh|rdf|rdfs|xsd|time|org|foaf|dct|skos|owl|sh|prov|qb):\w"
                       r"|XMLSchema#|www\.w3\.org|\^\^")


@pytest.fixture(scope="module")
def site(loaded_store_path, tmp_path_factory):
    server = leipzig_site(loaded_store_path, tmp_path_factory.mktemp("report"))
    yield server
    stop_server(server)


def submit(site, files: list[tuple[str, bytes]]) -> tuple[int, dict]:
    body, content_type = multipart(files)
    request = urllib.request.Request(
        site.url + "api/submissions", data=body, method="POST",
        headers={"Authorization": f"Bearer {site.token}", "Content-Type": content_type,
                 "Accept": "application/json", "Accept-Language": "de"})
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def leipzig_with_plan_row(change) -> list[tuple[str, bytes]]:
    files = []
    for path in sorted((FIXTURES / "leipzig").iterdir()):
        data = path.read_bytes()
        if path.name == "plans.csv":
            header, row = data.decode("utf-8").rstrip("\r\n").split("\n", 1)
            data = (header + "\n" + change(header.split(","), row) + "\n").encode("utf-8")
        files.append((path.name, data))
    return files


def with_period(begin: str, end: str):
    def change(header, row):
        # the label is quoted and holds commas: replace the two empty period cells after adopted_on
        assert ",2020-01-29,,,," in row
        return row.replace(",2020-01-29,,,,", f",2020-01-29,,{begin},{end},")
    return change


def test_a_period_that_ends_before_it_begins_is_a_422_naming_the_plan_its_row_and_the_fix(site):
    status, answer = submit(site, leipzig_with_plan_row(with_period("2025", "2020")))
    assert status == 422, answer
    assert answer["lang"] == "de" and "nichts veröffentlicht" in answer["message"]
    report = answer["report"]
    assert report["lang"] == "de" and report["conforms"] is False
    assert report["counts"]["Violation"] >= 1
    wrong = [(record, result) for record in report["records"] for result in record["results"]
             if result["severity"] == "Violation"]
    assert wrong
    record, result = wrong[0]
    assert {r["label"] for r, _ in wrong} == {PLAN_LABEL}
    assert record["source"] == "plans.csv" and record["line"] == 2
    assert record["kind"] == "integrationspolitischer Plan"  # the class in German words
    message = result["message"]
    assert "beginnt nach seinem Ende" in message and "Prüfen Sie Beginn und Ende" in message
    assert "2025-01-01" in message and "2020-12-31" in message
    for record in report["records"]:
        for result in record["results"]:
            for text in (result["message"], result.get("expected") or "", record["label"],
                         record.get("kind") or ""):
                assert not RDF_WORDS.search(text), text


def test_an_impossible_date_is_a_finding_that_says_the_day_does_not_exist(site):
    status, answer = submit(site, leipzig_with_plan_row(with_period("2023-02-30", "")))
    assert status == 422, answer  # judged, not refused while reading
    wrong = [(record, result) for record in answer["report"]["records"]
             for result in record["results"] if "2023" in result["message"]]
    assert wrong, answer["report"]
    for record, result in wrong:
        assert record["label"] == PLAN_LABEL and record["source"] == "plans.csv"
        assert result["severity"] == "Violation"
        assert "Den 30. Februar 2023 gibt es nicht (Februar 2023 hat 28 Tage)" in result["message"]
        assert not RDF_WORDS.search(result["message"]), result["message"]


def test_a_cell_that_is_no_date_at_all_is_refused_naming_row_column_and_the_form_to_use(site):
    status, answer = submit(site, leipzig_with_plan_row(with_period("30.02.2023", "")))
    assert status == 400, answer  # not judged: a cell that is no date stops the reading
    message = answer["message"]
    assert "Zeile 2" in message and "Spalte valid_from" in message
    assert "30.02.2023" in message and "JJJJ-MM-TT" in message
    assert not RDF_WORDS.search(message), message


@pytest.mark.parametrize("lang, title", [("de", "401 Nicht angemeldet"), ("en", "401 Not signed in")])
def test_a_browser_without_a_token_gets_a_401_page_with_its_title(site, lang, title):
    body, content_type = multipart(leipzig_with_plan_row(with_period("2020", "2025")))
    request = urllib.request.Request(site.url + f"api/submissions?lang={lang}", data=body,
                                     method="POST", headers={"Content-Type": content_type,
                                                             "Accept": "text/html"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=60)
    assert refused.value.code == 401
    page = refused.value.read().decode("utf-8")
    assert f"<title>{title} – integration-kg</title>" in page
    assert f"<h1>{title}</h1>" in page


def test_kg_validate_uses_the_servers_engine_unless_told_otherwise():
    from kg.validation.engine import DEFAULT_ENGINE

    shown = subprocess.run([sys.executable, "-m", "kg", "validate", "--help"], cwd=ROOT,
                           capture_output=True, text=True, timeout=120, check=True).stdout
    assert f"[default: {DEFAULT_ENGINE}]" in " ".join(shown.split())
