"""A mixed load on a running `kg serve`: many clients at once, with idle and slow ones beside them.

    python bench/load.py --url http://127.0.0.1:8000/ --requests 400 --out bench/results/load.md

`--clients` threads (8) share `--requests` requests (≥ 200), drawn in a fixed rotation (ROTATION)
from pages (home, a municipality, the query catalogue, the comparison), /sparql (a cheap ASK and
a count), catalogue queries through /api/queries/…, /api/compare, /api/search, /health and a
validation of data/dataset.ttl through /api/validate. Meanwhile `--idle` sockets (20) stay connected without
sending a byte, and `--slow` clients (2) send their requests one byte at a time.

Every answer's status and latency is kept; the summary (median, p95 and max per kind, and the
statuses) goes to stdout as JSON and, with --out, to a Markdown file with the machine, the commit
and the date. Exit status 1 when any request got a 5xx or no answer.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import queue
import socket
import statistics
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.report import machine_info  # noqa: E402  (run as a script: the project root is on the path)

MUNICIPALITY = "https://w3id.org/integration-kg/id/municipality/"
# The five seed cities (README): Mönchengladbach, Dortmund, Halle, Nürnberg, Dresden.
SEED = ["05116000", "05913000", "15002000", "09564000", "14612000"]
COMPARE = "&".join(f"ags={ags}" for ags in SEED)
JSON, HTML = "application/json", "text/html"


@dataclass(frozen=True)
class Kind:
    name: str
    method: str
    path: str
    accept: str = JSON
    content_type: str | None = None


def kinds() -> dict[str, Kind]:
    q = urllib.parse.quote
    every = [
        Kind("page: home", "GET", "/?lang=de", HTML),
        Kind("page: municipality", "GET", f"/id/municipality/{SEED[4]}?lang=en", HTML),
        Kind("page: queries", "GET", "/queries?lang=de", HTML),
        Kind("page: compare", "GET", f"/compare?{COMPARE}&lang=en", HTML),
        Kind("sparql: ASK", "GET", "/sparql?query=" + q("ASK {}"),
             "application/sparql-results+json"),
        Kind("sparql: count", "GET", "/sparql?query=" + q("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
             "application/sparql-results+json"),
        Kind("catalogue: cq13", "GET", "/api/queries/cq13?" + urllib.parse.urlencode(
            {"municipality": MUNICIPALITY + SEED[4], "date": "2024-06-30"})),
        Kind("api: compare", "GET", f"/api/compare?{COMPARE}&date=2025-06-30"),
        Kind("api: search", "GET", "/api/search?q=Dresden"),
        Kind("health", "GET", "/health"),
        Kind("validation", "POST", "/api/validate?lang=en", JSON, "text/turtle"),
    ]
    return {kind.name: kind for kind in every}


# Twenty requests in the order they are sent, over and over. The pages of a municipality and a
# comparison run dozens of queries each and the validation checks a 23 KB file against every
# shape: once each per rotation, as in a public service's traffic, where monitors, SPARQL
# clients and searches ask far more often than people open pages.
ROTATION = ["page: home", "health", "sparql: ASK", "catalogue: cq13", "page: municipality",
            "api: search", "sparql: count", "health", "page: queries", "api: compare",
            "sparql: ASK", "catalogue: cq13", "page: compare", "health", "api: search",
            "sparql: count", "page: queries", "health", "sparql: ASK", "validation"]


def plan(total: int) -> list[Kind]:
    by_name = kinds()
    return [by_name[ROTATION[i % len(ROTATION)]] for i in range(total)]


@dataclass
class Answer:
    kind: str
    status: int  # 0: no answer (connection refused, reset or timed out)
    seconds: float
    error: str = ""


def _request(conn: http.client.HTTPConnection, kind: Kind, body: bytes | None) -> int:
    headers = {"Accept": kind.accept}
    if kind.content_type:
        headers["Content-Type"] = kind.content_type
    conn.request(kind.method, kind.path, body=body, headers=headers)
    response = conn.getresponse()
    response.read()
    return response.status


def client(host: str, port: int, work: queue.Queue, out: list[Answer], timeout: float,
           validation_body: bytes, source: str | None = None) -> None:
    # The server tells clients apart by their address (each has its own query budget and
    # turn): on loopback each client thread sends from an address of its own.
    address = None if source is None else (source, 0)

    def connect() -> http.client.HTTPConnection:
        return http.client.HTTPConnection(host, port, timeout=timeout, source_address=address)

    conn = connect()
    while True:
        try:
            kind = work.get_nowait()
        except queue.Empty:
            break
        body = validation_body if kind.method == "POST" else None
        start = time.perf_counter()
        try:
            try:
                status = _request(conn, kind, body)
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # A kept-alive connection the server closed between requests: one retry on a new one.
                conn.close()
                conn = connect()
                status = _request(conn, kind, body)
            out.append(Answer(kind.name, status, time.perf_counter() - start))
        except OSError as exc:
            out.append(Answer(kind.name, 0, time.perf_counter() - start, repr(exc)))
            conn.close()
            conn = connect()
    conn.close()


def idle_sockets(host: str, port: int, count: int) -> list[socket.socket]:
    held = []
    for _ in range(count):
        sock = socket.create_connection((host, port), timeout=10)
        held.append(sock)
    return held


def slow_client(host: str, port: int, stop: threading.Event, out: list[Answer],
                byte_pause: float, timeout: float) -> None:
    """Sends GET /health a byte at a time, again and again, until told to stop."""
    request = f"GET /health HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n".encode()
    while not stop.is_set():
        start = time.perf_counter()
        try:
            with socket.create_connection((host, port), timeout=timeout) as sock:
                for i in range(len(request)):
                    sock.sendall(request[i:i + 1])
                    time.sleep(byte_pause)
                head = sock.recv(64)
            status = int(head.split()[1]) if head.startswith(b"HTTP/") else 0
            out.append(Answer("slow client: health", status, time.perf_counter() - start))
        except (OSError, ValueError, IndexError) as exc:
            out.append(Answer("slow client: health", 0, time.perf_counter() - start, repr(exc)))


def run(url: str, requests: int = 200, clients: int = 8, idle: int = 20, slow: int = 2,
        byte_pause: float = 0.02, timeout: float = 120) -> dict:
    parsed = urllib.parse.urlsplit(url)
    host, port = parsed.hostname or "127.0.0.1", parsed.port or 80
    validation_body = (ROOT / "data" / "dataset.ttl").read_bytes()
    work: queue.Queue = queue.Queue()
    for kind in plan(requests):
        work.put(kind)
    answers: list[Answer] = []
    slow_answers: list[Answer] = []
    held = idle_sockets(host, port, idle)
    stop = threading.Event()
    slow_threads = [threading.Thread(target=slow_client, daemon=True,
                                     args=(host, port, stop, slow_answers, byte_pause, timeout))
                    for _ in range(slow)]
    loopback = host.startswith("127.")
    threads = [threading.Thread(target=client, daemon=True,
                                args=(host, port, work, answers, timeout, validation_body,
                                      f"127.0.0.{10 + i}" if loopback else None))
               for i in range(clients)]
    # The machine may be shared: what else ran there is part of the figures.
    load_before = round(os.getloadavg()[0], 1)
    started = time.perf_counter()
    try:
        for thread in slow_threads + threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    finally:
        stop.set()
        for thread in slow_threads:
            thread.join(timeout=timeout)
        # Still connected at the end? (The server may close idle connections after its timeout.)
        still_open = sum(1 for sock in held if _open(sock))
        for sock in held:
            sock.close()
    return summarise(answers, slow_answers, requests=requests, clients=clients, idle=idle,
                     slow=slow, seconds=elapsed, idle_open_at_end=still_open,
                     load_average_before=load_before)


def _open(sock: socket.socket) -> bool:
    sock.setblocking(False)
    try:
        return sock.recv(1) != b""
    except BlockingIOError:
        return True
    except OSError:
        return False


def summarise(answers: list[Answer], slow_answers: list[Answer], **run_facts) -> dict:
    def stats(items: list[Answer]) -> dict:
        ms = sorted(a.seconds * 1000 for a in items)
        statuses: dict[str, int] = {}
        for a in items:
            statuses[str(a.status)] = statuses.get(str(a.status), 0) + 1
        return {"n": len(items), "median_ms": round(statistics.median(ms), 1),
                "p95_ms": round(ms[min(len(ms) - 1, int(0.95 * len(ms)))], 1),
                "max_ms": round(ms[-1], 1), "statuses": statuses}

    every = answers + slow_answers
    by_kind = {}
    for name in dict.fromkeys(a.kind for a in every):
        by_kind[name] = stats([a for a in every if a.kind == name])
    return {**run_facts,
            "answered": sum(1 for a in answers if a.status),
            "unanswered": sum(1 for a in answers if not a.status),
            "server_errors": sum(1 for a in every if a.status >= 500),
            "slow_answered": sum(1 for a in slow_answers if a.status),
            "errors": sorted({a.error for a in every if a.error})[:10],
            "all": stats(answers), "kinds": by_kind}


def markdown(result: dict, url: str) -> str:
    info = machine_info()
    lines = [
        "# Mixed load on `kg serve`",
        "",
        f"- Date: {info['date']}",
        f"- Machine: {info['os']}, {info['cores']} CPU ({info['cpu']}), Python {info['python']}; "
        f"load average (1 min) when the run began: {result['load_average_before']}",
        f"- Commit: {info['commit'] or 'unknown'}",
        f"- Server: `kg serve` of the shipped data at {url} (its default settings unless noted)",
        f"- Run: {result['requests']} requests from {result['clients']} clients in "
        f"{result['seconds']:.1f} s, with {result['idle']} idle sockets held open "
        f"({result['idle_open_at_end']} still open at the end) and {result['slow']} slow "
        "clients sending their requests a byte at a time",
        f"- Answered: {result['answered']} of {result['requests']}; "
        f"5xx: {result['server_errors']}; slow clients' requests answered: "
        f"{result['slow_answered']}",
        "",
        "Command: `python bench/load.py --url URL --requests N --out bench/results/load.md`.",
        "",
        "| kind | n | median ms | p95 ms | max ms | statuses |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name, s in [*result["kinds"].items(), ("all (without slow clients)", result["all"])]:
        statuses = ", ".join(f"{k}: {v}" for k, v in sorted(s["statuses"].items()))
        lines.append(f"| {name} | {s['n']} | {s['median_ms']} | {s['p95_ms']} | {s['max_ms']} "
                     f"| {statuses} |")
    if result["errors"]:
        lines += ["", "Errors: " + "; ".join(result["errors"])]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="The running server, e.g. http://127.0.0.1:8000/")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--idle", type=int, default=20, help="Sockets held open without a byte.")
    parser.add_argument("--slow", type=int, default=2, help="Clients sending a byte at a time.")
    parser.add_argument("--byte-pause", type=float, default=0.02,
                        help="Seconds a slow client waits between bytes.")
    parser.add_argument("--out", type=Path, help="Write the Markdown summary here.")
    args = parser.parse_args(argv)
    result = run(args.url, args.requests, args.clients, args.idle, args.slow, args.byte_pause)
    print(json.dumps(result, indent=1))
    if args.out:
        args.out.write_text(markdown(result, args.url), encoding="utf-8")
    return 0 if result["server_errors"] == 0 and result["unanswered"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
