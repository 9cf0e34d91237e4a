"""A real `kg serve` bounds idle and slow connections, and its admin route answers hostile
requests with a 4xx that says what to do.

Measured before (issue 16, findings 3 and 6): about 100 idle sockets took every route down
(waitress's connection limit 100, idle timeout 120 s, and one header byte now and then kept a
socket forever); on /api/admin/load a 50 k-deep JSON body gave a 500, a body just over the
limit a 400, a bare token (no `Bearer `) was accepted, `{"files": []}` wiped every published
quad, and a path with a space, quote or '>' gave a 500 from the SPARQL Update it was pasted
into.
"""

from __future__ import annotations

import base64
import http.client
import json
import select
import socket
import time
import urllib.parse
from collections.abc import Iterator

import pytest

import remote_backend
from support import Server, start_server, stop_server

TOKEN = "hardening-test-token"
LIMIT = 200_000  # --max-upload-bytes
HEADER_TIMEOUT = 2
IDLE_TIMEOUT = 3
TTL = '@prefix ex: <https://example.org/fictional/> .\nex:town ex:name "{}" .\n'


@pytest.fixture(scope="module")
def hardened(tmp_path_factory) -> Iterator[Server]:
    project = tmp_path_factory.mktemp("project")
    (project / "data").mkdir()
    (project / "data" / "towns.ttl").write_text(TTL.format("Musterstadt"))
    (project / "data" / "villages.ttl").write_text(TTL.format("Beispieldorf"))
    site = remote_backend.project_site(tmp_path_factory.mktemp("hardened"), project)
    server = start_server(site.store, *site.options, "--admin-token", TOKEN,
                          "--max-upload-bytes", str(LIMIT), "--header-timeout", str(HEADER_TIMEOUT),
                          "--idle-timeout", str(IDLE_TIMEOUT))
    yield server
    stop_server(server)
    remote_backend.release(site)


def address(server: Server) -> tuple[str, int]:
    parts = urllib.parse.urlsplit(server.url)
    return parts.hostname, parts.port


def request(server: Server, method: str, path: str, body: bytes | None = None,
            headers: dict | None = None, timeout: float = 10) -> tuple[int, object, bytes]:
    connection = http.client.HTTPConnection(*address(server), timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def health(server: Server) -> dict:
    status, _, body = request(server, "GET", "/health", timeout=5)
    assert status == 200
    return json.loads(body)


def admin_load(server: Server, body: bytes, token: str = f"Bearer {TOKEN}",
               path: str = "/api/admin/load"):
    return request(server, "POST", path, body,
                   {"Content-Type": "application/json", "Authorization": token,
                    "Accept": "application/json"})


def closed_within(sock: socket.socket, seconds: float, drip: bytes = b"") -> float | None:
    """Seconds until the server closed `sock` (sending one byte of `drip` every half second
    meanwhile), or None if it still stood after `seconds`."""
    started = time.monotonic()
    for byte in drip or b"\0" * 1000:
        if time.monotonic() - started > seconds:
            return None
        readable, _, _ = select.select([sock], [], [], 0.5)
        if readable:
            try:
                if sock.recv(4096) == b"":
                    return time.monotonic() - started
            except ConnectionResetError:
                return time.monotonic() - started
            continue
        if drip:
            try:
                sock.send(bytes([byte]))
            except (BrokenPipeError, ConnectionResetError):
                return time.monotonic() - started
    return None


def test_two_hundred_idle_sockets_leave_health_answering(hardened):
    sockets = [socket.create_connection(address(hardened), timeout=5) for _ in range(200)]
    try:
        started = time.monotonic()
        assert health(hardened)["status"] == "ok"
        assert time.monotonic() - started < 3
    finally:
        for sock in sockets:
            sock.close()


def test_an_idle_connection_is_closed_after_the_idle_timeout(hardened):
    with socket.create_connection(address(hardened), timeout=5) as sock:
        took = closed_within(sock, IDLE_TIMEOUT + 4)
    assert took is not None and took >= IDLE_TIMEOUT - 1


def test_a_client_dripping_its_headers_is_cut_off(hardened):
    # One byte every half second: each keeps the connection "active", which waitress's idle
    # timeout counts; the whole head would take 30 s.
    head = b"GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 40 + b"\r\n\r\n"
    with socket.create_connection(address(hardened), timeout=5) as sock:
        took = closed_within(sock, HEADER_TIMEOUT + 5, drip=head)
    assert took is not None, "the dripping client still held its connection"
    assert HEADER_TIMEOUT - 1 <= took <= HEADER_TIMEOUT + 3
    assert health(hardened)["status"] == "ok"


def test_a_prompt_client_on_a_kept_alive_connection_is_not_cut_off(hardened):
    # The header deadline counts per request: a connection reused after the deadline is fine.
    connection = http.client.HTTPConnection(*address(hardened), timeout=5)
    try:
        for _ in range(2):
            connection.request("GET", "/health")
            response = connection.getresponse()
            assert response.status == 200
            response.read()
            time.sleep(HEADER_TIMEOUT + 0.5)
    finally:
        connection.close()


def test_a_bare_token_is_refused_with_the_header_form(hardened):
    body = json.dumps({"files": [{"path": "data/x.ttl", "content_base64": ""}]}).encode()
    for token in (TOKEN, f"Token {TOKEN}", ""):
        status, headers, answer = admin_load(hardened, body, token=token)
        assert status == 401, token
        assert "Authorization: Bearer" in json.loads(answer)["message"]
        assert headers.get("WWW-Authenticate", "").startswith("Bearer"), (token, headers)
    status, _, answer = admin_load(hardened, body, token="Bearer wrong")
    assert status == 403


def test_a_huge_token_is_a_4xx(hardened):
    # Over waitress's header limit the server refuses it itself; below that, the app does.
    for size in (16_000_000, 200_000):
        try:
            status, _, _ = admin_load(hardened, b"{}", token="Bearer " + "a" * size)
        except (BrokenPipeError, ConnectionResetError):
            continue  # refused while it was still being sent: no 500 either
        assert 400 <= status < 500, size
    assert health(hardened)["status"] == "ok"


def test_deeply_nested_json_is_a_400(hardened):
    before = health(hardened)["published_triples"]
    status, _, answer = admin_load(hardened, b"[" * 50_000 + b"]" * 50_000)
    assert status == 400, answer[:300]
    assert "nested" in json.loads(answer)["message"]
    status, _, answer = admin_load(hardened, b'{"files": ' + b"[" * 50_000 + b"]" * 50_000 + b"}")
    assert status == 400, answer[:300]
    status, _, answer = admin_load(hardened, b"[" * 50_000 + b"]" * 50_000, path="/api/admin/backup")
    assert status == 400, answer[:300]
    assert health(hardened)["published_triples"] == before


@pytest.mark.parametrize("size", [LIMIT + 10_000, int(LIMIT * 1.05) + 70_000],
                         ids=["app-limit", "waitress-limit"])
def test_a_body_over_the_limit_is_a_413(hardened, size):
    body = b'{"files": [], "pad": "' + b"a" * size + b'"}'
    status, _, answer = admin_load(hardened, body)
    assert status == 413, answer[:300]
    assert str(LIMIT) in json.loads(answer)["message"].replace(",", "").replace(".", "")


def test_an_empty_file_list_does_not_wipe_the_published_graph(hardened):
    before = health(hardened)
    assert before["published_triples"] == 2
    for body in ({"files": []}, {"files": [], "prune": True}, {"files": [], "force": True}):
        status, _, answer = admin_load(hardened, json.dumps(body).encode())
        assert status == 400
        assert "prune" in json.loads(answer)["message"]
    assert health(hardened) == before


def test_a_load_through_the_api_keeps_graphs_it_does_not_name(hardened):
    content = base64.b64encode(TTL.format("Musterstadt").encode()).decode()
    body = json.dumps({"files": [{"path": "data/towns.ttl", "content_base64": content}]})
    status, _, answer = admin_load(hardened, body.encode())
    assert status == 200
    report = json.loads(answer)
    assert report["removed"] == [] and report["kept"] == [
        "https://w3id.org/integration-kg/graph/data/villages"]
    assert health(hardened)["published_triples"] == 2


@pytest.mark.parametrize("path", ["data/a b.ttl", 'data/a"b.ttl', "data/a>b.ttl",
                                  "data/x> } ; DROP ALL ; INSERT DATA { <a:b.ttl"])
def test_file_paths_never_reach_sparql_update_as_text(hardened, path):
    before = health(hardened)
    content = base64.b64encode(TTL.format("Neustadt").encode()).decode()
    body = json.dumps({"files": [{"path": path, "content_base64": content}]})
    status, _, answer = admin_load(hardened, body.encode())
    assert status == 400, answer[:300]
    assert "rename" in json.loads(answer)["message"]
    assert health(hardened) == before
