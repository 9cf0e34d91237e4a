"""/metrics: the server's counters in the Prometheus text format, for operators' monitoring.

One registry per app (the app factory rule: tests start many apps in one process, and a module
global would mix their counts). Requests are counted here as they pass; what happens in the
query workers is counted by the pool (kg.querying.pool.WorkerPool.stats) and read at each scrape.

Who may read it is the `metrics` setting: public (the default: scrapers usually have no token,
and no label names a client), admin (the admin token) or off (no route, no counting). Label
values come from the server's own lists (route patterns, known methods, status codes), never
verbatim from a request: a client-chosen value would be one more series per request, memory
without bound.
"""

from __future__ import annotations

import time

from flask import Blueprint, Flask, Response, current_app, g, request
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram
from prometheus_client import generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily

from kg.web.admin import require_token
from kg.web.context import QUERY_RUNNER_KEY, SETTINGS_KEY, get_settings

bp = Blueprint("metrics", __name__)

METRICS_KEY = "kg.metrics"
# Requests take from a millisecond (/health) to the query deadline (30 s by default).
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
OUTCOMES = ("ok", "error", "rejected", "timeout", "crashed", "refused", "busy")
# HTTP's methods (RFC 9110, and PATCH); anything else a client makes up is counted as "other".
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "CONNECT",
                     "TRACE"})


class Metrics:
    def __init__(self, runner) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter("kg_http_requests", "HTTP requests answered, by route pattern, "
                                "method and status.", ["route", "method", "status"],
                                registry=self.registry)
        self.latency = Histogram("kg_http_request_duration_seconds", "Time to answer a request "
                                 "(until the response starts), by route pattern.", ["route"],
                                 buckets=LATENCY_BUCKETS, registry=self.registry)
        self.too_many = Counter("kg_http_too_many_requests", "Requests refused with 429 because "
                                "their client used its share (budget or running queries).",
                                ["route"], registry=self.registry)
        self.registry.register(_QueryCollector(runner))


class _QueryCollector:
    """The query pool's own counts, read when Prometheus scrapes."""

    def __init__(self, runner) -> None:
        self.runner = runner

    def collect(self):
        stats = getattr(self.runner, "stats", None)
        if stats is None:  # an in-process runner has no workers, queue or deadline
            return
        s = stats()
        outcomes = CounterMetricFamily("kg_queries", "Queries and validations run in the query "
                                       "workers, by outcome (rejected: refused by the guard "
                                       "before the engine; refused: over the client's share; "
                                       "busy: no worker in time).", labels=["outcome"])
        for outcome in OUTCOMES:
            outcomes.add_metric([outcome], s["outcomes"].get(outcome, 0))
        yield outcomes
        yield CounterMetricFamily("kg_query_timeouts", "Queries and validations stopped at "
                                  "their deadline.", value=s["outcomes"].get("timeout", 0))
        yield CounterMetricFamily("kg_queries_rejected", "Queries the guard refused with a 400 "
                                  "before they reached the engine (e.g. too deep nesting).",
                                  value=s["outcomes"].get("rejected", 0))
        yield CounterMetricFamily("kg_query_worker_restarts", "Query workers killed (deadline) "
                                  "or crashed and replaced.", value=s["restarts"])
        refused = CounterMetricFamily("kg_fair_share_refusals", "Queries refused to keep shares "
                                      "fair, by reason.", labels=["reason"])
        for reason, count in sorted(s["refused"].items()):
            refused.add_metric([reason], count)
        yield refused
        yield CounterMetricFamily("kg_query_worker_seconds", "Worker seconds charged to "
                                  "clients.", value=s["charged_seconds"])
        yield GaugeMetricFamily("kg_query_queue_length", "Queries waiting for a worker.",
                                value=s["queued"])
        yield GaugeMetricFamily("kg_queries_running", "Queries running in a worker.",
                                value=s["running"])
        yield GaugeMetricFamily("kg_query_workers", "Query worker processes.", value=s["workers"])


def register(app: Flask) -> None:
    if app.extensions[SETTINGS_KEY].metrics == "off":
        return  # nobody may read the counts, so none are kept; /metrics is a 404
    metrics = app.extensions[METRICS_KEY] = Metrics(app.extensions[QUERY_RUNNER_KEY])

    @app.before_request
    def _start_clock() -> None:
        g.kg_metrics_started = time.perf_counter()

    @app.after_request
    def _count(response: Response) -> Response:
        route = request.url_rule.rule if request.url_rule is not None else "(no route)"
        method = request.method if request.method in METHODS else "other"
        metrics.requests.labels(route, method, str(response.status_code)).inc()
        started = g.get("kg_metrics_started")
        if started is not None:
            metrics.latency.labels(route).observe(time.perf_counter() - started)
        if response.status_code == 429:
            metrics.too_many.labels(route).inc()
        return response

    app.register_blueprint(bp)


@bp.get("/metrics")
def scrape() -> Response:
    if get_settings().metrics == "admin":
        require_token()
    registry = current_app.extensions[METRICS_KEY].registry
    return Response(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)
