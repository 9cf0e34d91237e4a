"""Benchmarks: integration-kg beside its engine and the Python alternatives, on one synthetic graph.

    python bench/run.py --quick      # scale 0.05: a few minutes
    python bench/run.py              # scale 1 (national, ~1.6 M triples): bounded, about half an hour

In one run, on the same data (bench/generate.py), side by side:

  kg               integration-kg over HTTP: `kg load` into a fresh store from a project root that
                   holds the synthetic file in data/ and the real ontology/ and shapes/, then a
                   real `kg serve`, queried by POST /sparql
  oxigraph         pyoxigraph in-process, everything in one merged default graph (plus one named
                   graph per file, for GRAPH), on disk, loaded with bulk_load: the engine's limit,
                   the baseline every ratio is against
  oxigraph-server  the Oxigraph server (PyPI package `oxigraph`) over HTTP, on the same quads
  kg-remote        integration-kg on that server: `kg load --store URL` into an empty Oxigraph
                   server of its own, then `kg serve --store URL`, queried by POST /sparql
  rdflib           rdflib's in-memory Graph, in-process (what a Python researcher would write)
  rdflib-endpoint  rdflib-endpoint (FastAPI) under uvicorn over the same rdflib Graph, over HTTP

Figures: load rate (input triples per second) and peak memory of each; per catalogue query
(queries/cq/*.rq) the cold time (first execution) and the warm median and p95 over N different
parameter bindings (municipalities, sets of 6 for the comparison query, events, dates), each as a
ratio to the baseline; the comparison of 2 and of 6 municipalities (cq08); requests per second
of a cheap query (one label by IRI) and a heavy one (cq08 over 6 municipalities) with 1, 4 and 16
concurrent clients. Every execution is bounded by --cap (reported as "> cap"), every series by
--budget. Results go to bench/results/ as Markdown (and JSON), with the machine, commit, date and
versions; --update-readme puts the summary into README.md.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import random
import re
import shutil
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import generate  # noqa: E402  (run as a script: the project root is on the path)
from bench.search import measure_search  # noqa: E402
from bench.engines import (  # noqa: E402
    Exec, HttpEngine, OxigraphEngine, RdflibEngine, RssSampler, WorkerClient, free_port, run_measured, start, stop,
    stop_all)
from bench.report import (  # noqa: E402
    BASELINE, ENGINE_NAMES, ENGINES, machine_info, readme_summary, render, stats, summary_cell, update_readme)
from kg.catalog import load_catalog  # noqa: E402

IKG = "https://w3id.org/integration-kg/ontology#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# =============================================================================================
# Settings


@dataclass
class Settings:
    scale: float
    seed: int
    cap: float  # seconds, per execution
    budget: float  # seconds, per series of warm executions
    engine_limit: float  # seconds of catalogue series per engine
    bindings: int
    duration: float  # seconds, per throughput measurement
    clients: list[int]
    engines: list[str]
    workdir: Path
    out: Path
    quick: bool
    keep: bool
    heavy: str
    update_readme: bool
    queries: list[str] | None = None
    from_json: Path | None = None
    out_given: Path | None = None
    kg_args: list[str] = field(default_factory=list)
    remote_load_limit: float = 3600.0  # seconds for `kg load --store URL` before it is ended


def parse_args(argv: list[str] | None) -> Settings:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 2)[2],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="small and short: scale 0.05, cap 2 s, budget 5 s, 90 s per engine, 1 s per throughput figure")
    parser.add_argument("--scale", type=float, help="size of the synthetic graph (1 = national, ~1.6 M triples)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the data and of the parameter choice")
    parser.add_argument("--cap", type=float, help="seconds one execution may take before it counts as '> cap'")
    parser.add_argument("--budget", type=float, help="seconds of warm executions per query and engine")
    parser.add_argument("--bindings", type=int, default=20, help="parameter bindings per query (default 20)")
    parser.add_argument("--engine-limit", type=float,
                        help="seconds of catalogue queries per engine; series after it are not run (reported)")
    parser.add_argument("--duration", type=float, help="seconds per throughput figure")
    parser.add_argument("--clients", default="1,4,16", help="concurrent clients for throughput (default 1,4,16)")
    parser.add_argument("--engines", default=",".join(ENGINES),
                        help=f"which to run, of {','.join(ENGINES)} (the baseline '{BASELINE}' always runs)")
    parser.add_argument("--queries", help="only these catalogue queries, e.g. cq01,cq08 (default: all)")
    parser.add_argument("--heavy", default="cq08", help="catalogue query for heavy-query throughput (default cq08, 6 municipalities)")
    parser.add_argument("--workdir", type=Path, default=ROOT / "var" / "bench", help="data and stores (default var/bench)")
    parser.add_argument("--out", type=Path, help="results Markdown file (default bench/results/national-scale[-quick].md)")
    parser.add_argument("--keep", action="store_true", help="keep the stores in --workdir afterwards")
    parser.add_argument("--update-readme", action="store_true", help="write the summary into README.md's Benchmarks section")
    parser.add_argument("--from-json", type=Path, metavar="JSON",
                        help="measure nothing: write the Markdown (and with --update-readme the README summary) "
                             "again from a run's JSON")
    parser.add_argument("--kg-arg", action="append", default=[], metavar="ARG",
                        help="extra argument for `kg serve` (repeatable), e.g. --kg-arg=--query-workers=2")
    parser.add_argument("--remote-load-limit", type=float, default=3600.0, metavar="SECONDS",
                        help="seconds `kg load --store URL` may take before it is ended and kg-remote "
                             "reported as failed (default 3600)")
    args = parser.parse_args(argv)
    quick = args.quick
    scale = args.scale if args.scale is not None else (0.05 if quick else 1.0)
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    unknown = sorted(set(engines) - set(ENGINES))
    if unknown:
        parser.error(f"unknown engine(s): {', '.join(unknown)}")
    if BASELINE not in engines:
        engines.insert(0, BASELINE)
    if args.out is None:
        if scale == 1.0 and not quick:
            out = BENCH / "results" / "national-scale.md"
        elif quick and scale == 0.05:
            out = BENCH / "results" / "national-scale-quick.md"
        else:
            out = BENCH / "results" / f"scale-{scale:g}.md"
    else:
        out = args.out
    return Settings(
        scale=scale, seed=args.seed,
        cap=args.cap if args.cap is not None else (2.0 if quick else 10.0),
        budget=args.budget if args.budget is not None else (5.0 if quick else 15.0),
        engine_limit=args.engine_limit if args.engine_limit is not None else (90.0 if quick else 240.0),
        bindings=max(1, args.bindings),
        duration=args.duration if args.duration is not None else (1.0 if quick else 5.0),
        clients=[int(c) for c in args.clients.split(",") if c.strip()],
        engines=[e for e in ENGINES if e in engines], workdir=args.workdir.resolve(), out=out,
        quick=quick, keep=args.keep, heavy=args.heavy, update_readme=args.update_readme,
        kg_args=args.kg_arg, queries=[q.strip() for q in args.queries.split(",")] if args.queries else None,
        from_json=args.from_json, out_given=args.out, remote_load_limit=args.remote_load_limit)


# =============================================================================================
# What to run: parameter bindings for every catalogue query


@dataclass
class Series:
    key: str  # cq01 … cq12, cq08x2
    label: str
    texts: list[str]
    subst: list[dict] | None  # pyoxigraph substitutions for the same bindings, where possible


def build_plan(settings: Settings, municipalities: list[tuple[str, int]], events: list[str]) -> tuple[list[Series], list[str], list[str]]:
    """Series for every catalogue query (and cq08 over 2 municipalities), texts of the cheap and
    the heavy throughput query. Municipalities: (IRI, population) of those with an administration."""
    rng = random.Random(settings.seed)
    n = settings.bindings
    by_size = sorted(municipalities, key=lambda m: (-m[1], m[0]))
    large = [m[0] for m in by_size[: max(1, n // 2)]]
    rest = [m[0] for m in by_size[len(large):]]
    others = rng.sample(rest, min(len(rest), n - len(large))) if rest else []
    # alternate large and other municipalities, so that a series cut short still has both
    singles = [m for pair in itertools.zip_longest(large, others) for m in pair if m]
    while len(singles) < n:
        singles.append(by_size[len(singles) % len(by_size)][0])
    pool = [m[0] for m in municipalities]
    sets = {k: [rng.sample(pool, min(k, len(pool))) for _ in range(n)] for k in (2, 6)}
    event_choice = [events[i % len(events)] for i in range(n)] if events else []
    if events:
        event_choice = rng.sample(events, min(n, len(events))) + event_choice[: max(0, n - len(events))]
    dates = [f"{rng.randint(2012, 2025)}-06-30" for _ in range(n)]

    plan: list[Series] = []
    for query in load_catalog():
        if settings.queries and query.id not in settings.queries:
            continue
        if not query.params:
            plan.append(Series(query.id, query.titles["en"], [query.text] * n, [{}] * n))
            continue
        texts, substs = [], []
        # substitutions take one term per variable, and only for variables the query projects
        projection = re.split(r"\bWHERE\b", query.text.split("SELECT", 1)[-1], maxsplit=1)[0]
        single_valued = all(p.kind != "iri-list" and re.search(rf"\?{p.name}\b", projection)
                            for p in query.params)
        for i in range(n):
            values: dict[str, str | list[str]] = {}
            for p in query.params:
                if p.name == "municipality":
                    values[p.name] = sets[6][i] if p.kind == "iri-list" else singles[i]
                elif p.name == "event" and event_choice:
                    values[p.name] = event_choice[i]
                elif p.name == "date":
                    values[p.name] = dates[i]
                elif p.name == "subject":  # cq22 (required): a municipality's sources, as /compare asks
                    values[p.name] = [singles[i]]
                elif p.required:  # unbound it would be refused: the header's example
                    values[p.name] = p.example_value()
            texts.append(query.bind(values))
            substs.append({name: [query.param(name).kind, value] for name, value in values.items()})
        label = query.titles["en"] + (" (6 municipalities)" if query.param("municipality") and
                               query.param("municipality").kind == "iri-list" else "")
        plan.append(Series(query.id, label, texts, substs if single_valued else None))
        if query.id == "cq08":
            plan.append(Series("cq08x2", query.titles["en"] + " (2 municipalities)",
                               [query.bind({"municipality": sets[2][i], "date": dates[i]})
                                for i in range(n)], None))
    cheap = [f"SELECT ?label WHERE {{ <{m}> <{RDFS_LABEL}> ?label }}" for m in singles]
    heavy_series = next((s for s in plan if s.key == settings.heavy), None)
    heavy = heavy_series.texts if heavy_series else []
    return plan, cheap, heavy


# =============================================================================================
# Measuring


def measure_series(engine, series: Series, settings: Settings, use_subst: bool = False) -> dict:
    def run(i: int) -> Exec:
        subst = series.subst[i] if use_subst and series.subst else None
        result = engine.execute(series.texts[i], subst)
        if result.status == "ok" and result.ms > settings.cap * 1000:  # answered, but after the cap
            return Exec("cap", detail=f"> {settings.cap:g} s")
        return result

    cold = run(0)
    result = {"cold": cold.ms if cold.status == "ok" else None, "warm": [], "rows": [],
              "status": cold.status, "detail": cold.detail}
    if cold.status != "ok":
        return result
    started = time.monotonic()
    for i in range(len(series.texts)):
        r = run(i)
        if r.status != "ok":
            result.update(status=r.status, detail=r.detail)
            break
        result["warm"].append(r.ms)
        result["rows"].append(r.rows)
        if time.monotonic() - started > settings.budget and i < len(series.texts) - 1:
            result.update(status="budget", detail=f"budget of {settings.budget:g} s spent after {i + 1} runs")
            break
    return result


def measure_engine_queries(engine, plan: list[Series], settings: Settings, use_subst: bool = False) -> dict:
    results = {}
    started = time.monotonic()
    for series in plan:
        if use_subst and series.subst is None:
            continue
        if time.monotonic() - started > settings.engine_limit:
            results[series.key] = {"cold": None, "warm": [], "rows": [], "status": "skipped",
                                   "detail": f"not run: the engine's {settings.engine_limit:g} s were spent"}
            continue
        results[series.key] = measure_series(engine, series, settings, use_subst)
        r = results[series.key]
        log(f"  {engine.key}{' (substitutions)' if use_subst else ''} {series.key}: "
            f"{summary_cell(r, settings)}")
    return results


def measure_engine(engine, plan: list[Series], cheap: list[str], heavy: list[str], settings: Settings,
                   results: dict) -> None:
    """The catalogue, then throughput, kept under the engine's key."""
    results["queries"][engine.key] = measure_engine_queries(engine, plan, settings)
    results["throughput"][engine.key] = measure_throughput(
        engine, cheap, heavy, heavy_ok(results["queries"][engine.key], settings), settings)


def measure_http_engine(engine: HttpEngine, pids: list[int], ready_timeout: float, log_path: Path,
                        plan: list[Series], cheap: list[str], heavy: list[str], settings: Settings,
                        results: dict) -> None:
    """A running HTTP engine, once it answers: measure_engine, and the peak memory of the process
    trees of `pids` (the list itself is sampled, so that a restart can put its new process in)."""
    with RssSampler(pids) as sampler:
        if not engine.ready(ready_timeout):
            raise RuntimeError(f"{engine.key} did not answer (see {log_path})")
        log(f"{engine.key} over HTTP: catalogue ...")
        measure_engine(engine, plan, cheap, heavy, settings, results)
        sampler.sample()
    results["memory"][engine.key] = sampler.peak


def measure_throughput(engine, cheap: list[str], heavy: list[str], heavy_ok: bool, settings: Settings) -> dict:
    results: dict[str, dict[int, dict]] = {"cheap": {}, "heavy": {}}
    for kind, texts in (("cheap", cheap), ("heavy", heavy)):
        for clients in settings.clients:
            if kind == "heavy" and not heavy_ok:
                results[kind][clients] = {"skipped": "one query takes more than half the measuring time"}
                continue
            r = engine.throughput(texts, clients, settings.duration)
            r["rps"] = r["completed"] / r["seconds"] if r["seconds"] else 0.0
            results[kind][clients] = r
            log(f"  {engine.key} {kind} x{clients}: {r['rps']:.1f}/s ({r['errors']} errors)")
    return results


# =============================================================================================
# The run


def project_files(root: Path) -> list[tuple[Path, str, str]]:
    """(path, extension, graph IRI) of every file `kg load` reads below `root`, in its order."""
    from kg import iris
    from kg.loading import source_paths
    return [(path, path.suffix.lstrip(".").lower(), iris.graph_for_file(rel))
            for path, rel in source_paths(root)]


def count_triples(files: list[tuple[Path, str, str]]) -> int:
    import pyoxigraph as ox
    total = 0
    for path, ext, _ in files:
        if ext == "nt":
            with path.open("rb") as f:
                total += sum(1 for line in f if line.strip() and not line.startswith(b"#"))
        else:
            total += sum(1 for _ in ox.parse(path=str(path), format=ox.RdfFormat.from_extension(ext)))
    return total


def run(settings: Settings) -> dict:
    work = settings.workdir
    for sub in ("stores", "root", "logs"):
        shutil.rmtree(work / sub, ignore_errors=True)
    (work / "stores").mkdir(parents=True, exist_ok=True)
    (work / "logs").mkdir(parents=True, exist_ok=True)
    logs = work / "logs"
    results: dict = {"settings": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(settings).items()},
                     "engines": {}, "load": {}, "memory": {}, "queries": {}, "throughput": {},
                     "failures": {}, "notes": []}
    results["machine"] = machine_info()
    started_run = time.monotonic()

    # -- data: a project root with the synthetic file in data/ and the real ontology/ and shapes/
    root = work / "root"
    (root / "data").mkdir(parents=True)
    for folder in ("ontology", "shapes"):
        (root / folder).symlink_to(ROOT / folder, target_is_directory=True)
    data_file = root / "data" / "synthetic.nt"
    log(f"generating the synthetic graph at scale {settings.scale:g} ...")
    t = time.perf_counter()
    generated = generate.generate(data_file, settings.scale, settings.seed)
    results["data"] = {"synthetic_triples": generated, "generate_seconds": time.perf_counter() - t,
                       "bytes": data_file.stat().st_size}
    files = project_files(root)
    triples = count_triples(files)
    results["data"]["input_triples"] = triples
    results["data"]["files"] = [str(p.relative_to(root)) for p, _, _ in files]
    log(f"  {generated:,} synthetic triples; {triples:,} with ontology and shapes, in {len(files)} files")
    file_specs = [[str(p), ext, None] for p, ext, _ in files]
    named_specs = [[str(p), ext, g] for p, ext, g in files]

    # -- the baseline: bulk_load (timed), then the query store (merged default graph + per-file graphs)
    stores = work / "stores"
    worker = WorkerClient("oxigraph", logs / "oxigraph-worker.log")
    try:
        log("pyoxigraph: bulk_load into an on-disk store ...")
        answer = worker.call({"op": "bulk_load", "dir": str(stores / "oxigraph-load"), "files": file_specs}, 7200)
        results["load"]["oxigraph"] = {"seconds": answer["seconds"], "triples": triples,
                                       "rate": triples / answer["seconds"], "peak_rss": answer["maxrss"]}
        shutil.rmtree(stores / "oxigraph-load", ignore_errors=True)
        merged = stores / "merged.nq"
        worker.call({"op": "merge_quads", "out": str(merged), "files": named_specs}, 7200)
        answer = worker.call({"op": "bulk_load", "dir": str(stores / "oxigraph"), "files": [[str(merged), "nq", None]]}, 7200)
        results["load"]["oxigraph-named"] = {"seconds": answer["seconds"], "triples": triples,
                                             "rate": triples / answer["seconds"], "quads": answer["quads"]}
        log(f"  {results['load']['oxigraph']['rate']:,.0f} triples/s")
        worker.restart()  # a fresh process: memory figures of the query phase are its own
        worker.call({"op": "open", "dir": str(stores / "oxigraph")}, 300)
        municipalities = [(row[0], int(float(row[1] or 0))) for row in worker.call({"op": "select", "text": (
            f"SELECT ?m (MAX(?p) AS ?pop) WHERE {{ ?a a <{IKG}MunicipalAdministration> ; <{IKG}municipality> ?m . "
            f"OPTIONAL {{ ?o <{IKG}refArea> ?m ; <{IKG}population> ?p }} }} GROUP BY ?m ORDER BY ?m")}, 600)["rows"]]
        events = [row[0] for row in worker.call({"op": "select", "text": (
            f"SELECT DISTINCT ?e WHERE {{ ?c <{IKG}contributionTo> ?e }} ORDER BY ?e")}, 600)["rows"]]
        plan, cheap, heavy = build_plan(settings, municipalities, events)
        results["plan"] = {"municipalities": len(municipalities), "events": len(events),
                           "series": [[s.key, s.label, len(s.texts)] for s in plan]}
        engine = OxigraphEngine(worker, stores / "oxigraph", settings.cap)
        log("pyoxigraph in-process: catalogue ...")
        measure_engine(engine, plan, cheap, heavy, settings, results)
        results["queries"]["oxigraph-subst"] = measure_engine_queries(engine, plan, settings, use_subst=True)
    finally:
        worker.close()
    results["memory"]["oxigraph"] = worker.peak_rss
    results["engines"]["oxigraph"] = ENGINE_NAMES["oxigraph"]

    for key in settings.engines:
        if key == BASELINE:
            continue
        results["engines"][key] = ENGINE_NAMES[key]
        try:
            if key == "kg":
                run_kg(settings, root, stores, logs, plan, cheap, heavy, triples, results)
            elif key == "kg-remote":
                run_kg_remote(settings, root, stores, logs, plan, cheap, heavy, triples, results)
            elif key == "oxigraph-server":
                run_oxigraph_server(settings, file_specs, stores, logs, plan, cheap, heavy, triples, results)
            elif key == "rdflib":
                run_rdflib(settings, files, logs, plan, cheap, heavy, triples, results,
                           with_endpoint="rdflib-endpoint" in settings.engines)
        except Exception as exc:  # noqa: BLE001 — one engine failing must not lose the others
            log(f"{key} failed: {type(exc).__name__}: {exc}")
            results["failures"][key] = f"{type(exc).__name__}: {exc}"
    if "rdflib-endpoint" in settings.engines and "rdflib" not in settings.engines:
        results["failures"]["rdflib-endpoint"] = "runs only together with the rdflib engine (same Graph)"
    results["seconds"] = time.monotonic() - started_run
    if not settings.keep:
        shutil.rmtree(stores, ignore_errors=True)
        shutil.rmtree(root, ignore_errors=True)
    return results


def heavy_ok(query_results: dict, settings: Settings) -> bool:
    """Heavy-query throughput is measured where one such query takes at most half the measuring time."""
    r = query_results.get(settings.heavy)
    med, _ = stats(r)
    return med is not None and med <= settings.duration * 1000 / 2


def run_kg(settings, root, stores, logs, plan, cheap, heavy, triples, results) -> None:
    store = stores / "kg"
    log("kg load ...")
    seconds, rss, code = run_measured([sys.executable, "-m", "kg", "load", "--store", str(store), "--root", str(root)],
                                      logs / "kg-load.log", 3600)
    if code != 0:
        raise RuntimeError(f"kg load exited with {code} (see {logs / 'kg-load.log'})")
    results["load"]["kg"] = {"seconds": seconds, "triples": triples, "rate": triples / seconds, "peak_rss": rss}
    log(f"  {triples / seconds:,.0f} triples/s")
    port = free_port()
    proc = start([sys.executable, "-m", "kg", "serve", "--store", str(store), "--root", str(root),
                  "--port", str(port), "--query-timeout", str(settings.cap),
                  "--result-row-cap", "10000000", *settings.kg_args], logs / "kg-serve.log")
    engine = HttpEngine("kg", port, "/sparql", settings.cap)
    try:
        measure_http_engine(engine, [proc.pid], 300, logs / "kg-serve.log", plan, cheap, heavy, settings, results)
        if engine.truncated:
            results["notes"].append(f"kg cut {engine.truncated} answers at its row cap")
        log("kg over HTTP: /api/search ...")
        results["search"] = measure_search(port, settings.seed, settings.cap)
    finally:
        engine.close()
        stop(proc)


def oxigraph_cli() -> str:
    local = Path(sys.executable).parent / "oxigraph"
    found = str(local) if local.exists() else shutil.which("oxigraph")
    if not found:
        raise RuntimeError("the `oxigraph` command is missing: pip install oxigraph (the bench extra has it)")
    return found


def run_oxigraph_server(settings, file_specs, stores, logs, plan, cheap, heavy, triples, results) -> None:
    cli = oxigraph_cli()
    log("oxigraph load ...")
    seconds, rss, code = run_measured([cli, "load", "--location", str(stores / "oxigraph-server-load"),
                                       "--file", *[spec[0] for spec in file_specs]], logs / "oxigraph-load.log", 3600)
    if code != 0:
        raise RuntimeError(f"oxigraph load exited with {code} (see {logs / 'oxigraph-load.log'})")
    results["load"]["oxigraph-server"] = {"seconds": seconds, "triples": triples, "rate": triples / seconds, "peak_rss": rss}
    shutil.rmtree(stores / "oxigraph-server-load", ignore_errors=True)
    location = stores / "oxigraph-server"
    _, _, code = run_measured([cli, "load", "--location", str(location), "--file", str(stores / "merged.nq")],
                              logs / "oxigraph-load.log", 3600)
    if code != 0:
        raise RuntimeError(f"oxigraph load exited with {code} (see {logs / 'oxigraph-load.log'})")
    port = free_port()
    proc = start([cli, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                  "--timeout-s", str(max(1, math.ceil(settings.cap)))], logs / "oxigraph-serve.log")
    engine = HttpEngine("oxigraph-server", port, "/query", settings.cap)
    try:
        measure_http_engine(engine, [proc.pid], 120, logs / "oxigraph-serve.log", plan, cheap, heavy, settings, results)
    finally:
        engine.close()
        stop(proc)


def serve_oxigraph(cli: str, location: Path, port: int, log_path: Path, timeout_s: float | None):
    """`oxigraph serve` on 127.0.0.1:port, answering, or an error naming its log."""
    extra = ["--timeout-s", str(max(1, math.ceil(timeout_s)))] if timeout_s else []
    proc = start([cli, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", *extra], log_path)
    probe = HttpEngine("oxigraph-probe", port, "/query", 5)
    try:
        if not probe.ready(120):
            stop(proc)
            raise RuntimeError(f"oxigraph serve did not answer (see {log_path})")
    finally:
        probe.close()
    return proc


def run_kg_remote(settings, root, stores, logs, plan, cheap, heavy, triples, results) -> None:
    """integration-kg on an Oxigraph server of its own (kg's layout of graphs differs from the
    merged quads the oxigraph-server column serves, so the two do not share a store)."""
    cli = oxigraph_cli()
    location = stores / "kg-remote-server"
    port = free_port()
    url = f"http://127.0.0.1:{port}/query"
    state = ["--state-dir", str(stores / "kg-remote-state")]
    # Loading runs without the server's --timeout-s: that bounds every request, updates too, and
    # the load's one big update must not be cut; `run_measured`'s limit bounds it instead.
    proc = serve_oxigraph(cli, location, port, logs / "kg-remote-oxigraph.log", None)
    try:
        log("kg load --store URL (into an Oxigraph server) ...")
        # The server's memory too: the load's one update holds all its writes until it commits.
        with RssSampler([proc.pid]) as server_rss:
            seconds, rss, code = run_measured([sys.executable, "-m", "kg", "load", "--store", url, *state,
                                               "--root", str(root)], logs / "kg-remote-load.log",
                                              settings.remote_load_limit)
    finally:
        stop(proc)
    if code != 0:
        ended = (f"ended after {seconds:,.0f} s (--remote-load-limit)" if seconds >= settings.remote_load_limit
                 else f"exited with {code} after {seconds:,.0f} s")
        raise RuntimeError(f"kg load --store URL {ended}; the Oxigraph server's peak RSS "
                           f"{server_rss.peak / 1e6:,.0f} MB (see {logs / 'kg-remote-load.log'})")
    results["load"]["kg-remote"] = {"seconds": seconds, "triples": triples, "rate": triples / seconds, "peak_rss": rss,
                                    "server_peak_rss": server_rss.peak}
    log(f"  {triples / seconds:,.0f} triples/s")
    # Queries: the server again, now with the cap as its own timeout, so that a query kg gave up
    # on does not keep the server busy for the next ones.
    server = serve_oxigraph(cli, location, port, logs / "kg-remote-oxigraph.log", settings.cap)
    kg_port = free_port()
    kg = None
    engine = HttpEngine("kg-remote", kg_port, "/sparql", settings.cap)
    try:
        kg = start([sys.executable, "-m", "kg", "serve", "--store", url, *state, "--root", str(root),
                    "--port", str(kg_port), "--query-timeout", str(settings.cap),
                    "--result-row-cap", "10000000", *settings.kg_args], logs / "kg-remote-serve.log")
        measure_http_engine(engine, [kg.pid, server.pid], 300, logs / "kg-remote-serve.log", plan, cheap, heavy,
                            settings, results)
        if engine.truncated:
            results["notes"].append(f"kg on the Oxigraph server cut {engine.truncated} answers at its row cap")
    finally:
        engine.close()
        stop(kg)
        stop(server)


def run_rdflib(settings, files, logs, plan, cheap, heavy, triples, results, with_endpoint: bool) -> None:
    host = WorkerClient("rdflib", logs / "rdflib-host.log")
    try:
        log("rdflib: parsing into a Graph ...")
        answer = host.call({"op": "load", "files": [[str(p), ext] for p, ext, _ in files]}, 7200)
        if answer is None or "error" in answer:
            raise RuntimeError(f"rdflib load failed: {answer}")
        results["load"]["rdflib"] = {"seconds": answer["seconds"], "triples": triples,
                                     "rate": triples / answer["seconds"], "peak_rss": answer["maxrss"]}
        log(f"  {triples / answer['seconds']:,.0f} triples/s")
        engine = RdflibEngine(host, settings.cap)
        log("rdflib in-process: catalogue ...")
        measure_engine(engine, plan, cheap, heavy, settings, results)
        stats = host.call({"op": "stats"}, 30) or {}
        results["memory"]["rdflib"] = max(stats.get("maxrss", 0), stats.get("child_maxrss", 0))
        if with_endpoint:
            results["engines"]["rdflib-endpoint"] = ENGINE_NAMES["rdflib-endpoint"]
            try:
                run_rdflib_endpoint(settings, host, logs, plan, cheap, heavy, results)
            except Exception as exc:  # noqa: BLE001 — recorded
                log(f"rdflib-endpoint failed: {type(exc).__name__}: {exc}")
                results["failures"]["rdflib-endpoint"] = f"{type(exc).__name__}: {exc}"
    finally:
        try:
            host.call({"op": "stop_serve"}, 30)
        except (OSError, RuntimeError):
            pass
        host.close()


def run_rdflib_endpoint(settings, host, logs, plan, cheap, heavy, results) -> None:
    port = free_port()
    pids: list[int] = []  # the server's process, sampled for memory; a new one after a restart

    def serve() -> None:
        pids[:] = [host.call({"op": "serve", "port": port}, 60)["pid"]]

    def restart() -> None:  # uvicorn keeps computing an abandoned query: end it, serve again
        serve()
        engine.ready(60)

    engine = HttpEngine("rdflib-endpoint", port, "/sparql", settings.cap, on_timeout=restart)
    serve()
    measure_http_engine(engine, pids, 120, logs / "rdflib-host.log", plan, cheap, heavy, settings, results)
    engine.close()
    host.call({"op": "stop_serve"}, 30)


def main(argv: list[str] | None = None) -> int:
    settings = parse_args(sys.argv[1:] if argv is None else argv)
    if settings.from_json:
        results = json.loads(settings.from_json.read_text(encoding="utf-8"))
        for per_engine in results["throughput"].values():  # JSON made the client counts strings
            for kind in per_engine:
                per_engine[kind] = {int(c): r for c, r in per_engine[kind].items()}
        saved = results["settings"]
        settings = Settings(**{**saved, "workdir": Path(saved["workdir"]), "out": settings.out_given or
                               settings.from_json.with_suffix(".md"), "update_readme": settings.update_readme,
                               "from_json": settings.from_json})
    else:
        settings.workdir.mkdir(parents=True, exist_ok=True)
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        try:
            results = run(settings)
        finally:
            stop_all()
        settings.out.parent.mkdir(parents=True, exist_ok=True)
        settings.out.with_suffix(".json").write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    settings.out.write_text(render(results, settings), encoding="utf-8")
    log(f"results: {settings.out}")
    if settings.update_readme:
        if update_readme(readme_summary(results, settings, settings.out)):
            log("README.md: benchmark summary updated")
        else:
            log("README.md has no benchmark summary markers; left as it is")
    return 0


if __name__ == "__main__":
    sys.exit(main())

