"""/api/openapi.json against the app: every /api/ rule the app registers is described, with its
methods, and nothing else is; answers of real calls to a running `kg serve` fit the schemas.

The schemas use a small part of JSON Schema (type, required, properties, items, enum, $ref), and
the check below reads exactly that part, so no validator library is needed.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request

import pytest

from kg.catalog import load_catalog

IGNORED_METHODS = {"HEAD", "OPTIONS"}
TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None),
         "integer": int, "number": (int, float)}


def test_every_api_rule_is_described_and_nothing_else(client):
    document = client.get("/api/openapi.json").get_json()
    registered = {}
    for rule in client.application.url_map.iter_rules():
        if rule.rule.startswith("/api/"):
            path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)
            registered.setdefault(path, set()).update(m.lower() for m in rule.methods - IGNORED_METHODS)
    described = {path: set(operations) - {"parameters"} for path, operations in document["paths"].items()}
    assert described == registered


def test_path_parameters_are_declared(client):
    document = client.get("/api/openapi.json").get_json()
    for path, operations in document["paths"].items():
        for operation in operations.values():
            declared = {p["name"] for p in operation.get("parameters", []) if p["in"] == "path"}
            assert declared == set(re.findall(r"{(\w+)}", path)), path
    ids = document["paths"]["/api/queries/{query_id}"]["get"]["parameters"][0]["schema"]["enum"]
    assert ids == [q.id for q in load_catalog()]


def _resolve(document: dict, schema: dict) -> dict:
    while "$ref" in schema:
        node = document
        for part in schema["$ref"].removeprefix("#/").split("/"):
            node = node[part]
        schema = node
    return schema


def check(document: dict, schema: dict, value, where: str = "$") -> None:
    schema = _resolve(document, schema)
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        assert any(isinstance(value, TYPES[t]) and not (t in ("integer", "number") and isinstance(value, bool))
                   for t in types), f"{where}: {value!r} is not {types}"
    if "enum" in schema:
        assert value in schema["enum"], f"{where}: {value!r} not in {schema['enum']}"
    if isinstance(value, dict):
        for name in schema.get("required", []):
            assert name in value, f"{where}: {name} missing"
        for name, sub in schema.get("properties", {}).items():
            if name in value:
                check(document, sub, value[name], f"{where}.{name}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            check(document, schema["items"], item, f"{where}[{index}]")


def _call(server, path: str) -> tuple[int, str, object]:
    request = urllib.request.Request(server.url + path, headers={"Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers.get_content_type(), json.load(response)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get_content_type(), json.load(exc)


@pytest.mark.parametrize("path, template", [
    ("api/queries", "/api/queries"),
    ("api/queries/cq13?municipality=https://w3id.org/integration-kg/id/municipality/14612000",
     "/api/queries/{query_id}"),
    ("api/queries/cq16?year=2020", "/api/queries/{query_id}"),
    ("api/queries/cq13?date=yesterday", "/api/queries/{query_id}"),
    ("api/queries/cq00", "/api/queries/{query_id}"),
    ("api/queries/cq13?format=pdf", "/api/queries/{query_id}"),
    ("api/admin/dump", "/api/admin/dump"),
    ("api/openapi.json", "/api/openapi.json"),
])
def test_real_answers_fit_the_described_schemas(server, path, template):
    _, _, document = _call(server, "api/openapi.json")
    status, content_type, body = _call(server, path)
    responses = document["paths"][template]["get"]["responses"]
    assert str(status) in responses, (path, status)
    response = _resolve(document, responses[str(status)])
    assert content_type in response["content"], (path, content_type)
    check(document, response["content"][content_type]["schema"], body)
