"""/metrics on a real `kg serve` of the shipped data: the Prometheus text format, requests by
route and status, latencies, query outcomes, timeouts, rejected queries, worker restarts, 429s and
the queue; and one registry per app."""

from __future__ import annotations

import pytest
from prometheus_client.parser import text_string_to_metric_families

from source_http import call, sparql, warm_up
from support import start_server, stop_server

FOREVER = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
DEEP = "SELECT * WHERE " + "{" * 300 + " ?s ?p ?o " + "}" * 300


@pytest.fixture(scope="module")
def metered(loaded_store_path):
    srv = start_server(loaded_store_path, "--query-timeout", "2", "--query-budget", "1")
    warm_up(srv.url)
    yield srv
    stop_server(srv)


def scrape(url: str) -> dict:
    """{(sample name, frozenset of labels): value} of one scrape."""
    answer = call(url, "/metrics", source="127.0.0.50")
    assert answer.status == 200
    assert answer.headers["content-type"].startswith("text/plain; version=")
    return {(s.name, frozenset(s.labels.items())): s.value
            for family in text_string_to_metric_families(answer.body.decode())
            for s in family.samples}


def value(samples: dict, name: str, **labels) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def test_requests_latencies_and_query_outcomes_are_counted(metered):
    url = metered.url
    before = scrape(url)
    for _ in range(3):
        assert call(url, "/health", source="127.0.0.51").status == 200
    assert sparql(url, "ASK { ?s ?p ?o }", source="127.0.0.51").status == 200
    assert call(url, "/nowhere", source="127.0.0.51").status == 404
    rejected = sparql(url, DEEP, source="127.0.0.51")
    assert rejected.status == 400 and "300 levels deep" in rejected.json()["message"]
    after = scrape(url)

    def grew(name, **labels):
        return value(after, name, **labels) - value(before, name, **labels)

    assert grew("kg_http_requests_total", route="/health", method="GET", status="200") == 3
    assert grew("kg_http_requests_total", route="/sparql", method="POST", status="200") == 1
    assert grew("kg_http_requests_total", route="/sparql", method="POST", status="400") == 1
    assert grew("kg_http_requests_total", route="(no route)", method="GET", status="404") == 1
    assert grew("kg_http_request_duration_seconds_count", route="/health") == 3
    assert grew("kg_http_request_duration_seconds_sum", route="/sparql") > 0
    assert grew("kg_queries_total", outcome="ok") >= 1
    assert grew("kg_queries_rejected_total") == 1
    assert grew("kg_queries_total", outcome="rejected") == 1
    assert value(after, "kg_query_workers") == 2
    assert value(after, "kg_query_queue_length") == 0 and value(after, "kg_queries_running") == 0


def test_timeouts_restarts_and_429s_are_counted(metered):
    url = metered.url
    before = scrape(url)
    assert sparql(url, FOREVER, source="127.0.0.52").status == 503  # spends the 1 s budget
    refused = sparql(url, "ASK {}", source="127.0.0.52")
    assert refused.status == 429
    after = scrape(url)

    def grew(name, **labels):
        return value(after, name, **labels) - value(before, name, **labels)

    assert grew("kg_query_timeouts_total") == 1
    assert grew("kg_queries_total", outcome="timeout") == 1
    assert grew("kg_query_worker_restarts_total") == 1
    assert grew("kg_queries_total", outcome="refused") == 1
    assert grew("kg_fair_share_refusals_total", reason="budget") == 1
    assert grew("kg_http_too_many_requests_total", route="/sparql") == 1
    assert grew("kg_http_requests_total", route="/sparql", method="POST", status="429") == 1
    assert grew("kg_query_worker_seconds_total") >= 2


def test_each_app_counts_its_own_requests(settings, store):
    from kg.web import create_app

    first, second = create_app(settings, store=store), create_app(settings, store=store)
    first.test_client().get("/health")
    first.test_client().get("/health")

    def health_count(app) -> float:
        text = app.test_client().get("/metrics").get_data(as_text=True)
        samples = {(s.name, frozenset(s.labels.items())): s.value
                   for family in text_string_to_metric_families(text) for s in family.samples}
        return value(samples, "kg_http_requests_total", route="/health", method="GET",
                     status="200")

    assert (health_count(first), health_count(second)) == (2, 0)
