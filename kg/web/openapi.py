"""/api/openapi.json: the OpenAPI 3.1 description of every /api/ route.

Written by hand, route by route, because the routes read their input by hand (no framework to
derive it from); tests/test_openapi.py holds it to the app: every /api/ rule is described and
nothing else is, and the answers of real calls fit the schemas. The catalogue's ids, formats and
parameter kinds come from kg.catalog and kg.query_tables, so they cannot drift from what runs.
"""

from __future__ import annotations

from flask import Blueprint, Response, jsonify

from kg.catalog import KINDS
from kg.query_tables import TABLE_FORMATS
from kg.web.queries import public_catalog
from kg.web.sparql import public_url

bp = Blueprint("openapi", __name__)

JSON = "application/json"
_LANG = {"name": "lang", "in": "query", "required": False,
         "schema": {"type": "string", "enum": ["de", "en"]}}


@bp.get("/api/openapi.json")
def document() -> Response:
    return jsonify(build([q.id for q in public_catalog()], public_url("")))


def build(query_ids: list[str], server: str) -> dict:
    return {
        "openapi": "3.1.0",
        "info": {"title": "integration-kg API", "version": "1",
                 "description": "The query catalogue, validation and the operators' API of the knowledge "
                                "graph of municipal integration infrastructure in Germany. Errors are "
                                "JSON in English or German (lang= or Accept-Language). SPARQL itself is "
                                "at /sparql (SPARQL 1.1 Protocol)."},
        "servers": [{"url": server.rstrip("/") or "/"}],
        "paths": {
            "/api/openapi.json": {"get": {
                "summary": "This document", "operationId": "openapi",
                "responses": {"200": _json("The OpenAPI document", {"type": "object"})}}},
            "/api/queries": {"get": {
                "summary": "The query catalogue: every query with its titles, parameters and tags",
                "operationId": "listQueries",
                "responses": {"200": _json("The queries", {"type": "array",
                                                           "items": {"$ref": "#/components/schemas/Query"}})}}},
            "/api/queries/{query_id}": {"get": _run_query(query_ids)},
            "/api/search": {"get": _search()},
            "/api/compare": {"get": _compare()},
            "/api/validate": {"post": _validate()},
            "/api/admin/load": {"post": _admin("Load files into the store, as `kg load` does while a server runs",
                                               "adminLoad", body=True)},
            "/api/admin/dump": {"get": _admin("The published dataset, as `kg dump` writes it", "adminDump",
                                              media="application/n-quads")},
            "/api/admin/revalidate": {"get": _admin("The published data judged against the shapes",
                                                    "adminRevalidate")},
            "/api/admin/backup": {"post": _admin_backup()},
            **_submission_paths(),
        },
        "components": {"schemas": SCHEMAS, "responses": _error_responses(),
                       "securitySchemes": {"adminToken": {"type": "http", "scheme": "bearer"},
                                           "submitterToken": {"type": "http", "scheme": "bearer"}}},
    }


def _run_query(query_ids: list[str]) -> dict:
    kinds = "; ".join(f"{kind}: {texts['en']}" for kind, texts in KINDS.items())
    return {
        "summary": "Run one catalogue query with its parameters",
        "description": "Each query's own parameters (see /api/queries) are given by name, as query "
                       f"parameters, bound as typed RDF terms. Kinds: {kinds}. An iri-list parameter is "
                       "repeated, or holds IRIs one per line. Left out, a parameter is unbound and the "
                       "query uses its default; a required one (required: true in /api/queries) left "
                       "out is a 400 that names it and its example. format= overrides Accept; format=excel is CSV with a "
                       "UTF-8 byte order mark. CSV cells that a spreadsheet would read as a formula "
                       "start with an apostrophe.",
        "operationId": "runQuery",
        "parameters": [
            {"name": "query_id", "in": "path", "required": True, "schema": {"type": "string", "enum": query_ids}},
            {"name": "format", "in": "query", "required": False,
             "schema": {"type": "string", "enum": [f.name for f in TABLE_FORMATS]}},
            _LANG,
        ],
        "responses": {
            "200": {"description": "The answer as a table",
                    "headers": {"Content-Disposition": {"description": "attachment; filename=… for CSV and TSV",
                                                        "schema": {"type": "string"}}},
                    "content": {JSON: {"schema": {"$ref": "#/components/schemas/Answer"}},
                                "text/csv": {"schema": {"type": "string"}},
                                "text/tab-separated-values": {"schema": {"type": "string"}},
                                "text/html": {"schema": {"type": "string"}}}},
            "400": {"$ref": "#/components/responses/BadRequest"},
            "404": {"$ref": "#/components/responses/NotFound"},
            "406": {"$ref": "#/components/responses/NotAcceptable"},
            "503": {"$ref": "#/components/responses/Unavailable"},
        },
    }


def _search() -> dict:
    return {
        "summary": "Municipalities, organisations, plans, bodies and events by name or AGS",
        "description": "Case and umlaut tolerant (Nürnberg = Nuernberg = nurnberg); ranked exact, "
                       "prefix, word prefix, substring.",
        "operationId": "search",
        "parameters": [
            {"name": "q", "in": "query", "required": True, "schema": {"type": "string", "minLength": 2,
                                                                      "maxLength": 200}},
            {"name": "limit", "in": "query", "required": False,
             "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}},
            _LANG,
        ],
        "responses": {"200": _json("The results, best first", {
                          "type": "object", "required": ["query", "count", "results"],
                          "properties": {"query": {"type": "string"}, "count": {"type": "integer"},
                                         "results": {"type": "array", "items": {"type": "object"}}}}),
                      "400": {"$ref": "#/components/responses/BadRequest"},
                      "503": {"$ref": "#/components/responses/Unavailable"}},
    }


def _compare() -> dict:
    return {
        "summary": "2 to 6 municipalities side by side on a date: each cell with its sources",
        "description": "Rows are aspects (commissioner, advisory body, plan in force, MO networks with "
                       "dated counts, cooperation, projects, funding, per-capita figures), cells per "
                       "municipality with a status (recorded, not-recorded, conflict), values and sources "
                       "(address, day read); also the charts' figures. A malformed AGS or date, or fewer "
                       "than 2 or more than 6 municipalities, is a 400; an unknown AGS a 404 naming it.",
        "operationId": "compare",
        "parameters": [
            {"name": "ags", "in": "query", "required": True, "explode": True,
             "schema": {"type": "array", "minItems": 2, "maxItems": 6,
                        "items": {"type": "string", "pattern": "^[0-9]{8}$"}}},
            {"name": "date", "in": "query", "required": False, "schema": {"type": "string", "format": "date"}},
            {"name": "format", "in": "query", "required": False, "schema": {"type": "string", "enum": ["json", "csv"]}},
            _LANG,
        ],
        "responses": {"200": {"description": "The comparison",
                              "content": {JSON: {"schema": {"$ref": "#/components/schemas/Comparison"}},
                                          "text/csv": {"schema": {"type": "string"}}}},
                      "400": {"$ref": "#/components/responses/BadRequest"},
                      "404": {"$ref": "#/components/responses/NotFound"},
                      "503": {"$ref": "#/components/responses/Unavailable"}},
    }


def _validate() -> dict:
    return {
        "summary": "Check data against the shapes; nothing is stored",
        "operationId": "validate",
        "parameters": [{"name": "format", "in": "query", "required": False, "schema": {"type": "string"}},
                       _LANG],
        "requestBody": {"required": True, "content": {
            "multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string",
                                                                                          "format": "binary"}}}},
            "text/turtle": {"schema": {"type": "string"}},
            "text/csv": {"schema": {"type": "string"}}}},
        "responses": {"200": _json("The validation report, whether or not the data conform", {"type": "object"}),
                      "400": {"$ref": "#/components/responses/BadRequest"},
                      "413": {"$ref": "#/components/responses/TooLarge"},
                      "415": {"$ref": "#/components/responses/Unsupported"}},
    }


def _admin(summary: str, operation: str, body: bool = False, media: str = JSON) -> dict:
    described = {"summary": summary, "operationId": operation, "security": [{"adminToken": []}],
                 "responses": {"200": {"description": "Done",
                                       "content": {media: {"schema": {"type": "object" if media == JSON
                                                                      else "string"}}}},
                               "400": {"$ref": "#/components/responses/BadRequest"},
                               "401": {"$ref": "#/components/responses/Unauthorized"},
                               "403": {"$ref": "#/components/responses/Forbidden"}}}
    if body:
        described["responses"]["413"] = {"$ref": "#/components/responses/TooLarge"}
        described["requestBody"] = {"required": True, "content": {JSON: {"schema": {
            "type": "object", "required": ["files"],
            "properties": {"files": {"type": "array", "minItems": 1, "items": {
                "type": "object", "required": ["path", "content_base64"],
                "properties": {"path": {"type": "string"}, "content_base64": {"type": "string"}}}},
                "folders": {"type": "array", "items": {"type": "string"}},
                "force": {"type": "boolean"},
                "prune": {"type": "boolean"}}}}}}
    return described


def _admin_backup() -> dict:
    described = _admin("Back the whole store up into a new folder on the server's machine, as "
                       "`kg backup` does while a server runs", "adminBackup")
    described["requestBody"] = {"required": True, "content": {JSON: {"schema": {
        "type": "object", "required": ["directory"],
        "properties": {"directory": {"type": "string",
                                     "description": "An absolute path; new or empty"}}}}}}
    error = {"$ref": "#/components/schemas/Error"}
    described["responses"]["409"] = _json("The folder exists and is not empty", error)
    described["responses"]["507"] = _json("No space left on the disk; nothing was kept", error)
    return described


# The submissions' API (kg.web.submissions): who may call it, and what its operations share.
_SUBMITTER = [{"submitterToken": []}, {"adminToken": []}]
_SUBMISSION_ID = {"name": "submission_id", "in": "path", "required": True,
                  "schema": {"type": "string", "pattern": "^[0-9]{8}-[0-9a-f]{8}$"}}
_ONE_SUBMISSION = {"$ref": "#/components/schemas/Submission"}
_OUTCOME = {"$ref": "#/components/schemas/Outcome"}


def _submission_paths() -> dict:
    """/api/submissions and the operators' erasure (kg.web.submissions)."""
    return {
        "/api/submissions": {"post": _submit(), "get": _list_submissions()},
        "/api/submissions/{submission_id}": {"get": _get_submission(), "put": _replace_submission(),
                                             "delete": _withdraw_submission()},
        "/api/submissions/{submission_id}/versions/{version}/report": {"get": _submission_report()},
        "/api/admin/submissions/{submission_id}/erase": {"post": _erase_submission()},
    }


def _submitter_call(summary: str, operation: str, parameters: list[dict], responses: dict,
                    body: dict | None = None) -> dict:
    """An operation a submitter's token (or the operator's) may call."""
    described = {"summary": summary, "operationId": operation, "security": _SUBMITTER,
                 "parameters": parameters}
    if body is not None:
        described["requestBody"] = body
    described["responses"] = responses
    return described


def _package() -> dict:
    """The body of a submission or a replacement: files, a zip of them, or one file."""
    return {"required": True, "content": {
        "multipart/form-data": {"schema": {"type": "object", "properties": {"file": {
            "type": "array", "items": {"type": "string", "format": "binary"}}}}},
        "application/zip": {"schema": {"type": "string", "format": "binary"}},
        "text/turtle": {"schema": {"type": "string"}},
        "text/csv": {"schema": {"type": "string"}}}}


def _package_parameters() -> list[dict]:
    return [_LANG, {"name": "filename", "in": "query", "required": False,
                    "schema": {"type": "string"}},
            {"name": "format", "in": "query", "required": False, "schema": {"type": "string"}}]


def _refused() -> dict:
    """What any call on a submission may answer instead of doing it."""
    return {code: _response(name) for code, name in (
        ("400", "BadRequest"), ("401", "Unauthorized"), ("403", "Forbidden"), ("404", "NotFound"),
        ("409", "Conflict"))}


def _upload_refused() -> dict:
    """What a submission or a replacement may answer besides: its package refused."""
    return {**_refused(), "413": _response("TooLarge"), "415": _response("Unsupported"),
            "422": _json("Not conforming: the report; nothing published. A new package leaves "
                         "nothing behind (id and version null, only an audit line); a "
                         "rejected replacement stays in its submission's history",
                         {"$ref": "#/components/schemas/Rejected"})}


def _submit() -> dict:
    created = {**_json("Accepted and published in graph/submission/{id}", _OUTCOME),
               "headers": {"Location": {"description": "The submission", "schema": {"type": "string"}}}}
    return _submitter_call("Submit a package (files, or a zip of them): published if it conforms",
                           "submit", _package_parameters(), {"201": created, **_upload_refused()},
                           body=_package())


def _list_submissions() -> dict:
    listed = _json("The submissions", {
        "type": "object", "required": ["submissions"],
        "properties": {"submissions": {"type": "array", "items": _ONE_SUBMISSION}}})
    return _submitter_call("The submissions this token may see, with status, history and report links",
                           "listSubmissions", [_LANG], {"200": listed, **_refused()})


def _get_submission() -> dict:
    return _submitter_call("One submission: status, versions, files and checksums", "getSubmission",
                           [_SUBMISSION_ID, _LANG],
                           {"200": _json("The submission", _ONE_SUBMISSION), **_refused()})


def _replace_submission() -> dict:
    return _submitter_call("Replace a submission: the new version is published, the old one kept "
                           "in an unpublished history graph", "replaceSubmission",
                           [_SUBMISSION_ID, *_package_parameters()],
                           {"200": _json("Replaced", _OUTCOME), **_upload_refused()}, body=_package())


def _withdraw_submission() -> dict:
    return _submitter_call("Withdraw a submission: its data leave the published graph, its "
                           "record and history stay", "withdrawSubmission", [_SUBMISSION_ID, _LANG],
                           {"200": _json("Withdrawn", _ONE_SUBMISSION), **_refused()})


def _submission_report() -> dict:
    version = {"name": "version", "in": "path", "required": True,
               "schema": {"type": "integer", "minimum": 1}}
    return _submitter_call("The validation report of one version of a submission", "submissionReport",
                           [_SUBMISSION_ID, version, _LANG],
                           {"200": _json("The report", {"type": "object"}), **_refused()})


def _erase_submission() -> dict:
    """The operators' erasure: only the admin token, and a reason for the audit log."""
    erase = _admin("Erase a submission for good (data, history, files); an audit record stays", "adminErase")
    return {
        **erase,
        "parameters": [_SUBMISSION_ID],
        "requestBody": {"required": True, "content": {JSON: {"schema": {
            "type": "object", "required": ["reason"], "properties": {"reason": {"type": "string"}}}}}},
        # An unknown submission is a 404, one erased before a 409 (schemathesis found both missing).
        "responses": {**erase["responses"], "404": _response("NotFound"), "409": _response("Conflict")},
    }


def _response(name: str) -> dict:
    """One of the error answers every operation shares (components.responses)."""
    return {"$ref": f"#/components/responses/{name}"}


def _json(description: str, schema: dict) -> dict:
    return {"description": description, "content": {JSON: {"schema": schema}}}


def _error_responses() -> dict:
    error = {"$ref": "#/components/schemas/Error"}
    return {name: _json(text, error) for name, text in (
        ("BadRequest", "A malformed request or parameter; the message names it and what is expected"),
        ("Unauthorized", "No token, or one that is unknown or revoked"),
        ("Forbidden", "Not allowed (a missing or wrong token, or data outside the token's scope)"),
        ("Conflict", "Not possible in the submission's state (withdrawn, erased)"),
        ("NotFound", "No such query, submission or municipality (the message names it)"),
        ("NotAcceptable", "No offered format fits Accept or format="),
        ("TooLarge", "The request is larger than this server accepts"),
        ("Unsupported", "A body of a format not read here"),
        ("Unavailable", "The query ran past its deadline, or no worker was free"))}


_TEXTS = {"type": "object", "required": ["en", "de"],
          "properties": {"en": {"type": "string"}, "de": {"type": "string"}}}
_SUBMISSION = {"type": "object", "required": ["id", "status", "created", "by", "link"],
               "properties": {"id": {"type": "string"},
                              "status": {"type": "string",
                                         "enum": ["accepted", "rejected", "withdrawn", "erased"]},
                              "created": {"type": "string"}, "by": {"type": "string"},
                              "updated": {"type": "string"},
                              "municipalities": {"type": "array", "items": {"type": "string"}},
                              "current_version": {"type": ["integer", "null"]},
                              "graph": {"type": ["string", "null"]}, "link": {"type": "string"},
                              "withdrawn": {"type": ["string", "null"]},
                              "history": {"type": "array", "items": {"type": "object"}}}}
SCHEMAS = {
    "Texts": _TEXTS,
    "Error": {"type": "object", "required": ["error", "message", "lang", "messages"],
              "properties": {"error": {"type": "string"}, "message": {"type": "string"},
                             "lang": {"type": "string"}, "messages": {"type": "object"},
                             "detail": {"type": "object"}}},
    "Parameter": {"type": "object", "required": ["name", "kind", "default", "required", "example", "help",
                                                 "expected"],
                  "properties": {"name": {"type": "string"}, "kind": {"type": "string", "enum": list(KINDS)},
                                 "default": {"type": ["string", "null"]},
                                 # a required parameter left out is a 400; its example runs it
                                 "required": {"type": "boolean"},
                                 "example": {"type": ["string", "array", "null"], "items": {"type": "string"}},
                                 "help": {"$ref": "#/components/schemas/Texts"},
                                 "expected": {"$ref": "#/components/schemas/Texts"}}},
    "Query": {"type": "object", "required": ["id", "title", "description", "tags", "parameters", "links"],
              "properties": {"id": {"type": "string"},
                             "title": {"$ref": "#/components/schemas/Texts"},
                             "description": {"$ref": "#/components/schemas/Texts"},
                             "tags": {"type": "array", "items": {"type": "string"}},
                             "parameters": {"type": "array", "items": {"$ref": "#/components/schemas/Parameter"}},
                             "columns": {"type": "object"},
                             "links": {"type": "object", "required": ["run", "page"],
                                       "properties": {"run": {"type": "string"}, "page": {"type": "string"}}}}},
    "Comparison": {"type": "object", "required": ["date", "lang", "municipalities", "rows", "charts"],
                   "properties": {"date": {"type": "string", "format": "date"}, "lang": {"type": "string"},
                                  "municipalities": {"type": "array", "items": {"type": "object"}},
                                  "rows": {"type": "array", "items": {
                                      "type": "object", "required": ["aspect", "label", "cells"],
                                      "properties": {"aspect": {"type": "string"}, "label": {"type": "string"},
                                                     "cells": {"type": "array", "items": {"type": "object"}}}}},
                                  "charts": {"type": "object"}}},
    "Submission": _SUBMISSION,
    "Outcome": {"type": "object", "required": [*_SUBMISSION["required"], "version", "report"],
                "properties": {**_SUBMISSION["properties"], "version": {"type": "integer"},
                               "report": {"type": "object"}}},
    "Rejected": {"type": "object",
                 "required": ["error", "message", "lang", "messages", "id", "version", "report"],
                 "description": "id and version are null when a new package was refused",
                 "properties": {**_SUBMISSION["properties"], "error": {"type": "string"},
                                "message": {"type": "string"}, "lang": {"type": "string"},
                                "messages": {"type": "object"}, "id": {"type": ["string", "null"]},
                                "version": {"type": ["integer", "null"]},
                                "report": {"type": "object"}}},
    "Answer": {"type": "object", "required": ["query", "title", "parameters", "variables", "columns", "rows",
                                              "truncated"],
               "properties": {"query": {"type": "string"}, "title": {"type": "string"},
                              "parameters": {"type": "object"},
                              "variables": {"type": "array", "items": {"type": "string"}},
                              "columns": {"type": "array", "items": {"type": "string"}},
                              "rows": {"type": "array", "items": {"type": "object"}},
                              "truncated": {"type": "boolean"}}},
}
