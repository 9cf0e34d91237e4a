"""Does Oxigraph's cost per copied quad grow with the size of the one update's transaction?

The publishing update of `kg load --store URL` copies every staged triple into its graph, the
default graph and the merge copy in one transaction (kg/store/remote.py). This copies the same
staged quads (the synthetic graph of bench/generate.py, bulk-loaded into K staging graphs of
equal size) once as ONE update over all K graphs and once as K updates of one graph each, on
fresh on-disk pyoxigraph stores (the engine of the Oxigraph server), and prints seconds and the
process's peak RSS for both.

    nice -n 19 timeout 1800 python bench/txn_size.py --scale 0.1 --parts 8
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import generate  # noqa: E402

MERGE = "urn:x-bench:merge"


def staged_store(path: Path, triples: list[ox.Triple], parts: int) -> ox.Store:
    store = ox.Store(str(path))
    size = -(-len(triples) // parts)
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(f"urn:x-bench:staging/{i // size}"))
                      for i, t in enumerate(triples))
    return store


def copy_op(parts: list[int]) -> str:
    pairs = " ".join(f"(<urn:x-bench:staging/{i}> <urn:x-bench:g/{i}>)" for i in parts)
    return (f"INSERT {{ GRAPH ?g {{ ?s ?p ?o }} ?s ?p ?o . GRAPH <{MERGE}> {{ ?s ?p ?o }} }} "
            f"WHERE {{ VALUES (?staging ?g) {{ {pairs} }} GRAPH ?staging {{ ?s ?p ?o }} }}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=0.1)
    parser.add_argument("--parts", type=int, default=8)
    parser.add_argument("--order", default="one,split", help="which first: one,split or split,one")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="kg-txn-size-"))
    try:
        data = work / "synthetic.nt"
        generate.generate(data, args.scale, 1)
        triples = [q.triple for q in ox.parse(path=str(data), format=ox.RdfFormat.N_TRIPLES)]
        for how in args.order.split(","):
            store = staged_store(work / how, triples, args.parts)
            started = time.perf_counter()
            if how == "one":
                store.update(copy_op(list(range(args.parts))))
            else:
                for i in range(args.parts):
                    store.update(copy_op([i]))
            seconds = time.perf_counter() - started
            print(json.dumps({"scale": args.scale, "triples": len(triples), "parts": args.parts,
                              "how": how, "seconds": round(seconds, 1),
                              "quads_written_per_s": round(3 * len(triples) / seconds),
                              "peak_rss_mb_so_far": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}),
                  flush=True)
            del store
            shutil.rmtree(work / how, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
