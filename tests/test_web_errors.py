"""Errors over HTTP speak the client's language and format: JSON for programs, an HTML page for
browsers, German or English by `lang=` or Accept-Language; a 413 says the limit."""

from __future__ import annotations

import html
import io

import pytest

import remote_backend
from kg.web import create_app

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
BAD_CSV = (b"key,label,kind,name,founded,seat_ags,active_in_ags,source_url,accessed_on\r\n"
           b"fictional-mo,Fiktiver Verein,MigrantOrganisation,,2015-13,,,"
           b"https://example.org/fictional/s,2026-11-25\r\n")
FOREVER = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.mark.parametrize("query, headers", [("?lang=de", {}), ("", {"Accept-Language": "de-DE,de;q=0.9,en;q=0.5"}),
                                            ("?lang=de", {"Accept-Language": "en"})])
def test_json_errors_answer_in_the_language_asked_for(client, query, headers):
    response = client.get("/no/such/route" + query, headers=headers)
    assert (response.status_code, response.mimetype) == (404, "application/json")
    body = response.json
    assert body["error"] == "not-found" and body["lang"] == "de"
    assert body["message"] == ("Unter /no/such/route gibt es nichts. Dieser Dienst bietet / (die "
                               "Startseite), /sparql (Abfragen), /queries (den Fragenkatalog), /id/… "
                               "(die Dinge), /search (die Suche), /validate (Daten prüfen), /ontology, "
                               "/dumps/ und /.well-known/void; prüfen Sie die Adresse.")
    assert body["messages"]["en"].startswith("There is nothing at /no/such/route.")
    assert {"Accept", "Accept-Language"} <= set(response.vary)


def test_without_a_language_the_answer_is_english(client):
    body = client.get("/no/such/route", headers={"Accept-Language": "fr"}).json
    assert body["lang"] == "en" and body["message"] == body["messages"]["en"]


def test_a_browser_gets_an_html_page_that_escapes_what_it_repeats(client):
    response = client.get("/no/<script>alert(1)</script>", headers={
        "Accept": BROWSER, "Accept-Language": "de"})
    page = response.get_data(as_text=True)
    assert (response.status_code, response.mimetype) == (404, "text/html")
    assert '<html lang="de">' in page and "<h1>404 Nicht gefunden</h1>" in page
    assert "<script>alert(1)" not in page and "/no/&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Was Sie tun können" in page
    assert 'href="/sparql?lang=de"' in page and 'href="/validate?lang=de"' in page


def test_a_browser_gets_the_page_for_our_own_errors_too(client):
    response = client.get("/ontology?lang=en", headers={"Accept": BROWSER})
    page = response.get_data(as_text=True)
    assert (response.status_code, response.mimetype) == (404, "text/html")
    assert "<h1>404 Not found</h1>" in page and 'data-error="not-found"' in page
    assert html.escape("run `kg load` (or `make run`) first") in page


@pytest.mark.parametrize("accept", [None, "*/*", "application/sparql-results+json",
                                    "application/json, text/html;q=0.9", "text/csv"])
def test_programs_get_json(client, accept):
    response = client.get("/sparql?query=SELEC", headers={"Accept": accept} if accept else {})
    assert (response.status_code, response.mimetype) == (400, "application/json")
    assert response.json["error"] == "parse-error"


def test_a_405_keeps_allow_and_says_which_methods(client):
    response = client.delete("/sparql?lang=de")
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS", "POST"}
    assert response.json["message"] == ("DELETE ist unter /sparql nicht erlaubt; verwenden Sie "
                                        "GET, HEAD, OPTIONS, POST.")


def test_an_upload_over_the_limit_states_it_in_bytes_and_megabytes(settings, store):
    app = create_app(settings.replace(max_upload_bytes=150_000), store=store)
    body = app.test_client().post("/api/validate", data=b"#" * 150_001,
                                  content_type="text/turtle").json
    assert body["error"] == "payload-too-large"
    assert body["message"] == ("The request has 150,001 bytes; this server accepts at most "
                               "150,000 bytes (0.15 MB) (setting max_upload_bytes). Split it "
                               "into smaller parts and send them one by one.")
    assert body["messages"]["de"] == (
        "Die Anfrage hat 150.001 Bytes; dieser Server nimmt höchstens 150.000 Bytes (0,15 MB) an "
        "(Einstellung max_upload_bytes). Teilen Sie sie in kleinere Teile und senden Sie diese "
        "einzeln.")
    assert body["detail"] == {"limit_bytes": 150_000, "size_bytes": 150_001}


def test_a_query_over_the_limit_states_it_in_bytes_and_megabytes(settings, store):
    app = create_app(settings.replace(max_query_bytes=1_000), store=store)
    response = app.test_client().get("/sparql?lang=de&query=" + "A" * 1_001)
    assert response.status_code == 413
    assert response.json["message"] == (
        "Die Abfrage hat 1.001 Bytes; dieser Server nimmt höchstens 1.000 Bytes (0,001 MB) an "
        "(Einstellung max_query_bytes). Kürzen Sie sie, z. B. mit VALUES oder weniger "
        "wiederholten Mustern.")


def test_csv_cell_errors_come_in_german(client):
    response = client.post("/api/validate?lang=de", data=BAD_CSV, content_type="text/csv")
    assert response.status_code == 400
    assert response.json["message"] == (
        "request body: Zeile 2, Spalte founded: erwartet: ein Datum als JJJJ, JJJJ-MM oder "
        "JJJJ-MM-TT, erhalten: '2015-13'")
    assert response.json["detail"]["errors"][0]["messages"]["de"].startswith("erwartet: ein Datum")


def test_a_csv_header_error_comes_in_german(client):
    response = client.post("/api/validate?lang=de", data=b"key,colour\r\nx,red\r\n",
                           content_type="text/csv")
    assert response.status_code == 400
    assert response.json["message"].startswith(
        "request body, Zeile 1: die Kopfzeile passt zu keiner Vorlage; laden Sie eine unter "
        "/validate herunter (Spalten: colour, key).")


def test_parser_errors_come_in_german_with_their_position(client):
    response = client.post("/api/validate", data=b"@prefix ex: <https://example.org/> .\nex:a ex:b",
                           content_type="text/turtle", headers={"Accept-Language": "de"})
    body = response.json
    assert (response.status_code, body["error"]) == (400, "parse-error")
    assert body["message"].startswith("request body, Zeile 2, Spalte ")
    assert "der Parser meldet (auf Englisch): " in body["message"]
    assert body["messages"]["en"].startswith("request body, line 2, column ")


def test_rdfxml_refusals_come_in_german(client):
    doc = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY ext SYSTEM "file:///etc/passwd">]>'
           b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>')
    response = client.post("/api/validate?lang=de", data=doc, content_type="application/rdf+xml")
    assert response.status_code == 400
    assert ("deklariert die externe oder Parameter-Entität 'ext'; externe Entitäten werden nie "
            "geladen") in response.json["message"]


def test_the_validate_page_shows_the_error_in_the_page_language(client):
    response = client.post("/validate?lang=de", data={
        "file": (io.BytesIO(BAD_CSV), "orgs.csv")}, content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "orgs.csv: Zeile 2, Spalte founded: erwartet: ein Datum" in page


def test_an_unexpected_failure_is_a_500_page_that_tells_nothing_internal(settings, store):
    app = create_app(settings, store=store)

    @app.get("/fails")
    def fails():
        raise RuntimeError("secret internal state")

    client = app.test_client()
    page = client.get("/fails?lang=de", headers={"Accept": BROWSER}).get_data(as_text=True)
    assert "<h1>500 Interner Fehler</h1>" in page and "Das liegt nicht an Ihnen" in page
    assert "secret" not in page
    body = client.get("/fails").json
    assert body["error"] == "internal-error" and "secret" not in str(body)


def test_a_stopped_query_says_so_in_german(loaded_store_path, tmp_path):
    """The texts kg.querying.messages builds reach the client, in the language it asked for."""
    store = remote_backend.open_store(loaded_store_path, tmp_path)
    app = create_app(remote_backend.settings_on(loaded_store_path, tmp_path, query_workers=1,
                                                query_timeout=1.0), store=store)
    try:
        response = app.test_client().get("/sparql", query_string={"query": FOREVER},
                                         headers={"Accept-Language": "de"})
    finally:
        app.extensions["kg.query_runner"].close()
        store.close()
    assert (response.status_code, response.json["error"]) == (503, "query-timeout")
    assert response.json["message"].startswith("Die Abfrage lief länger als 1 s, die Grenze "
                                               "dieses Servers, und wurde abgebrochen.")
    assert response.json["detail"] == {"seconds": 1.0}


GERMAN_ANSWERS = [
    # (method, path, request arguments, status): what a user of the public routes can meet
    ("GET", "/sparql?query=SELEC", {}, 400),
    ("GET", "/sparql?query=ASK{}&query=ASK{}", {}, 400),
    ("GET", "/sparql?query=%20", {}, 400),
    ("GET", "/sparql?query=%FF", {}, 400),
    ("POST", "/sparql", {"data": {"format": "json"}}, 400),
    ("POST", "/sparql", {"data": b"\xff\xfe", "content_type": "application/sparql-query"}, 400),
    ("POST", "/sparql", {"data": "ASK {}", "content_type": "application/sparql-query; charset=latin-1"}, 400),
    ("POST", "/sparql", {"data": "ASK {}", "content_type": "image/png"}, 415),
    ("POST", "/sparql", {"data": "INSERT DATA { <a:b> <a:c> <a:d> }",
                         "content_type": "application/sparql-update"}, 403),
    ("GET", "/sparql?query=SELECT*{SERVICE<https://example.org/s>{?s?p?o}}", {}, 400),
    ("GET", "/sparql?query=" + "A" * 200_000, {}, 413),
    ("GET", "/sparql?query=ASK{}&default-graph-uri=https://example.org/not-published", {}, 400),
    ("GET", "/sparql?query=SELECT*FROM%20ex:g{?s?p?o}", {}, 400),
    ("GET", "/sparql?query=SELECT*{?s?p?o}&format=yaml", {}, 406),
    ("GET", "/sparql?query=" + "{" * 300, {}, 400),
    ("DELETE", "/sparql", {}, 405),
    ("GET", "/ontology", {}, 404),
    ("GET", "/.well-known/void", {"headers": {"Accept": "image/png"}}, 406),
    ("POST", "/api/validate", {"data": "<a> <b> .", "content_type": "text/turtle"}, 400),
    ("POST", "/api/validate", {"data": "x", "content_type": "application/x-unknown"}, 415),
    ("POST", "/api/validate", {"data": "x", "content_type": "application/octet-stream"}, 415),
    ("POST", "/api/validate", {"data": b"", "content_type": "text/turtle"}, 400),
    ("POST", "/api/validate?report=pdf", {"data": "<a:b> <a:c> <a:d> .", "content_type": "text/turtle"}, 400),
    ("POST", "/api/validate", {"data": b"\x00\x01garbage", "content_type": "application/ld+json"}, 400),
    ("POST", "/api/validate?filename=x.docx", {"data": "x"}, 415),
    ("POST", "/validate", {"data": {"text": " "}, "headers": {"Accept": "application/json"}}, 400),
    ("GET", "/validate/templates/no-such-template.csv", {}, 404),
    ("GET", "/no/such/route", {}, 404),
]


@pytest.mark.parametrize("method, path, kwargs, status", GERMAN_ANSWERS,
                         ids=[f"{m} {p[:50]} -> {s}" for m, p, _, s in GERMAN_ANSWERS])
def test_every_public_error_has_a_german_text(client, method, path, kwargs, status):
    headers = {"Accept-Language": "de", **kwargs.pop("headers", {})}
    response = client.open(path, method=method, headers=headers, **kwargs)
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    if response.mimetype == "text/html":  # the /validate page shows the error inside itself
        assert "Nichts zu prüfen: wählen Sie eine Datei" in response.get_data(as_text=True)
        return
    body = response.json
    assert body["lang"] == "de" and body["message"] == body["messages"]["de"]
    assert body["messages"]["de"] != body["messages"]["en"]


def test_every_status_the_project_answers_with_has_a_page_title_in_both_languages():
    import kg.errors
    from kg.web.errors import STATUS_TITLES

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    statuses = {cls.status for cls in subclasses(kg.errors.KGError)} | {502}  # 502: a failed SERVICE peer
    for status in statuses:
        assert set(STATUS_TITLES[status]) == {"de", "en"} and all(STATUS_TITLES[status].values()), status
