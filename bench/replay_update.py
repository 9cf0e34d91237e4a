"""Replay the publishing update `kg load --store URL` sent, in pyoxigraph in-process, in variants.

Usage: `bench/remote_phases.py --scale 0.01 --workdir DIR` keeps the update texts it timed
(DIR/scale-0.01/NN-update.rq) and the project root; then

    python bench/replay_update.py DIR/scale-0.01 ROUNDS A,B,C,D,E

stages the same files into fresh on-disk stores and times each variant of the update: A as
sent, B the copy and the records, C the copy and one record operation, D the copy alone, E the
withdrawals, the copy and one record operation. Found: operations before the copy slow it 2-3×
(bench/results/remote-load.md).
"""
import atexit, re, shutil, sys, time, tempfile, pyoxigraph as ox
from pathlib import Path
d = Path(sys.argv[1]); text = next(p.read_text() for p in sorted(d.glob("*-update.rq")) if "INSERT {" in p.read_text())
pairs = re.findall(r"\(<([^>]*staging[^>]*)> <https://w3id.org/integration-kg/graph/([^>]*)>\)", text)
root = d/"root"
def staged():
    folder = tempfile.mkdtemp(prefix="replay-")
    atexit.register(shutil.rmtree, folder, True)
    store = ox.Store(folder)
    for staging, rel in pairs:
        f = next(p for p in root.glob(rel + ".*"))
        fmt = ox.RdfFormat.TURTLE if f.suffix == ".ttl" else ox.RdfFormat.N_TRIPLES
        store.bulk_load(path=str(f), format=fmt, to_graph=ox.NamedNode(staging))
    return store
ops = text.split(" ;\n")
ins = [o for o in ops if o.startswith("INSERT {")]
recs = [o for o in ops if o.startswith("INSERT DATA")]
withdraw = [o for o in ops if o not in ins and o not in recs]
rec1 = "INSERT DATA { " + " ".join(r[len("INSERT DATA { "):-2] for r in recs) + " }"
variants = {"A current": ops, "B insert+records(4)": ins + recs, "C insert+record(1 op)": ins + [rec1],
            "D insert only": ins, "E withdraw+insert+record(1 op)": withdraw + ins + [rec1]}
for rnd in range(int(sys.argv[2])):
  for name in sys.argv[3].split(","):
    key = next(k for k in variants if k.startswith(name))
    s = staged(); t = time.perf_counter(); s.update(" ;\n".join(variants[key]))
    print(rnd, key, round(time.perf_counter()-t, 2), "s", len(s), flush=True)
