"""Warm times of the competency queries through a running `kg serve` (its /sparql): a measurement
to read, not a test.

    .venv/bin/kg serve &                      # the shipped graph, or any store
    .venv/bin/python queries/tools/time_queries.py                        # every query, defaults
    .venv/bin/python queries/tools/time_queries.py cq08 --runs 20 \\
        --param municipality=https://w3id.org/integration-kg/id/municipality/14612000,https://w3id.org/integration-kg/id/municipality/09564000 \\
        --param date=2020-01-01

Each query is sent once to warm up, then --runs times. For each it prints the rows and the median,
minimum and maximum wall time of a request (sent, answered as SPARQL JSON, read to the end), in ms,
and whether the median is within --goal ms. A parameter is bound as the tests and the benchmark
bind it: a VALUES block with the value as an RDF term, first in the query's outer WHERE; an
`iri-list` parameter takes values separated by commas; a parameter not given keeps its default.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

QUERY_DIR = Path(__file__).resolve().parents[1] / "cq"
XSD = "http://www.w3.org/2001/XMLSchema#"


def header_params(text: str) -> dict[str, str]:
    """name -> kind, from the query's `#+ param: name | kind | default | help | help` lines."""
    kinds = {}
    for line in text.splitlines():
        if line.startswith("#+ param:"):
            name, kind = [part.strip() for part in line[len("#+ param:"):].split("|")[:2]]
            kinds[name] = kind
    return kinds


def term(kind: str, value: str) -> str:
    """A parameter value as a SPARQL term; refuses what is not one of its kind."""
    if kind in ("iri", "iri-list"):
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]*", value):
            raise ValueError(f"not an IRI: {value!r}")
        return f"<{value}>"
    if kind == "date":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError(f"not a date (YYYY-MM-DD): {value!r}")
        return f'"{value}"^^<{XSD}date>'
    if kind == "integer":
        return f'"{int(value)}"^^<{XSD}integer>'
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid SPARQL string literal


def bind(text: str, values: dict[str, str]) -> str:
    kinds = header_params(text)
    blocks = []
    for name, raw in values.items():
        if name not in kinds:
            continue
        items = raw.split(",") if kinds[name] == "iri-list" else [raw]
        blocks.append(f"VALUES ?{name} {{ {' '.join(term(kinds[name], v.strip()) for v in items)} }}")
    if not blocks:
        return text
    where = re.search(r"^WHERE\s*\{", text, re.MULTILINE)
    if where is None:
        raise ValueError("no line starting with `WHERE {` to bind parameters in")
    return text[: where.end()] + "\n  " + "\n  ".join(blocks) + text[where.end():]


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
    parser.add_argument("--endpoint", default="http://127.0.0.1:8080/sparql")
    parser.add_argument("--runs", type=int, default=10, help="timed runs per query after one warm-up (default 10)")
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                        help="bind a parameter in every query that declares it (repeatable)")
    parser.add_argument("--goal", type=float, default=100.0, help="goal for the warm median, in ms (default 100)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for one answer")
    args = parser.parse_args(argv)
    values = dict(p.split("=", 1) for p in args.param)
    paths = [p for p in sorted(QUERY_DIR.glob("cq*.rq")) if not args.ids or p.name[:4] in args.ids]
    if not paths:
        parser.error(f"no query matches {args.ids} in {QUERY_DIR}")
    print(f"{args.endpoint}, {args.runs} warm runs each" + (f", {values}" if values else ""))
    print(f"{'query':<6} {'rows':>6} {'median':>9} {'min':>9} {'max':>9}")
    missed = 0
    for path in paths:
        query = bind(path.read_text(encoding="utf-8"), values)
        try:
            ask(args.endpoint, query, args.timeout)
            times, rows = [], 0
            for _ in range(args.runs):
                seconds, rows = ask(args.endpoint, query, args.timeout)
                times.append(seconds * 1000)
        except (urllib.error.URLError, TimeoutError) as exc:
            detail = exc.read().decode("utf-8", "replace")[:200] if isinstance(exc, urllib.error.HTTPError) else ""
            print(f"{path.name[:4]:<6} failed: {exc} {detail}")
            missed += 1
            continue
        median = statistics.median(times)
        verdict = "ok" if median <= args.goal else f"over {args.goal:.0f} ms"
        missed += median > args.goal
        print(f"{path.name[:4]:<6} {rows:>6} {median:>7.1f}ms {min(times):>7.1f}ms {max(times):>7.1f}ms  {verdict}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
