"""Stoppable public queries over HTTP, on a real `kg serve` with the shipped data: a query past its
deadline is a 503 and really stops, others are answered meanwhile, absurd nesting is refused."""

import json
import os
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from source_http import sparql, warm_up
from support import start_server, stop_server

FOREVER = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
CHEAP = "ASK { ?s ?p ?o }"


@pytest.fixture(scope="module")
def slow_server(loaded_store_path):
    srv = start_server(loaded_store_path, "--query-timeout", "2", "--query-workers", "2")
    warm_up(srv.url)  # a worker's first query waits for its process to start
    yield srv
    stop_server(srv)


def ask(server, query, timeout=30):
    data = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(server.url + "sparql", data=data,
                                     headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as exc:
        return exc.code, json.load(exc)


def children_cpu_seconds(pid: int) -> float:
    """User+system CPU of the server's child processes (the query workers), from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            total += int(fields[11]) + int(fields[12])
    return total / ticks


def test_query_past_deadline_is_503_while_a_cheap_one_is_answered(slow_server):
    outcome = {}

    def run_slow():
        result = ask(slow_server, FOREVER)
        outcome["slow"] = (time.monotonic(), result)

    slow = threading.Thread(target=run_slow)
    started = time.monotonic()
    slow.start()
    time.sleep(0.5)
    # From another client: one client's own queries wait for its turn (kg.querying.fairness).
    cheap = sparql(slow_server.url, CHEAP, source="127.0.0.2")
    answered = cheap.seconds
    assert (cheap.status, cheap.json().get("boolean")) == (200, True), cheap.body
    assert answered < 1.0, f"the cheap query waited {answered:.2f} s behind the slow one"
    slow.join(30)
    finished, (status, body) = outcome["slow"]
    assert status == 503 and body["error"] == "query-timeout"
    assert "2" in body["message"]
    assert 1.5 < finished - started < 10


def test_stopped_query_leaves_the_cpu_idle(slow_server):
    ask(slow_server, FOREVER)
    time.sleep(0.5)
    # The worker that replaced the stopped one starts up and copies the store into memory (a
    # few seconds of CPU); a query still running would never let the workers settle.
    settle_until = time.monotonic() + 20
    while time.monotonic() < settle_until:
        before = children_cpu_seconds(slow_server.process.pid)
        time.sleep(0.5)
        if children_cpu_seconds(slow_server.process.pid) - before < 0.05:
            break
    before = children_cpu_seconds(slow_server.process.pid)
    time.sleep(2)
    used = children_cpu_seconds(slow_server.process.pid) - before
    assert used < 0.5, f"workers used {used:.2f} s of CPU in 2 s after the query was stopped"


def test_absurd_nesting_is_refused_and_the_server_lives_on(slow_server):
    deep = "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000
    status, body = ask(slow_server, deep)
    assert (status, body["error"]) == (400, "bad-request") and "nest" in body["message"].lower()
    assert body["detail"] == {"nesting_depth": 5000, "limit": 200}
    assert slow_server.process.poll() is None
    assert ask(slow_server, CHEAP) == (200, {"head": {}, "boolean": True})
