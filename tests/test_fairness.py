"""Fair shares of the query workers (issue 16, finding 2), on a real `kg serve` of the shipped data,
with clients told apart by their loopback source address: one client's slow queries leave others
their answers, floods and over-budget clients get 429 with Retry-After, and /health keeps
answering while queries queue."""

from __future__ import annotations

import http.client
import json
import threading
import time
import urllib.parse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing

import pytest

from kg.querying.fairness import Fairness, Limits, TooManyRequests, acting_for
from kg.running import read_record
from kg.web.clients import client_address
import remote_backend
from source_http import call, server_output, sparql, warm_up
from support import start_server, stop_server

FOREVER = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
CHEAP = "ASK { ?s ?p ?o }"
DEADLINE = 3
BUDGET = 3  # worker seconds per client per minute: one query to its deadline spends it
TURTLE = b"@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n"


@pytest.fixture(scope="module")
def fair_store(request, tmp_path_factory):
    """The shipped files loaded; on the remote backend into an Oxigraph server of this module's
    own, started with --timeout-s at our deadline as the README tells operators to: a query we
    stop at the deadline is dropped by the server then too, instead of taking its cores from
    other clients until its 60 s (closing our connection does not stop it)."""
    if not remote_backend.remote():
        yield request.getfixturevalue("loaded_store_path")
        return
    url = remote_backend.shipped_server(tmp_path_factory.mktemp("fair"),
                                        lambda: tmp_path_factory.mktemp("shipped-template"),
                                        timeout_s=str(DEADLINE))
    yield url
    remote_backend.release(url)


@pytest.fixture(scope="module")
def fair_server(fair_store):
    srv = start_server(fair_store, "--query-timeout", str(DEADLINE), "--query-workers", "2",
                       "--query-budget", str(BUDGET), "--trusted-proxies", "127.0.0.9",
                       # the server had eight request threads, which eight slow queries took
                       "--threads", "8",
                       # addresses in the logs, as an operator may ask: the test reads them there
                       "--log-client-addresses", "true")
    warm_up(srv.url)
    yield srv
    stop_server(srv)


def in_parallel(calls):
    """Start every call at once; their answers in the order given."""
    with ThreadPoolExecutor(len(calls)) as pool:
        futures = [pool.submit(c) for c in calls]
        return [f.result() for f in futures]


def background(calls):
    answers: list = []
    threads = [threading.Thread(target=lambda c=c: answers.append(c())) for c in calls]
    for thread in threads:
        thread.start()
    return threads, answers


def retry_after(answer) -> int:
    value = int(answer.headers["retry-after"])
    assert value >= 1
    return value


# -- over HTTP -----------------------------------------------------------------------------------

def test_four_slow_queries_of_one_client_leave_another_its_answers_within_a_second(fair_server):
    url = fair_server.url
    threads, slow = background([lambda: sparql(url, FOREVER, source="127.0.0.2", lang="de")] * 4)
    time.sleep(0.7)  # they are running or queued now
    for _ in range(5):
        cheap = sparql(url, CHEAP, source="127.0.0.3")
        assert (cheap.status, cheap.json()["boolean"]) == (200, True)
        assert cheap.seconds < 1.0, f"another client's ASK waited {cheap.seconds:.2f} s"
    health = call(url, "/health", source="127.0.0.3")
    assert health.status == 200 and health.seconds < 1.0
    for thread in threads:
        thread.join(30)
    kinds = Counter((a.status, a.json()["error"]) for a in slow)
    # One runs (to its deadline), two wait in the client's queue, the fourth is refused at once.
    # A waiter whose request came later than the first (its threads start apart on a busy
    # machine) has a deadline a little after the first one's end: it gets the worker then and
    # runs to its own deadline; the others' deadlines pass while they wait.
    assert kinds[(429, "too-many-requests")] == 1
    assert 1 <= kinds[(503, "query-timeout")] <= 3
    assert kinds[(429, "too-many-requests")] + kinds[(503, "query-timeout")] + kinds[(503, "unavailable")] == 4, kinds
    refused = next(a for a in slow if a.status == 429)
    assert refused.seconds < 1.0 and retry_after(refused)
    body = refused.json()
    assert body["lang"] == "de" and "laufende" in body["message"]
    assert "running" in body["messages"]["en"] and "Wait for their answers" in body["messages"]["en"]


def test_slow_queries_of_eight_clients_leave_health_answering(fair_server):
    """Eight slow queries used to take all eight request threads, so that /health stalled: now
    two run, four wait and the rest are refused at once, which leaves threads for the others."""
    url = fair_server.url
    threads, slow = background([lambda i=i: sparql(url, FOREVER, source=f"127.0.0.{10 + i}")
                                for i in range(8)])
    time.sleep(0.7)
    for _ in range(3):
        health = call(url, "/health", source="127.0.0.20")
        assert health.status == 200 and health.seconds < 1.0, health
    cheap = sparql(url, CHEAP, source="127.0.0.21")
    assert cheap.seconds < 1.0  # answered at once, if only with "busy, retry"
    assert cheap.status in (200, 503)
    for thread in threads:
        thread.join(30)
    busy = [a for a in slow if a.status == 503 and a.json()["error"] == "busy"]
    assert len(busy) >= 1 and all(a.seconds < 1.0 and retry_after(a) for a in busy)
    assert all(a.status == 503 for a in slow) and max(a.seconds for a in slow) < 4 * DEADLINE


def test_a_flood_from_one_client_gets_429s_and_others_are_served(fair_server):
    """The issue sent 2,000 requests in 3 s from one client and got no 429. The same 2,000 here,
    on 8 connections kept open as a flooding client would (this server answers about 150 a
    second on a loaded 2-core machine, so they take longer than 3 s: more time for the budget to
    refill, which makes 429s less likely, not more)."""
    url = fair_server.url
    warm_up(url)
    body = urllib.parse.urlencode({"query": CHEAP}).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded",
               "Accept": "application/sparql-results+json"}

    def flood(n: int) -> tuple[Counter, list[str | None]]:
        statuses: Counter = Counter()
        waits: list[str | None] = []
        parts = urllib.parse.urlsplit(url)
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60,
                                          source_address=("127.0.0.4", 0))
        with closing(conn):
            for _ in range(n):
                conn.request("POST", "/sparql", body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                statuses[response.status] += 1
                if response.status == 429:
                    waits.append(response.getheader("Retry-After"))
        return statuses, waits

    with ThreadPoolExecutor(8) as pool:
        floods = [pool.submit(flood, 250) for _ in range(8)]
        time.sleep(0.5)
        other = [sparql(url, CHEAP, source="127.0.0.3") for _ in range(3)]
        results = [f.result() for f in floods]
    statuses = sum((r[0] for r in results), Counter())
    waits = [w for r in results for w in r[1]]
    assert sum(statuses.values()) == 2000
    assert statuses[429] > 0 and set(statuses) <= {200, 429}, statuses
    assert len(waits) == statuses[429] and all(w is not None and int(w) >= 1 for w in waits)
    assert [a.status for a in other] == [200] * 3
    assert max(a.seconds for a in other) < 1.0, [a.seconds for a in other]


def test_over_budget_client_gets_429_for_queries_validations_and_submissions(fair_server):
    url, me = fair_server.url, "127.0.0.6"
    assert sparql(url, FOREVER, source=me).status == 503  # DEADLINE worker seconds: the budget
    refused = sparql(url, CHEAP, source=me, lang="de")
    assert refused.status == 429 and refused.json()["error"] == "too-many-requests"
    wait = retry_after(refused)
    assert wait <= 60 * (DEADLINE + 1) / BUDGET  # the time the bucket needs to refill
    assert f"{BUDGET} s" in refused.json()["message"] and "Minute" in refused.json()["message"]
    assert "per minute" in refused.json()["messages"]["en"]
    validation = call(url, "/api/validate", source=me, method="POST", body=TURTLE,
                      headers={"Content-Type": "text/turtle"})
    assert validation.status == 429 and retry_after(validation)
    token = read_record(str(fair_server.local)).token
    submission = call(url, "/api/submissions", source=me, method="POST", body=TURTLE,
                      headers={"Content-Type": "text/turtle", "Authorization": f"Bearer {token}"})
    assert submission.status == 429 and retry_after(submission)
    assert sparql(url, CHEAP, source="127.0.0.7").status == 200  # someone else's budget is whole


def test_validations_spend_the_budget(fair_server):
    url, me = fair_server.url, "127.0.0.8"
    statuses = []
    for _ in range(200):
        answer = call(url, "/api/validate", source=me, method="POST", body=TURTLE,
                      headers={"Content-Type": "text/turtle"})
        statuses.append(answer.status)
        if answer.status == 429:
            break
    # A worker's first validation loads the SHACL engine (2-3 s here, so some may reach the
    # deadline): either way the worker's time is the client's.
    assert statuses[-1] == 429 and set(statuses[:-1]) <= {200, 503}, statuses
    assert sparql(url, CHEAP, source=me).status == 429  # the same budget as queries


def test_forwarded_for_names_the_client_only_from_a_trusted_proxy(fair_server):
    url = fair_server.url
    call(url, "/health?via=proxy", source="127.0.0.9", headers={"X-Forwarded-For": "203.0.113.7"})
    call(url, "/health?via=other", source="127.0.0.2", headers={"X-Forwarded-For": "203.0.113.8"})
    lines = [json.loads(line) for line in server_output(fair_server.process.pid).splitlines()
             if line.startswith("{")]
    clients = [line["client"] for line in lines
               if line.get("event") == "request" and line.get("params") == ["via"]]
    assert clients == ["203.0.113.7", "127.0.0.2"]


# -- the rules themselves ------------------------------------------------------------------------

@pytest.mark.parametrize(("peer", "header", "client"), [
    ("127.0.0.9", "203.0.113.7", "203.0.113.7"),
    ("127.0.0.9", "198.51.100.1, 203.0.113.7", "203.0.113.7"),  # the left one may be made up
    ("127.0.0.9", "203.0.113.7, 127.0.0.9", "203.0.113.7"),  # a chain of our proxies
    ("127.0.0.9", "not-an-address", "127.0.0.9"),
    ("127.0.0.2", "203.0.113.7", "127.0.0.2"),  # not a trusted proxy: the header is ignored
    ("127.0.0.9", None, "127.0.0.9"),
])
def test_client_address(peer, header, client):
    from kg.config import trusted_networks
    assert client_address(peer, header, trusted_networks(("127.0.0.9",))) == client


def test_turns_go_round_robin_across_clients_not_first_come_first_served():
    fairness = Fairness(1, Limits(max_in_flight=1, max_queued=5))
    order: list[str] = []
    release = threading.Event()
    holding = threading.Event()

    def run(client: str, hold: bool = False) -> None:
        with acting_for(client), fairness.turn(None, None):
            order.append(client)  # one worker: turns and this list have the same order
            if hold:
                holding.set()
                release.wait(10)

    holder = threading.Thread(target=run, args=("C", True))
    holder.start()
    holding.wait(10)
    queued = []
    for client in ("A", "A", "A", "B", "B"):
        queued.append(threading.Thread(target=run, args=(client,)))
        queued[-1].start()
        while fairness.queued() < len(queued):
            time.sleep(0.01)
    release.set()
    for thread in [holder, *queued]:
        thread.join(10)
    # First come, first served would give A, A, A, B, B.
    assert order == ["C", "A", "B", "A", "B", "A"]


def test_a_client_never_takes_every_worker():
    assert Fairness(2, Limits(max_in_flight=5)).cap == 1
    assert Fairness(4, Limits(max_in_flight=2)).cap == 2
    assert Fairness(1, Limits(max_in_flight=2)).cap == 1


def test_the_budget_refills_at_its_rate():
    now = [0.0]
    fairness = Fairness(2, Limits(budget=6, min_charge=0.01), clock=lambda: now[0])
    with acting_for("a"), fairness.turn(None, None):
        now[0] += 7  # ran 7 s: one over budget
    with pytest.raises(TooManyRequests) as exc:
        with acting_for("a"), fairness.turn(None, None):
            pass
    # Refilling at 6 s per 60 s, 1.01 s of budget come back in 10.1 s.
    assert exc.value.detail["retry_after"] == 11
    now[0] += 11
    with acting_for("a"), fairness.turn(None, None):
        pass
    with acting_for("b"), fairness.turn(None, None):  # another client's budget is its own
        pass
