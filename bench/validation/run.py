"""Validation benchmark (issue 14): how fast a submission is judged, per engine and path.

Two measurements, each path repeated (--repeat; min and median reported), every ratio against a
baseline named in the same run:

  national     a 10,000-triple synthetic submission (memberships between organisations of the
               graph, every 50th dated before its organisation was founded: a SPARQL-based
               Warning) against the national-scale benchmark graph (bench/generate.py, --scale 1:
               about 1.66 M triples), loaded beside the project's real files with kg's own loader.
               Baseline: the previous default path, pyshacl_turbo.validate on an rdflib Graph of
               input + context + ontology. Plain pyshacl (our prepared SPARQL) only with --plain,
               once, capped by --cap in a child process: 240 s at 20,000 organisations.
  shipped      the whole shipped graph (data/*.ttl as published by `kg load`) validated as one
               input, as `kg validate --store` revalidation does (kg.validation.published).
               Baseline: plain pyshacl with our prepared SPARQL, once.

Paths:
  turbo, Graph       the previous default: rdflib Graph of input + context (+ the ontology,
                     copied in), pyshacl_turbo.validate, the whole report decoded
  turbo, N-Triples, every target
                     the previous default: as below, but every target of input and context
                     judged by the engine and the context's results dropped afterwards
  turbo, N-Triples   the default now (kg.validation.engine.run_turbo): Oxigraph writes the input
                     and context as N-Triples, shapes compiled and ontology written once per
                     bundle, only the input's own nodes as the engine's focus nodes
                     (kg.validation.focus), only their results decoded, no rdflib Graph
  pyshacl            kg.validation with engine="pyshacl"

Each row says whether its (record, path, component, severity) set equals the default's.
Writes bench/results/validation.md. Usage:
  .venv/bin/python -m bench.validation.run [--scale 1] [--triples 10000] [--repeat 3] [--plain]
"""

from __future__ import annotations

import argparse
import dataclasses
import multiprocessing
import os
import platform
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
import pyshacl

from bench import generate
from bench.validation import synthetic
from kg.loading import SourceFile, collect_sources, load_sources
from kg.parsed_input import Submission
from kg.store import EmbeddedStore
from kg.validation import Validator, load_bundle
from kg.validation.context import fetch_context
from kg.validation.build import results_of
from kg.validation.engine import own_nodes, run_pyshacl
from kg.validation.lines import NoLines
from kg.validation.published import data_graphs, revalidate
from kg.validation.terms import graph_of

ROOT = Path(__file__).resolve().parents[2]
SH = "http://www.w3.org/ns/shacl#"
IKG = "https://w3id.org/integration-kg/ontology#"


def keys(report) -> set[tuple]:
    """(record, path, component, severity) of every result: what must not change."""
    return {(rec.node if r.focus.startswith("_:") else r.focus, str(r.path), r.component,
             SH + r.severity) for rec in report.records for r in rec.results}


class GraphTurbo(Validator):
    """The previous default path, kept here to measure against: an rdflib Graph of the input
    and its context, pyshacl_turbo.validate with the ontology copied in, the whole report."""

    def validate(self, submission, lang):
        started = time.perf_counter()
        context = (fetch_context(self.store, submission.triples, self.bundle.known_terms)
                   if self.store is not None else [])
        self.timings.context = time.perf_counter() - started
        started = time.perf_counter()
        data = graph_of(submission.triples)
        graph_of(context, data)
        results = run_pyshacl(data, self.bundle, "pyshacl-turbo")
        self.timings.shacl = time.perf_counter() - started
        return self._report(results_of(results, own_nodes(submission.triples)), data, submission, lang,
                            len(context))


class EveryTarget(Validator):
    """The default path before the input's own nodes were the engine's focus nodes: every
    target of input and context judged, the context's results dropped afterwards."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.narrow = False


def measure(name: str, run, repeat: int) -> dict:
    seconds, splits, report = [], [], None
    for _ in range(repeat):
        started = time.perf_counter()
        report, timings = run()
        seconds.append(time.perf_counter() - started)
        # a copy: a validator keeps one Timings and overwrites it on each run
        splits.append(dataclasses.replace(timings) if timings is not None else None)
    return {"name": name, "seconds": seconds, "keys": keys(report), "report": report,
            "splits": splits}


def load() -> str:
    return os.getloadavg()[0].__format__(".1f") + " / " + os.getloadavg()[1].__format__(".1f")


# -- national ---------------------------------------------------------------------------------

def national(tmp: Path, scale: float, triples: int, repeat: int, plain: bool, cap: float):
    bundle = load_bundle(ROOT)
    nt = tmp / "synthetic.nt"
    generated = generate.generate(nt, scale, 1)
    store = EmbeddedStore(tmp / "store")
    started = time.perf_counter()
    load_sources(store, [*collect_sources(ROOT), SourceFile("data/synthetic-national.nt", nt.read_bytes())])
    load_seconds = time.perf_counter() - started
    organisations = [str(row[0].value) for row in store.query(
        f"SELECT ?o WHERE {{ ?o a <{IKG}MigrantOrganisation> "
        f"FILTER STRSTARTS(STR(?o), \"{generate.ID}\") }} ORDER BY ?o").rows]
    sub = Submission(synthetic.submission(triples, organisations), "synthetic", NoLines())
    rows = []

    def run_with(cls, engine):
        validator = cls(bundle, store, engine=engine)

        def run():
            report = validator.validate(sub, "en")
            return report, validator.timings
        return run

    rows.append(measure("turbo, Graph (previous default)", run_with(GraphTurbo, "pyshacl-turbo"), repeat))
    rows.append(measure("turbo, N-Triples, every target (previous default)",
                        run_with(EveryTarget, "pyshacl-turbo"), repeat))
    rows.append(measure("turbo, N-Triples (default)", run_with(Validator, "pyshacl-turbo"), repeat))
    if plain:
        rows.append(capped("pyshacl (prepared SPARQL), context from the store", cap,
                           run_with(Validator, "pyshacl")))
    info = {"generated": generated, "quads": store.quad_count(), "load": load_seconds,
            "organisations": len(organisations), "triples": len(sub.triples),
            "context": next(r for r in rows
                            if r["name"] == "turbo, N-Triples (default)")["report"].context_triples}
    store.close()
    return rows, info


def capped(name: str, cap: float, run) -> dict:
    """One run in a child process (fork: it shares the loaded store), stopped after `cap` s."""
    queue: multiprocessing.Queue = multiprocessing.get_context("fork").Queue()

    def child():
        started = time.perf_counter()
        report, timings = run()
        queue.put((time.perf_counter() - started, keys(report), timings))

    process = multiprocessing.get_context("fork").Process(target=child)
    process.start()
    process.join(cap)
    if process.is_alive():
        process.kill()
        process.join()
        return {"name": name, "seconds": [], "capped": cap, "keys": None, "splits": []}
    seconds, found, timings = queue.get()
    return {"name": name, "seconds": [seconds], "keys": found, "splits": [timings]}


# -- the whole shipped graph ------------------------------------------------------------------

def shipped(tmp: Path, repeat: int, plain: bool):
    bundle = load_bundle(ROOT)
    store = EmbeddedStore(tmp / "shipped")
    load_sources(store, collect_sources(ROOT))
    # what revalidate hands the validator: every published data triple once
    graphs = data_graphs(store)
    quads = ox.parse(store.dump(ox.RdfFormat.N_QUADS, graphs), format=ox.RdfFormat.N_QUADS)
    sub = Submission(list(dict.fromkeys(q.triple for q in quads)), "shipped", NoLines())

    def run_with(cls, engine):
        validator = cls(bundle, engine=engine)

        def run():
            return validator.validate(sub, "en"), validator.timings
        return run

    def revalidation():
        validator = Validator(bundle)
        return revalidate(store, validator, ROOT, "en"), None

    rows = [measure("turbo, Graph (previous default)", run_with(GraphTurbo, "pyshacl-turbo"), repeat),
            measure("turbo, N-Triples (default)", run_with(Validator, "pyshacl-turbo"), repeat),
            measure("turbo, N-Triples, through revalidate (+ line numbers)", revalidation, repeat)]
    if plain:
        rows.insert(0, measure("pyshacl (prepared SPARQL)", run_with(Validator, "pyshacl"), 1))
    store.close()
    return rows, {"triples": len(sub.triples)}


# -- the report -------------------------------------------------------------------------------

def table(rows: list[dict], baseline: str, default: str) -> list[str]:
    base = next(r for r in rows if r["name"] == baseline)
    ref = next(r for r in rows if r["name"] == default)["keys"]
    b = min(base["seconds"])
    out = ["| path | runs | min s | median s | × baseline (min) | same results as the default |",
           "| --- | ---: | ---: | ---: | ---: | --- |"]
    for r in rows:
        if not r["seconds"]:
            out.append(f"| {r['name']} | 1 | > {r['capped']:g} (stopped) | | > {r['capped'] / b:.0f} | not known |")
            continue
        same = "yes" if r["keys"] == ref else f"no ({len(r['keys'] ^ ref)} differ)"
        out.append(f"| {r['name']} | {len(r['seconds'])} | {min(r['seconds']):.2f} | "
                   f"{statistics.median(r['seconds']):.2f} | {min(r['seconds']) / b:.2f} | {same} |")
    return out


def splits(row: dict) -> str:
    best = min(range(len(row["seconds"])), key=row["seconds"].__getitem__)
    t = row["splits"][best]
    return (f"context {t.context:.2f} s, engine {t.shacl:.2f} s, report {t.report:.2f} s "
            f"(of {row['seconds'][best]:.2f} s)")


def commit() -> str:
    try:
        return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def run(scale: float, triples: int, repeat: int, plain: bool, cap: float) -> str:
    import pyshacl_turbo

    before = load()
    with tempfile.TemporaryDirectory() as tmp:
        nat_rows, nat = national(Path(tmp), scale, triples, repeat, plain, cap)
        mid = load()
        ship_rows, ship = shipped(Path(tmp), repeat, plain)
    after = load()
    default = "turbo, N-Triples (default)"
    lines = [
        "# Validation benchmark", "",
        f"{time.strftime('%Y-%m-%d %H:%M %Z')}, commit {commit()}; {platform.machine()}, "
        f"{os.cpu_count()} cores shared with other developers, Python {platform.python_version()}, "
        f"pyshacl {pyshacl.__version__}, pyshacl-turbo {pyshacl_turbo.__version__}, pyoxigraph "
        f"{ox.__version__}. Load average (1 / 5 min) before, between and after the two parts: "
        f"{before}; {mid}; {after}. `python -m bench.validation.run --scale {scale:g} "
        f"--triples {triples} --repeat {repeat}{' --plain' if plain else ''}`.", "",
        f"## A {triples:,}-triple submission against the national-scale graph", "",
        f"bench/generate.py at scale {scale:g}: {nat['generated']:,} triples, loaded with kg's "
        f"loader beside the project's real files ({nat['quads']:,} triples published, "
        f"{nat['load']:.0f} s to load). Submission: {nat['triples']:,} triples of memberships "
        f"between {nat['organisations']:,} synthetic migrant organisations of that graph; "
        f"{nat['context']:,} triples of context fetched from the store.", "",
        *table(nat_rows, "turbo, Graph (previous default)", default), "",
        "Fastest run of each, split: " + "; ".join(
            f"{r['name']}: {splits(r)}" for r in nat_rows if r["splits"]) + ".", "",
        "## The whole shipped graph as one input", "",
        f"data/*.ttl as `kg load` publishes them: {ship['triples']:,} distinct triples, "
        "validated as `kg validate --store` does (no context; the ontology beside).", "",
        *table(ship_rows, ship_rows[0]["name"], default), "",
        "Fastest run of each, split: " + "; ".join(
            f"{r['name']}: {splits(r)}" for r in ship_rows if r["splits"] and r["splits"][0]) + ".",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--triples", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--plain", action="store_true", help="also plain pyshacl (slow; capped)")
    parser.add_argument("--cap", type=float, default=300, help="seconds for plain pyshacl's run")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "validation.md"))
    args = parser.parse_args()
    text = run(args.scale, args.triples, args.repeat, args.plain, args.cap)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
