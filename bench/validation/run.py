"""Validation benchmark: a 10,000-triple synthetic submission against a large synthetic graph.

Runs, on the same data and shapes, in one process:
  ours             kg.validation.Validator: context (what the submission references) from the
                   store, pyshacl with each SPARQL constraint parsed once (kg.validation.prepared)
  ours, turbo      the same with the engine pyshacl-turbo (if installed)
  pyshacl, whole   plain pyshacl (rdflib's own SPARQL processor) over the submission plus the
                   whole published graph: how one gets the same answers without context
                   extraction (--plain; slow: 717 s at 2,000 organisations)
  turbo, whole     pyshacl-turbo over the same whole graph (if installed)
and checks that each reports the same (focus, path, component, severity) set for the
submission's nodes. Writes bench/results/validation.md. Usage:
  .venv/bin/python -m bench.validation.run [--organisations 20000] [--triples 10000] [--plain]
"""

from __future__ import annotations

import argparse
import platform
import tempfile
import time
from pathlib import Path

import pyshacl
from rdflib import BNode, Graph

from bench.validation import synthetic
from kg import iris
from kg.loading import collect_sources, load_sources
from kg.store import EmbeddedStore
from kg.store.base import GraphLoad
from kg.validation import Validator, load_bundle
from kg.validation.build import node_id
from kg.validation.context import fetch_context
from kg.validation.engine import Submission, own_nodes
from kg.validation.lines import NoLines
from kg.validation.terms import graph_of

ROOT = Path(__file__).resolve().parents[2]
SH = "http://www.w3.org/ns/shacl#"


def result_keys(results: Graph, data: Graph, keep) -> set[tuple]:
    """(record, path, component, severity) for the submission's nodes; blank nodes by record."""
    from rdflib import URIRef
    from rdflib.namespace import RDF

    get = lambda r, p: results.value(r, URIRef(SH + p))  # noqa: E731
    keys = set()
    for r in results.subjects(RDF.type, URIRef(SH + "ValidationResult")):
        focus = get(r, "focusNode")
        if focus not in keep:
            continue
        while isinstance(focus, BNode):
            focus = next(iter(data.subjects(None, focus)))
        keys.add((node_id(focus), str(get(r, "resultPath")), str(get(r, "sourceConstraintComponent")),
                  str(get(r, "resultSeverity"))))
    return keys


def timed(fn):
    started = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - started


def prepare(tmp: Path, organisations: int):
    store = EmbeddedStore(tmp / "store")
    load_sources(store, collect_sources(ROOT))
    big = synthetic.large_graph(organisations)
    store.replace_graphs([GraphLoad(iris.GRAPH + "data/synthetic-bench", big, source="synthetic")])
    return store, len(big)


def run(organisations: int, triples: int, plain: bool) -> str:
    bundle = load_bundle(ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        store, big = prepare(Path(tmp), organisations)
        published = store.quad_count()
        sub = synthetic.submission(triples, organisations)
        keep = own_nodes(sub)
        validator = Validator(bundle, store, engine="pyshacl")
        report, t_ours = timed(lambda: validator.validate(Submission(sub, "synthetic", NoLines()), "en"))
        ours = _keys(report)
        timings = validator.timings
        context = fetch_context(store, sub, bundle.known_terms)
        rows = [("ours: context from the store, pyshacl", t_ours, len(sub) + len(context), ours)]
        everything = _whole(store, sub)
        if _has_turbo():
            turbo = Validator(bundle, store, engine="pyshacl-turbo")
            report, seconds = timed(lambda: turbo.validate(Submission(sub, "synthetic", NoLines()), "en"))
            rows.append(("ours: context from the store, pyshacl-turbo", seconds, len(sub) + len(context), _keys(report)))
            rows.append(_whole_run("pyshacl-turbo, whole graph", everything, keep, bundle, turbo=True))
        if plain:
            rows.append(_whole_run("plain pyshacl, whole graph", everything, keep, bundle, turbo=False))
        store.close()
    return _markdown(rows, ours, organisations, big, published, len(sub), len(context), timings)


def _keys(report) -> set[tuple]:
    return {(rec.node if r.focus.startswith("_:") else r.focus, str(r.path), r.component,
             SH + r.severity) for rec in report.records for r in rec.results}


def _has_turbo() -> bool:
    try:
        import pyshacl_turbo  # noqa: F401
    except ImportError:
        return False
    return True


def _whole(store, sub) -> list:
    import pyoxigraph as ox

    dump = store.dump(ox.RdfFormat.N_QUADS)
    return list(sub) + [q.triple for q in ox.parse(dump, format=ox.RdfFormat.N_QUADS)]


def _whole_run(name, everything, keep, bundle, turbo: bool):
    import rdflib

    data = graph_of(everything)
    data += bundle.ontology
    if turbo:
        import pyshacl_turbo
        validate = pyshacl_turbo.validate
    else:
        # rdflib's own SPARQL processor, as plain pyshacl has it (ours swaps in the preparing one)
        rdflib.plugin.register("sparql", rdflib.query.Processor,
                               "rdflib.plugins.sparql.processor", "SPARQLProcessor")
        validate = pyshacl.validate
    (_, results, _), seconds = timed(lambda: validate(
        data, shacl_graph=bundle.shapes, inference="none", inplace=True, do_owl_imports=False,
        allow_warnings=True, allow_infos=True))
    return (name, seconds, len(data), result_keys(results, data, keep))


def _markdown(rows, ours, organisations, big, published, sub, context, timings) -> str:
    base = rows[0][1]
    lines = [
        "# Validation benchmark", "",
        f"Machine: {platform.machine()}, Python {platform.python_version()}, pyshacl "
        f"{pyshacl.__version__}. Synthetic data (bench/validation/synthetic.py): "
        f"{organisations:,} organisations = {big:,} triples, published beside the project's "
        f"real files ({published:,} quads in all); submission {sub:,} triples of memberships "
        f"(every 50th dated before its organisation was founded: a SPARQL-based Warning).", "",
        f"Ours fetched {context:,} triples of context; its time split: context "
        f"{timings.context:.2f} s, pyshacl {timings.shacl:.2f} s, report {timings.report:.2f} s.", "",
        "| engine | data graph (triples) | seconds | × ours | same results as ours |",
        "| --- | ---: | ---: | ---: | --- |"]
    for name, seconds, size, keys in rows:
        same = "yes" if keys == ours else f"no ({len(keys ^ ours)} differ)"
        lines.append(f"| {name} | {size:,} | {seconds:.2f} | {seconds / base:.2f} | {same} |")
    lines += ["", f"Results for the submission: {len(ours)} distinct (record, path, component, "
              "severity), the same for every engine above.", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--organisations", type=int, default=20_000)
    parser.add_argument("--triples", type=int, default=10_000)
    parser.add_argument("--plain", action="store_true", help="also plain pyshacl on the whole graph")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "validation.md"))
    args = parser.parse_args()
    text = run(args.organisations, args.triples, args.plain)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
