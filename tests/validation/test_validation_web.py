"""POST /api/validate, the page /validate and the template downloads: status codes and bodies."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace

from kg.validation.render import IKGV

EXAMPLES = Path(__file__).parent / "examples"
SH = Namespace("http://www.w3.org/ns/shacl#")
MUSTERSTADT = (EXAMPLES / "musterstadt.ttl").read_bytes()
M = "https://w3id.org/integration-kg/id/municipality/99999999"


def test_api_answers_200_with_the_report_when_data_do_not_conform(client):
    response = client.post("/api/validate", data=MUSTERSTADT, content_type="text/turtle")
    assert response.status_code == 200
    body = response.json
    assert body["conforms"] is False and body["counts"] == {"Violation": 4, "Warning": 0, "Info": 2}
    assert [r["node"] for r in body["records"]] == [M]
    assert body["records"][0]["line"] == 6


def test_api_language_from_accept_language_and_parameter(client):
    de = client.post("/api/validate", data=MUSTERSTADT, content_type="text/turtle",
                     headers={"Accept-Language": "de-DE,de;q=0.9"}).json
    en = client.post("/api/validate?lang=en", data=MUSTERSTADT, content_type="text/turtle",
                     headers={"Accept-Language": "de"}).json
    assert (de["lang"], en["lang"]) == ("de", "en")
    assert de["records"][0]["label"] == "Musterstadt"
    assert {r["path_label"] for r in de["records"][0]["results"]} >= {"Amtlicher Gemeindeschlüssel"}


def test_api_turtle_report_is_a_shacl_validation_report(client):
    response = client.post("/api/validate?report=turtle", data=MUSTERSTADT, content_type="text/turtle")
    assert response.status_code == 200 and response.mimetype == "text/turtle"
    graph = Graph().parse(data=response.data, format="turtle")
    [report] = graph.subjects(None, SH.ValidationReport)
    assert graph.value(report, SH.conforms) == Literal(False)
    assert len(list(graph.objects(report, SH.result))) == 6
    assert set(graph.objects(None, IKGV.line)) == {Literal(6)}


def test_api_text_report_by_accept(client):
    response = client.post("/api/validate", data=MUSTERSTADT, content_type="text/turtle",
                           headers={"Accept": "text/plain"})
    assert response.status_code == 200
    assert response.data.decode().splitlines()[:2] == [
        "Validation report: request body",
        "The data do not conform to the shapes. (4 violations, 0 warnings, 2 infos)"]


def test_api_multipart_upload_format_from_file_name(client):
    response = client.post("/api/validate", content_type="multipart/form-data",
                           data={"file": (io.BytesIO(MUSTERSTADT), "musterstadt.ttl")})
    assert response.status_code == 200 and response.json["source"] == "musterstadt.ttl"
    assert response.json["counts"]["Violation"] == 4


def test_api_syntax_error_is_400_with_line_and_column(client):
    response = client.post("/api/validate", data=b"@prefix ex: <http://example.org/fictional/> .\nex:a ex:b .\n",
                           content_type="text/turtle")
    assert response.status_code == 400
    assert response.json["error"] == "parse-error"
    assert (response.json["detail"]["line"], response.json["detail"]["column"]) == (2, 11)


def test_api_unknown_format_is_415(client):
    response = client.post("/api/validate", data=b"x", content_type="application/x-fictional")
    assert response.status_code == 415 and response.json["error"] == "unsupported-media-type"


def test_api_unknown_file_ending_is_415(client):
    response = client.post("/api/validate", content_type="multipart/form-data",
                           data={"file": (io.BytesIO(b"x"), "data.docx")})
    assert response.status_code == 415


def test_api_too_large_is_413(settings, store):
    from kg.web import create_app

    app = create_app(settings.replace(max_upload_bytes=100), store=store)
    response = app.test_client().post("/api/validate", data=MUSTERSTADT, content_type="text/turtle")
    assert response.status_code == 413


def test_api_csv_cell_errors_are_400_naming_row_and_column(client):
    csv = (b"key,label,kind,name,founded,seat_ags,active_in_ags,source_url,accessed_on\r\n"
           b"fictional-mo,Fiktiver Verein,MigrantOrganisation,,2015-13,,,https://example.org/fictional/s,2026-11-25\r\n")
    response = client.post("/api/validate", data=csv, content_type="text/csv")
    assert response.status_code == 400
    assert response.json["message"] == ("request body: row 2, column founded: expected a date as "
                                        "YYYY, YYYY-MM or YYYY-MM-DD, got '2015-13'")
    assert (response.json["detail"]["line"], response.json["detail"]["column"]) == (2, 5)


def test_page_shows_the_form_and_templates(client):
    response = client.get("/validate?lang=de")
    page = response.data.decode()
    assert response.status_code == 200
    assert "Daten prüfen" in page and 'name="file"' in page and 'name="text"' in page
    assert "/validate/templates/organisations.csv" in page


def test_page_validates_pasted_text(client):
    response = client.post("/validate?lang=en", data={"text": MUSTERSTADT.decode(), "format": "turtle"})
    page = response.data.decode()
    assert response.status_code == 200
    assert 'data-conforms="false"' in page and "official municipality key (AGS)" in page


def test_page_shows_a_syntax_error_with_its_status(client):
    response = client.post("/validate", data={"text": "not turtle at all", "format": "turtle"})
    assert response.status_code == 400 and 'role="alert"' in response.data.decode()


@pytest.mark.parametrize("name", ["municipalities", "organisations", "advisory-bodies", "plans",
                                  "events", "memberships"])
def test_each_template_downloads_and_its_example_row_converts(client, name):
    csv = client.get(f"/validate/templates/{name}.csv")
    meta = client.get(f"/validate/templates/{name}.csv-metadata.json")
    assert csv.status_code == 200 and csv.mimetype == "text/csv"
    assert meta.status_code == 200 and meta.json["url"] == f"{name}.csv"
    response = client.post("/api/validate", data=csv.data, content_type="text/csv")
    assert response.status_code == 200, response.json
    assert response.json["triples"] > 5


def test_unknown_template_is_404(client):
    assert client.get("/validate/templates/fictional.csv").status_code == 404
