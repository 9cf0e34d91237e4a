"""A real `kg serve` stays responsive and within bounds on hostile bodies.

Measured before the fixes: 100 KB of blank lines sent to /api/validate held the whole server
for 43 s (a quadratic regular expression holding the GIL), 50 KB of `a.a.a…` sent to /sparql
for 80 s (the same in the query reader), and waitress wrote any body up to 1 GB to a
temporary file before the app's 413. Each request here has a deadline, so a regression fails
instead of stalling the run; the deadlines are generous, these are no benchmarks.
"""

from __future__ import annotations

import json
import os
import socket
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

import remote_backend
from support import Server, start_server, stop_server

LIMIT = 5_000_000  # --max-upload-bytes of the server under test
DEADLINE = 20  # seconds; the broken versions took 43 s and more


@pytest.fixture(scope="module")
def spool(tmp_path_factory) -> Path:
    """The server's TMPDIR: where waitress spools request bodies."""
    return tmp_path_factory.mktemp("spool")


@pytest.fixture(scope="module")
def limited(tmp_path_factory, spool) -> Iterator[Server]:
    site = remote_backend.project_site(tmp_path_factory.mktemp("limited"))  # an empty store
    server = start_server(site.store, *site.options, "--max-upload-bytes", str(LIMIT),
                          env={"TMPDIR": str(spool)})
    yield server
    stop_server(server)
    remote_backend.release(site)


def post(server: Server, path: str, body: bytes, content_type: str, **headers: str):
    request = urllib.request.Request(server.url + path.lstrip("/"), data=body, method="POST",
                                     headers={"Content-Type": content_type, **headers})
    try:
        with urllib.request.urlopen(request, timeout=DEADLINE) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.mark.parametrize("line", ["\n", " \n", "\r\n", "\t \n", " "],
                         ids=["lf", "space-lf", "crlf", "tab-space-lf", "spaces"])
@pytest.mark.parametrize("size", [100_000, 1_000_000])
def test_blank_input_is_validated_quickly(limited, line, size):
    body = (line * (size // len(line))).encode()
    status, answer = post(limited, "/api/validate", body, "text/turtle", Accept="application/json")
    report = json.loads(answer)
    assert (status, report["conforms"], report["triples"], report["records"]) == (200, True, 0, [])


def test_long_run_of_dotted_words_is_answered_quickly(limited):
    query = "ASK { " + "a." * 45_000 + " }"  # 90 KB, below the query size limit
    status, answer = post(limited, "/sparql", query.encode(), "application/sparql-query")
    assert status == 400
    assert json.loads(answer)["error"] == "parse-error"


def send_head(server: Server, length: int, lang: str) -> socket.socket:
    port = int(server.url.rstrip("/").rsplit(":", 1)[1])
    sock = socket.create_connection(("127.0.0.1", port), timeout=DEADLINE)
    sock.sendall(f"POST /api/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/turtle\r\n"
                 f"Accept-Language: {lang}\r\nContent-Length: {length}\r\n\r\n".encode())
    return sock


def read_answer(sock: socket.socket) -> tuple[int, dict, bytes]:
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines)}
    return int(status_line.split()[1]), headers, body


@pytest.mark.parametrize("lang, limit, size", [("en", "5,000,000", "30,000,000"),
                                               ("de", "5.000.000", "30.000.000")])
def test_over_limit_body_is_refused_before_it_is_sent(limited, lang, limit, size):
    """The 413 comes right after the headers: not one byte of the body had to be read."""
    with send_head(limited, 30_000_000, lang) as sock:
        status, headers, body = read_answer(sock)
    error = json.loads(body)
    assert (status, headers["content-type"], error["error"], error["lang"]) == (
        413, "application/json; charset=utf-8", "payload-too-large", lang)
    assert f"{size} " in error["message"] and f"{limit} " in error["message"]
    assert "max_upload_bytes" in error["message"]
    assert set(error["messages"]) == {"de", "en"}
    assert error["detail"] == {"limit_bytes": LIMIT, "size_bytes": 30_000_000}


def spooled_bytes(pid: int, spool: Path) -> int:
    """Bytes in files the server holds open in its TMPDIR (waitress's spool files are
    unlinked at once, so the folder itself always looks empty)."""
    total = 0
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            if os.readlink(f"/proc/{pid}/fd/{fd}").startswith(str(spool)):
                total += os.stat(f"/proc/{pid}/fd/{fd}").st_size
        except OSError:
            pass  # closed meanwhile
    return total


def test_over_limit_body_is_not_spooled(limited, spool):
    most = 0
    with send_head(limited, 30_000_000, "en") as sock:
        try:
            for _ in range(25):  # 25 MB of the announced 30
                sock.sendall(b"\n" * 1_000_000)
                most = max(most, spooled_bytes(limited.process.pid, spool))
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered and closed, as it should
    assert most == 0
    assert list(spool.iterdir()) == []


def test_body_just_over_the_limit_gets_the_apps_413(limited):
    status, answer = post(limited, "/api/validate", b"\n" * (LIMIT + 1), "text/turtle")
    error = json.loads(answer)
    assert (status, error["error"], error["detail"]["limit_bytes"]) == (413, "payload-too-large",
                                                                         LIMIT)
    assert "5,000,000 bytes" in error["message"]
