"""Validation benchmark (issue 14): how fast a submission is judged, per engine and path.

Two measurements, each path repeated (--repeat; min and median of wall and CPU seconds), every
ratio against a baseline named in the same run:

  national     a 10,000-triple synthetic submission (memberships between organisations of the
               graph, every 50th dated before its organisation was founded: a SPARQL-based
               Warning) against the national-scale benchmark graph (bench/generate.py, --scale 1:
               about 1.66 M triples), loaded beside the project's real files with kg's own loader
               (--store DIR keeps that store for the next run). Baseline: the previous default,
               pyshacl-turbo on N-Triples with the input's own nodes as focus nodes.
  shipped      the whole shipped graph (data/*.ttl as published by `kg load`) validated as one
               input, as `kg validate --store` revalidation does (kg.validation.published).
               Baseline: the previous default, pyshacl-turbo.

Paths:
  turbo              the previous default (kg.validation.engine.run_turbo): Oxigraph writes the
                     input and context as N-Triples, pyshacl-turbo judges the input's own nodes
  batch              the default now (kg.validation.batch): every focus node at once, core
                     constraints in Python over one index, each SPARQL constraint one query on
                     an in-memory store filled on a second thread
  batch, the whole context
                     the same, with the context as before: every triple of each thing the
                     input references, not only those its checks read (kg.validation.reach)
  batch, context from an in-memory replica
                     the same, with the context read from the in-memory copy a query worker
                     makes (kg.store.embedded.MemoryReplica, --replica memory) instead of the
                     on-disk checkpoint
  pyshacl            plain pyshacl with our prepared SPARQL (--plain only: minutes)

Each row says whether its (record, path, component, severity) set equals the default's.
Writes bench/results/validation.md. Usage:
  .venv/bin/python -m bench.validation.run [--scale 1] [--triples 10000] [--repeat 5] [--store DIR] [--plain]
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
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
from kg.store.embedded import MemoryReplica
from kg.validation import Validator, load_bundle
from kg.validation.lines import NoLines
from kg.validation.published import data_graphs, revalidate

ROOT = Path(__file__).resolve().parents[2]
SH = "http://www.w3.org/ns/shacl#"
IKG = "https://w3id.org/integration-kg/ontology#"


def keys(report) -> set[tuple]:
    """(record, path, component, severity) of every result: what must not change."""
    return {(rec.node if r.focus.startswith("_:") else r.focus, str(r.path), r.component,
             SH + r.severity) for rec in report.records for r in rec.results}


def measure(name: str, run, repeat: int) -> dict:
    seconds, cpu, splits, report = [], [], [], None
    for _ in range(repeat):
        gc.collect()  # every run from a collected heap, whatever ran before it
        started, started_cpu = time.perf_counter(), time.process_time()
        report, timings = run()
        seconds.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        # a copy: a validator keeps one Timings and overwrites it on each run
        splits.append(dataclasses.replace(timings) if timings is not None else None)
    return {"name": name, "seconds": seconds, "cpu": cpu, "keys": keys(report), "report": report,
            "splits": splits}


def load() -> str:
    return os.getloadavg()[0].__format__(".1f") + " / " + os.getloadavg()[1].__format__(".1f")


# -- national ---------------------------------------------------------------------------------

def organisations_and_citations(store: EmbeddedStore) -> tuple[list[str], list[str]]:
    """The benchmark graph's synthetic organisations, and 100 of its citations: the submission's
    memberships are stated in citations the graph has, as a steward's records would be (the
    same memberships citing none that exists make every record fail: a row of its own)."""
    organisations = [str(row[0].value) for row in store.query(
        f"SELECT ?o WHERE {{ ?o a <{IKG}MigrantOrganisation> "
        f"FILTER STRSTARTS(STR(?o), \"{generate.ID}\") }} ORDER BY ?o").rows]
    cited_in = [str(row[0].value) for row in store.query(
        f"SELECT ?c WHERE {{ ?c a <{IKG}Citation> "
        f"FILTER STRSTARTS(STR(?c), \"{generate.ID}\") }} ORDER BY ?c LIMIT 100").rows]
    return organisations, cited_in


def national(tmp: Path, scale: float, triples: int, repeat: int, plain: bool, cap: float,
             keep: Path | None):
    bundle = load_bundle(ROOT)
    folder = keep or tmp / "store"
    marker = folder.parent / (folder.name + ".scale")
    load_seconds = None
    if not (folder.exists() and marker.exists() and marker.read_text() == f"{scale:g}"):
        nt = tmp / "synthetic.nt"
        generate.generate(nt, scale, 1)
        store = EmbeddedStore(folder)
        started = time.perf_counter()
        load_sources(store, [*collect_sources(ROOT),
                             SourceFile("data/synthetic-national.nt", nt.read_bytes())])
        load_seconds = time.perf_counter() - started
        store.close()
        marker.write_text(f"{scale:g}")
    # as a query worker reads it: the checkpoint on disk, read-only
    store = EmbeddedStore.open_read_only(folder)
    organisations, cited_in = organisations_and_citations(store)
    sub = Submission(synthetic.submission(triples, organisations, cited_in=cited_in),
                     "synthetic", NoLines())
    failing = Submission(synthetic.submission(triples, organisations), "synthetic", NoLines())

    def run_with(engine, source=store, given=sub, walk=True):
        validator = Validator(bundle, source, engine=engine)
        validator.walk = walk

        def run():
            report = validator.validate(given, "en")
            return report, validator.timings
        return run

    rows = [measure("turbo (previous default)", run_with("pyshacl-turbo"), repeat),
            measure("batch (default)", run_with("batch"), repeat),
            measure("batch, the whole context (all the referenced things have)",
                    run_with("batch", walk=False), repeat),
            {**measure("batch, every record failing (citations that do not exist)",
                       run_with("batch", given=failing), repeat), "other_input": True}]
    # The replica only now: 1.4 GB more in this process made freeing a validation's objects
    # three times slower for the rows above (0.06 s against 0.02 s), which a worker without
    # a replica does not pay.
    started = time.perf_counter()
    replica = MemoryReplica.build(store)
    replica_seconds = time.perf_counter() - started
    rows.insert(3, measure("batch, context from an in-memory replica", run_with("batch", replica),
                           repeat))
    if plain:
        rows.append(capped("pyshacl (prepared SPARQL), context from the store", cap,
                           run_with("pyshacl")))
    info = {"quads": store.quad_count(), "load": load_seconds, "replica": replica_seconds,
            "organisations": len(organisations), "triples": len(sub.triples),
            "context": next(r for r in rows if r["name"] == "batch (default)")["report"].context_triples}
    replica.close()
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

    def run_with(engine):
        validator = Validator(bundle, engine=engine)

        def run():
            return validator.validate(sub, "en"), validator.timings
        return run

    def revalidation():
        validator = Validator(bundle)
        return revalidate(store, validator, ROOT, "en"), None

    rows = [measure("turbo (previous default)", run_with("pyshacl-turbo"), repeat),
            measure("batch (default)", run_with("batch"), repeat),
            measure("batch, through revalidate (+ line numbers)", revalidation, repeat)]
    if plain:
        rows.insert(0, measure("pyshacl (prepared SPARQL)", run_with("pyshacl"), 1))
    store.close()
    return rows, {"triples": len(sub.triples)}


# -- the report -------------------------------------------------------------------------------

def table(rows: list[dict], baseline: str, default: str) -> list[str]:
    base = next(r for r in rows if r["name"] == baseline)
    ref = next(r for r in rows if r["name"] == default)["keys"]
    b = min(base["seconds"])
    out = ["| path | runs | min s | median s | CPU s (min) | × baseline (min) | same results as the default |",
           "| --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    for r in rows:
        if not r["seconds"]:
            out.append(f"| {r['name']} | 1 | > {r['capped']:g} (stopped) | | | > {r['capped'] / b:.0f} | not known |")
            continue
        if r.get("other_input"):
            same = "– (another input)"
        else:
            same = "yes" if r["keys"] == ref else f"no ({len(r['keys'] ^ ref)} differ)"
        cpu = f"{min(r['cpu']):.2f}" if r.get("cpu") else ""
        out.append(f"| {r['name']} | {len(r['seconds'])} | {min(r['seconds']):.2f} | "
                   f"{statistics.median(r['seconds']):.2f} | {cpu} | {min(r['seconds']) / b:.2f} | {same} |")
    return out


def splits(row: dict) -> str:
    best = min(range(len(row["seconds"])), key=row["seconds"].__getitem__)
    t = row["splits"][best]
    if getattr(t, "alongside", False):
        return (f"engine {t.shacl:.2f} s, within which fetching the context took {t.context:.2f} s, "
                f"report {t.report:.2f} s (of {row['seconds'][best]:.2f} s)")
    return (f"context {t.context:.2f} s, engine {t.shacl:.2f} s, report {t.report:.2f} s "
            f"(of {row['seconds'][best]:.2f} s)")


def commit() -> str:
    try:
        return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def run(scale: float, triples: int, repeat: int, plain: bool, cap: float, keep: Path | None) -> str:
    import pyshacl_turbo

    before = load()
    with tempfile.TemporaryDirectory() as tmp:
        nat_rows, nat = national(Path(tmp), scale, triples, repeat, plain, cap, keep)
        mid = load()
        ship_rows, ship = shipped(Path(tmp), repeat, plain)
    after = load()
    default = "batch (default)"
    baseline = "turbo (previous default)"
    loaded = (f"{nat['load']:.0f} s to load" if nat["load"] is not None
              else "loaded by an earlier run (--store)")
    lines = [
        "# Validation benchmark", "",
        f"{time.strftime('%Y-%m-%d %H:%M %Z')}, commit {commit()}; {platform.machine()}, "
        f"{os.cpu_count()} cores shared with other developers, Python {platform.python_version()}, "
        f"pyshacl {pyshacl.__version__}, pyshacl-turbo {pyshacl_turbo.__version__}, pyoxigraph "
        f"{ox.__version__}. Load average (1 / 5 min) before, between and after the two parts: "
        f"{before}; {mid}; {after}. `python -m bench.validation.run --scale {scale:g} "
        f"--triples {triples} --repeat {repeat}{' --plain' if plain else ''}`.", "",
        f"## A {triples:,}-triple submission against the national-scale graph", "",
        f"bench/generate.py at scale {scale:g}, loaded with kg's loader beside the project's real "
        f"files ({nat['quads']:,} quads, {loaded}). Submission: {nat['triples']:,} triples of "
        f"memberships between {nat['organisations']:,} synthetic migrant organisations of that "
        f"graph, each stated in one of 100 citations of that graph; {nat['context']:,} triples of "
        f"context fetched from the store. The in-memory "
        f"replica took {nat['replica']:.0f} s to copy (once per checkpoint in a worker).", "",
        *table(nat_rows, baseline, default), "",
        "Fastest run of each, split: " + "; ".join(
            f"{r['name']}: {splits(r)}" for r in nat_rows if r["splits"]) + ".", "",
        "## The whole shipped graph as one input", "",
        f"data/*.ttl as `kg load` publishes them: {ship['triples']:,} distinct triples, "
        "validated as `kg validate --store` does (no context; the ontology beside).", "",
        *table(ship_rows, baseline, default), "",
        "Fastest run of each, split: " + "; ".join(
            f"{r['name']}: {splits(r)}" for r in ship_rows if r["splits"] and r["splits"][0]) + ".",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--triples", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--store", help="keep the national-scale store in this folder and use it "
                                        "again in later runs of the same --scale")
    parser.add_argument("--plain", action="store_true", help="also plain pyshacl (slow; capped)")
    parser.add_argument("--cap", type=float, default=300, help="seconds for plain pyshacl's run")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "validation.md"))
    args = parser.parse_args()
    text = run(args.scale, args.triples, args.repeat, args.plain, args.cap,
               Path(args.store) if args.store else None)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
