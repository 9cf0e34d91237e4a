"""/metrics on a real `kg serve` of the shipped data: the Prometheus text format, requests by
route and status, latencies, query outcomes, timeouts, rejected queries, worker restarts, 429s and
the queue; one registry per app; no label that names a client; and who may read it (the
`metrics` setting: public, admin, off)."""

from __future__ import annotations

import pytest
from prometheus_client.parser import text_string_to_metric_families

from remote_backend import remote
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
    # A worker process stopped at the deadline is replaced; a remote store's query is an HTTP
    # call that is closed instead, and no worker needs replacing.
    assert grew("kg_query_worker_restarts_total") == (0 if remote() else 1)
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


def test_no_label_names_a_client_or_repeats_what_a_request_made_up(metered, app):
    """/metrics is public by default: its labels name routes, methods and statuses, never an
    address, a header, a path or a parameter as sent, nor any string a client chose (each would
    be one more series, kept for ever)."""
    url = metered.url
    marks = ("127.0.0.77", "203.0.113.99", "zz-marker-path", "zz-marker-param", "zz-marker-agent",
             "BREW")
    headers = {"X-Forwarded-For": "203.0.113.99", "User-Agent": "zz-marker-agent"}
    assert call(url, "/id/zz-marker-path?q=zz-marker-param", source="127.0.0.77",
                headers=headers).status == 404
    assert call(url, "/health?zz-marker-param=1", source="127.0.0.77", headers=headers,
                method="BREW").status in (400, 405, 501)
    assert sparql(url, "ASK { ?s ?p 'zz-marker-param' }", source="127.0.0.77").status == 200
    text = call(url, "/metrics", source="127.0.0.50").body.decode()
    for mark in marks:
        assert mark not in text
    routes = {rule.rule for rule in app.url_map.iter_rules()} | {"(no route)"}
    labels: dict[str, set[str]] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            for name, label in sample.labels.items():
                labels.setdefault(name, set()).add(label)
    assert set(labels) <= {"route", "method", "status", "outcome", "reason", "le"}, labels
    assert labels["route"] <= routes, labels["route"] - routes
    assert "other" in labels["method"]
    assert labels["method"] <= {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH",
                                "other"}
    assert all(status.isdigit() for status in labels["status"])


TOKEN = "metrics-test-token-0123456789"


@pytest.fixture(scope="module")
def private_metrics(tmp_path_factory):
    # A store of its own (the metered server holds the loaded one); an empty one is enough here.
    store = tmp_path_factory.mktemp("private-metrics") / "store"
    srv = start_server(store, "--metrics", "admin", "--admin-token", TOKEN)
    yield srv
    stop_server(srv)


def test_admin_metrics_need_the_admin_token(private_metrics):
    url = private_metrics.url
    missing = call(url, "/metrics", headers={"Accept-Language": "de"})
    assert missing.status == 401 and missing.headers["www-authenticate"].startswith("Bearer")
    assert "Authorization: Bearer" in missing.json()["message"] and missing.json()["lang"] == "de"
    assert set(missing.json()["messages"]) == {"en", "de"}
    assert call(url, "/metrics", headers={"Authorization": TOKEN}).status == 401  # no "Bearer "
    assert call(url, "/metrics", headers={"Authorization": "Bearer wrong"}).status == 403
    granted = call(url, "/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert granted.status == 200 and b"kg_http_requests_total" in granted.body
    assert call(url, "/health").status == 200  # only /metrics is behind the token


def test_metrics_off_is_a_404(store, tmp_path):
    from kg.config import load_settings
    from kg.web import create_app

    settings = load_settings({"store": str(tmp_path / "store"), "query_workers": 1},
                             environ={"KG_METRICS": "off"})
    assert settings.metrics == "off"
    client = create_app(settings, store=store).test_client()
    answer = client.get("/metrics", headers={"Accept-Language": "de",
                                             "Accept": "application/json"})
    assert answer.status_code == 404
    assert set(answer.get_json()["messages"]) == {"en", "de"}
    assert "/metrics" in answer.get_json()["message"]
    assert client.get("/health").status_code == 200


def test_an_unknown_metrics_mode_is_refused_at_start_up():
    from kg.config import load_settings
    from kg.errors import BadRequest

    with pytest.raises(BadRequest) as exc:
        load_settings(environ={"KG_METRICS": "private"})
    assert "KG_METRICS" in exc.value.message and "public, admin, off" in exc.value.message
