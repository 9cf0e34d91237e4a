"""HTTP requests to a test server from a chosen loopback address (127.0.0.2, 127.0.0.3, …), so
that one machine plays several clients: the server tells clients apart by their address."""

from __future__ import annotations

import http.client
import json
import time
import urllib.parse
from dataclasses import dataclass


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float

    def json(self):
        return json.loads(self.body)


def call(base_url: str, path: str, *, source: str = "127.0.0.1", method: str = "GET",
         body: bytes | None = None, headers: dict[str, str] | None = None,
         timeout: float = 60) -> Answer:
    parts = urllib.parse.urlsplit(base_url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout,
                                      source_address=(source, 0))
    started = time.monotonic()
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        data = response.read()
        return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, data,
                      time.monotonic() - started)
    finally:
        conn.close()


def sparql(base_url: str, query: str, *, source: str = "127.0.0.1", lang: str = "en",
           timeout: float = 60) -> Answer:
    body = urllib.parse.urlencode({"query": query}).encode()
    return call(base_url, "/sparql", source=source, method="POST", body=body, timeout=timeout,
                headers={"Content-Type": "application/x-www-form-urlencoded",
                         "Accept": "application/sparql-results+json", "Accept-Language": lang})


def server_output(pid: int) -> str:
    """What a `kg serve` started by support.start_server wrote so far (its stdout and stderr go
    to one temporary file, reachable through /proc while the process lives)."""
    with open(f"/proc/{pid}/fd/1", "rb") as fh:
        return fh.read().decode("utf-8", errors="replace")


def warm_up(base_url: str, workers: int = 2, tries: int = 5) -> None:
    """One cheap query on each query worker, from as many clients (a client gets one worker at a
    time), until all are answered: a worker's first query waits for its process to start, which
    on a loaded machine can pass a short deadline (and the worker is then started anew)."""
    from concurrent.futures import ThreadPoolExecutor

    sources = [f"127.0.0.{30 + i}" for i in range(workers)]
    with ThreadPoolExecutor(workers) as pool:
        for _ in range(tries):
            answers = list(pool.map(lambda s: sparql(base_url, "ASK {}", source=s), sources))
            if all(a.status == 200 for a in answers):
                return
