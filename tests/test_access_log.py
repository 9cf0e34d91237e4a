"""The structured logs of a real `kg serve` (the shared one): one JSON line per request and per
query, with what an operator needs, and never a token, an Authorization header, a parameter
value, a request body or a query text."""

from __future__ import annotations

import hashlib
import json
import re
import urllib.parse

from source_http import call, server_output

TOKEN = "tok-" + hashlib.sha256(b"not a real token").hexdigest()[:24]
IN_PARAM = "param-" + hashlib.sha256(b"in a parameter").hexdigest()[:24]
IN_BODY = "body-" + hashlib.sha256(b"in a body").hexdigest()[:24]
QUERY = f'ASK {{ ?s ?p "{hashlib.sha256(b"in a query").hexdigest()[:24]}" }}'


def log_lines(server) -> list[dict]:
    return [json.loads(line) for line in server_output(server.process.pid).splitlines()
            if line.startswith("{")]


def pseudonym_of(server, source: str, marker: str) -> str:
    """The name the logs give the client at `source`, found by a request only it made."""
    assert call(server.url, f"/health?{marker}=1", source=source).status == 200
    [line] = [line for line in log_lines(server)
              if line.get("event") == "request" and line.get("params") == [marker]]
    return line["client"]


def test_requests_and_queries_are_logged_without_secrets(shared_server):
    url, address = shared_server.url, "127.0.0.60"
    me = pseudonym_of(shared_server, address, "marker60")
    assert re.fullmatch(r"c-[0-9a-f]{16}", me)
    assert call(url, "/api/submissions", source=address,
                headers={"Authorization": f"Bearer {TOKEN}"}).status == 401
    assert call(url, "/api/submissions", source=address,
                headers={"Authorization": TOKEN, "Cookie": f"session={TOKEN}"}).status == 401
    query = urllib.parse.urlencode({"query": QUERY, "token": IN_PARAM})
    assert call(url, f"/sparql?{query}", source=address,
                headers={"Accept": "application/sparql-results+json"}).status == 200
    assert call(url, "/api/validate", source=address, method="POST",
                body=f'<http://example.org/a> <http://example.org/b> "{IN_BODY}" .'.encode(),
                headers={"Content-Type": "text/turtle"}).status == 200

    output = server_output(shared_server.process.pid)
    # the client's address is personal data: the logs name it by its pseudonym only
    for secret in (TOKEN, IN_PARAM, IN_BODY, QUERY, QUERY.split('"')[1], address):
        assert secret not in output
    mine = [line for line in log_lines(shared_server) if line.get("client") == me]
    requests = [line for line in mine if line["event"] == "request"]
    assert [(r["method"], r["path"], r["status"]) for r in requests] == [
        ("GET", "/health", 200), ("GET", "/api/submissions", 401), ("GET", "/api/submissions", 401),
        ("GET", "/sparql", 200), ("POST", "/api/validate", 200)]
    assert requests[3]["params"] == ["query", "token"]  # names, not values
    for line in requests:
        assert isinstance(line["duration_s"], float) and line["duration_s"] >= 0
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", line["time"])
    queries = [line for line in mine if line["event"] == "query"]
    assert [(q["kind"], q["outcome"]) for q in queries] == [("query", "ok"), ("validation", "ok")]
    assert re.fullmatch(r"[0-9a-f]{16}", queries[0]["query_hash"])
    assert "query_hash" not in queries[1]  # a validation has no query text


def test_the_same_query_has_the_same_hash_and_a_failed_one_its_outcome(shared_server):
    url, address = shared_server.url, "127.0.0.61"
    me = pseudonym_of(shared_server, address, "marker61")
    body = urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p }"}).encode()
    for _ in range(2):
        call(url, "/sparql", source=address, method="POST", body=body,
             headers={"Content-Type": "application/x-www-form-urlencoded"})
    queries = [line for line in log_lines(shared_server)
               if line.get("client") == me and line["event"] == "query"]
    assert [q["outcome"] for q in queries] == ["error", "error"]
    assert queries[0]["query_hash"] == queries[1]["query_hash"]
