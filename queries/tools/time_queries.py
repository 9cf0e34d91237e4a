"""Warm times of the competency queries through a running `kg serve` (its /sparql): a measurement
to read, not a test.

    .venv/bin/kg serve &                      # the shipped graph, or any store
    .venv/bin/python queries/tools/time_queries.py                        # every query, defaults
    .venv/bin/python queries/tools/time_queries.py cq08 --runs 20 \\
        --param municipality=https://w3id.org/integration-kg/id/municipality/14612000,https://w3id.org/integration-kg/id/municipality/09564000 \\
        --param date=2020-01-01

Each query is sent once to warm up, then --runs times. For each it prints the rows and the median,
minimum and maximum wall time of a request (sent, answered as SPARQL JSON, read to the end), in ms,
and whether the median (of the first endpoint) is within --goal ms. Parameters are bound by kg.catalog, as the tests and
the benchmark bind them; an `iri-list` parameter takes values separated by commas; a parameter not
given keeps its default, a required one (cq12's municipality, cq22's subject) takes the example its
header documents.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

QUERIES = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(QUERIES.parent))  # run as a script: the kg of this checkout

from kg.catalog import Query, load_catalog  # noqa: E402
from kg.errors import KGError  # noqa: E402


def bind(query: Query, values: dict[str, str]) -> str:
    """`values` bound where `query` declares them: one --param serves every query that has it."""
    bound: dict[str, str | list[str]] = {}
    for name, value in values.items():
        param = query.param(name)
        if param:
            bound[name] = [v.strip() for v in value.split(",")] if param.kind == "iri-list" else value
    # unbound, a required parameter would be refused: the header's example is what it means to time
    examples = {p.name: p.example_value() for p in query.params if p.required and not bound.get(p.name)}
    return query.bind({**bound, **examples})


def ask(endpoint: str, query: str, timeout: float) -> tuple[float, int]:
    request = urllib.request.Request(endpoint, data=query.encode("utf-8"), method="POST", headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=timeout) as response:
        body = response.read()
    seconds = time.perf_counter() - started
    return seconds, len(json.loads(body)["results"]["bindings"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ids", nargs="*", help="query ids (cq01 …); default: all")
    parser.add_argument("--endpoint", action="append", default=[],
                        help="default http://127.0.0.1:8080/sparql; given more than once, the "
                             "endpoints are asked in turn, run by run, so that all of them meet "
                             "the same load on a shared machine (e.g. --replica memory and disk)")
    parser.add_argument("--runs", type=int, default=10, help="timed runs per query after one warm-up (default 10)")
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                        help="bind a parameter in every query that declares it (repeatable)")
    parser.add_argument("--goal", type=float, default=100.0, help="goal for the warm median, in ms (default 100)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for one answer")
    args = parser.parse_args(argv)
    endpoints = args.endpoint or ["http://127.0.0.1:8080/sparql"]
    values = dict(p.split("=", 1) for p in args.param)
    queries = [q for q in load_catalog(QUERIES) if not args.ids or q.id in args.ids]
    if not queries:
        parser.error(f"no query matches {args.ids} in {QUERIES}")
    try:
        texts = {query.id: bind(query, values) for query in queries}
    except KGError as exc:
        parser.error(str(exc))
    print(f"{', '.join(endpoints)}, {args.runs} warm runs each" + (f", {values}" if values else ""))
    print(f"{'query':<6} {'rows':>6} " + " | ".join(f"{'median':>9} {'min':>9} {'max':>9}" for _ in endpoints))
    missed = 0
    for query_id, query in texts.items():
        times: list[list[float]] = [[] for _ in endpoints]
        try:
            for endpoint in endpoints:
                ask(endpoint, query, args.timeout)
            for _ in range(args.runs):
                for index, endpoint in enumerate(endpoints):
                    seconds, rows = ask(endpoint, query, args.timeout)
                    times[index].append(seconds * 1000)
        except (urllib.error.URLError, TimeoutError) as exc:
            detail = exc.read().decode("utf-8", "replace")[:200] if isinstance(exc, urllib.error.HTTPError) else ""
            print(f"{query_id:<6} failed: {exc} {detail}")
            missed += 1
            continue
        medians = [statistics.median(t) for t in times]
        verdict = "ok" if medians[0] <= args.goal else f"over {args.goal:.0f} ms"
        missed += medians[0] > args.goal
        cells = " | ".join(f"{m:>7.1f}ms {min(t):>7.1f}ms {max(t):>7.1f}ms" for m, t in zip(medians, times))
        print(f"{query_id:<6} {rows:>6} {cells}  {verdict}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
