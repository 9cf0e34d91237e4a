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
import datetime as dt
import http.client
import itertools
import json
import os
import platform
import random
import re
import select
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import catalogue, generate  # noqa: E402  (run as a script: the project root is on the path)

IKG = "https://w3id.org/integration-kg/ontology#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ENGINES = ["kg", "oxigraph", "oxigraph-server", "rdflib", "rdflib-endpoint"]
BASELINE = "oxigraph"
ENGINE_NAMES = {
    "kg": "integration-kg (kg serve, HTTP)",
    "oxigraph": "pyoxigraph in-process (baseline)",
    "oxigraph-server": "Oxigraph server (HTTP)",
    "rdflib": "rdflib Graph in-process",
    "rdflib-endpoint": "rdflib-endpoint (HTTP)",
}
SHORT = {"kg": "kg", "oxigraph": "pyoxigraph", "oxigraph-server": "Oxigraph server",
         "rdflib": "rdflib", "rdflib-endpoint": "rdflib-endpoint"}
HTTP_ENGINES = {"kg", "oxigraph-server", "rdflib-endpoint"}
# Goals of issue 10 (read off the results, never asserted in tests).
GOAL_QUERY_RATIO, GOAL_HTTP_SLACK_MS = 1.2, 5.0
GOAL_COMPARISON_MS = 100.0
GOAL_VS_RDFLIB_ENDPOINT = 100.0
GOAL_CHEAP_VS_SERVER = 0.8
GOAL_LOAD_RATIO = 0.8


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
    kg_args: list[str] = field(default_factory=list)


def parse_args(argv: list[str] | None) -> Settings:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 2)[2],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="small and short: scale 0.05, cap 5 s, budget 15 s, 2 s per throughput figure")
    parser.add_argument("--scale", type=float, help="size of the synthetic graph (1 = national, ~1.6 M triples)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the data and of the parameter choice")
    parser.add_argument("--cap", type=float, help="seconds one execution may take before it counts as '> cap'")
    parser.add_argument("--budget", type=float, help="seconds of warm executions per query and engine")
    parser.add_argument("--bindings", type=int, default=20, help="parameter bindings per query (default 20)")
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
    parser.add_argument("--kg-arg", action="append", default=[], metavar="ARG",
                        help="extra argument for `kg serve` (repeatable), e.g. --kg-arg=--query-workers=2")
    parser.add_argument("--worker", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
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
        cap=args.cap if args.cap is not None else (5.0 if quick else 10.0),
        budget=args.budget if args.budget is not None else (15.0 if quick else 40.0),
        bindings=max(1, args.bindings),
        duration=args.duration if args.duration is not None else (2.0 if quick else 8.0),
        clients=[int(c) for c in args.clients.split(",") if c.strip()],
        engines=[e for e in ENGINES if e in engines], workdir=args.workdir.resolve(), out=out,
        quick=quick, keep=args.keep, heavy=args.heavy, update_readme=args.update_readme,
        kg_args=args.kg_arg, queries=[q.strip() for q in args.queries.split(",")] if args.queries else None)


# =============================================================================================
# Processes: started here, ended here (by their own id or process group, never by name)

_started: list[subprocess.Popen] = []


def start(cmd: list[str], log_path: Path, **kwargs) -> subprocess.Popen:
    log_file = log_path.open("ab")
    proc = subprocess.Popen(cmd, stdout=log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            start_new_session=True, **kwargs)
    log_file.close()
    _started.append(proc)
    return proc


def stop(proc: subprocess.Popen | None, grace: float = 15.0) -> None:
    if proc is None or proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(5)


def stop_all() -> None:
    for proc in _started:
        try:
            stop(proc, grace=5)
        except Exception:  # noqa: BLE001 — best effort on the way out
            pass


def run_measured(cmd: list[str], log_path: Path, timeout: float) -> tuple[float, int, int]:
    """Run a command to its end; (seconds, peak RSS in bytes, exit code). Killed after `timeout`."""
    log_file = log_path.open("ab")
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            start_new_session=True)
    log_file.close()
    _started.append(proc)
    timer = threading.Timer(timeout, lambda: _kill_group(proc.pid))
    timer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss * 1024, proc.returncode


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def process_tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (from /proc)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        parents.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(parents.get(p, []))
        try:
            with open(f"/proc/{p}/status", encoding="utf-8") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
        except OSError:
            continue
    return total


class RssSampler:
    """Samples the resident memory of process trees every half second; keeps the peak."""

    def __init__(self) -> None:
        self.pids: list[int] = []
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            self.sample()

    def sample(self) -> None:
        total = sum(process_tree_rss(p) for p in list(self.pids))
        self.peak = max(self.peak, total)


# =============================================================================================
# Worker processes: the in-process engines, each in a process of its own (so that its memory
# is its own and a query past the cap can be ended), speaking JSON lines on stdin/stdout.


_protocol_fd = -1  # the worker's answers; closed in the processes it forks


def worker_main(argv: list[str]) -> int:
    global _protocol_fd
    kind = argv[0]
    _protocol_fd = os.dup(1)
    out = os.fdopen(_protocol_fd, "w", buffering=1, encoding="utf-8")
    os.dup2(2, 1)  # anything printed by a library goes to stderr, not into the protocol
    handler = OxigraphWorker() if kind == "oxigraph" else RdflibHost()
    for line in sys.stdin:
        request = json.loads(line)
        try:
            response = handler.handle(request)
        except Exception as exc:  # noqa: BLE001 — reported to the controller as the answer
            response = {"error": f"{type(exc).__name__}: {exc}"}
        out.write(json.dumps(response) + "\n")
    return 0


def _peak_rss() -> int:
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _count_rows(data: bytes) -> int:
    parsed = json.loads(data)
    return 1 if "boolean" in parsed else len(parsed["results"]["bindings"])


class OxigraphWorker:
    def __init__(self) -> None:
        self.store = None

    def handle(self, req: dict) -> dict:
        import pyoxigraph as ox
        op = req["op"]
        if op == "bulk_load":  # {dir, files: [[path, format extension, graph or null]]}
            store = ox.Store(req["dir"])
            started = time.perf_counter()
            for path, ext, graph in req["files"]:
                store.bulk_load(path=path, format=ox.RdfFormat.from_extension(ext),
                                to_graph=ox.NamedNode(graph) if graph else None)
            store.flush()
            seconds = time.perf_counter() - started
            quads = len(store)
            del store
            return {"seconds": seconds, "quads": quads, "maxrss": _peak_rss()}
        if op == "open":
            self.store = ox.Store(req["dir"])
            return {"ok": True}
        if op == "close":
            self.store = None
            return {"ok": True}
        if op == "merge_quads":  # write one N-Quads file: every triple in the default graph and in its file's graph
            started = time.perf_counter()
            with open(req["out"], "wb") as out:
                for index, (path, ext, graph) in enumerate(req["files"]):
                    g = ox.NamedNode(graph)

                    def doubled(quads, g=g, prefix=f"f{index}x"):
                        # blank nodes: the same in both copies, distinct between files
                        for q in quads:
                            s, o = q.subject, q.object
                            if isinstance(s, ox.BlankNode):
                                s = ox.BlankNode(prefix + s.value)
                            if isinstance(o, ox.BlankNode):
                                o = ox.BlankNode(prefix + o.value)
                            yield ox.Quad(s, q.predicate, o)
                            yield ox.Quad(s, q.predicate, o, g)
                    ox.serialize(doubled(ox.parse(path=path, format=ox.RdfFormat.from_extension(ext))),
                                 out, format=ox.RdfFormat.N_QUADS)
            return {"seconds": time.perf_counter() - started}
        if op == "select":
            return {"rows": [[t.value if t is not None else None for t in s]
                             for s in self.store.query(req["text"])]}
        if op == "query":
            subst = None
            if req.get("subst"):
                subst = {ox.Variable(name): _ox_term(ox, kind, value) for name, (kind, value) in req["subst"].items()}
            started = time.perf_counter()
            data = self.store.query(req["text"], substitutions=subst).serialize(format=ox.QueryResultsFormat.JSON)
            ms = (time.perf_counter() - started) * 1000
            return {"ms": ms, "rows": _count_rows(data)}
        if op == "throughput":
            store = self.store

            def run(text: str) -> None:
                store.query(text).serialize(format=ox.QueryResultsFormat.JSON)
            return threaded_throughput(run, req["texts"], req["clients"], req["duration"])
        if op == "stats":
            return {"maxrss": _peak_rss()}
        raise ValueError(f"unknown op {op}")


def _ox_term(ox, kind: str, value: str):
    if kind in ("iri", "iri-list"):
        return ox.NamedNode(value)
    if kind == "date":
        return ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
    if kind == "integer":
        return ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return ox.Literal(value)


def threaded_throughput(run, texts: list[str], clients: int, duration: float) -> dict:
    """`clients` threads call run(text) in turn for `duration` seconds; completions within it count.
    Threads stop issuing at the deadline and finish the query they are in before this returns."""
    counter = itertools.count()
    done = [0] * clients
    errors = [0] * clients
    barrier = threading.Barrier(clients + 1)
    deadline = [0.0]

    def client(k: int) -> None:
        barrier.wait()
        while time.monotonic() < deadline[0]:
            text = texts[next(counter) % len(texts)]
            try:
                run(text)
            except Exception:  # noqa: BLE001 — counted
                errors[k] += 1
                continue
            if time.monotonic() <= deadline[0]:
                done[k] += 1

    threads = [threading.Thread(target=client, args=(k,), daemon=True) for k in range(clients)]
    for t in threads:
        t.start()
    deadline[0] = time.monotonic() + duration
    barrier.wait()
    for t in threads:
        t.join()
    return {"completed": sum(done), "errors": sum(errors), "seconds": duration}


class RdflibHost:
    """Holds one rdflib Graph; runs each query in a forked child (so that one past the cap can be
    ended without parsing the data again), and serves the same Graph with rdflib-endpoint."""

    def __init__(self) -> None:
        self.graph = None
        self.server_pid: int | None = None
        self.child_peak = 0

    def handle(self, req: dict) -> dict:
        op = req["op"]
        if op == "load":  # {files: [[path, ext]]}
            import rdflib
            formats = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "rdf": "xml",
                       "owl": "xml", "jsonld": "json-ld", "n3": "n3"}
            started = time.perf_counter()
            graph = rdflib.Graph()
            for path, ext in req["files"]:
                graph.parse(path, format=formats[ext])
            seconds = time.perf_counter() - started
            self.graph = graph
            return {"seconds": seconds, "triples": len(graph), "maxrss": _peak_rss()}
        if op == "query":
            return self._in_child(lambda: self._query(req["text"]), req["cap"])
        if op == "throughput":
            from rdflib.plugins.sparql import prepareQuery
            graph = self.graph
            prepared: dict[str, object] = {}
            lock = threading.Lock()

            def run(text: str) -> None:
                # rdflib's SPARQL parser is not thread-safe: parse each text once, under a lock
                # (as rdflib-endpoint caches its parsed queries), and evaluate in the threads
                with lock:
                    query = prepared.get(text) or prepared.setdefault(text, prepareQuery(text))
                graph.query(query).serialize(format="json")

            def measure() -> dict:
                return threaded_throughput_abandoning(run, req["texts"], req["clients"], req["duration"])
            return self._in_child(measure, req["duration"] + 5)
        if op == "serve":
            self._stop_server()
            port = req["port"]
            pid = os.fork()
            if pid == 0:  # the server: rdflib-endpoint under uvicorn over the same Graph
                try:
                    os.close(_protocol_fd)
                    os.setsid()
                    devnull = os.open(os.devnull, os.O_RDONLY)
                    os.dup2(devnull, 0)
                    os.dup2(2, 1)
                    import uvicorn
                    from rdflib_endpoint import SparqlEndpoint
                    app = SparqlEndpoint(graph=self.graph, path="/sparql", cors_enabled=False)
                    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
                finally:
                    os._exit(0)
            self.server_pid = pid
            return {"pid": pid}
        if op == "stop_serve":
            self._stop_server()
            return {"ok": True}
        if op == "stats":
            return {"maxrss": _peak_rss(), "child_maxrss": self.child_peak}
        raise ValueError(f"unknown op {op}")

    def _stop_server(self) -> None:
        if self.server_pid:
            try:
                os.killpg(self.server_pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(self.server_pid, 0)
            self.server_pid = None

    def _query(self, text: str) -> dict:
        started = time.perf_counter()
        data = self.graph.query(text).serialize(format="json")
        ms = (time.perf_counter() - started) * 1000
        return {"ms": ms, "rows": _count_rows(data)}

    def _in_child(self, work, timeout: float) -> dict:
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            os.close(_protocol_fd)
            try:
                result = work()
            except Exception as exc:  # noqa: BLE001 — reported
                result = {"error": f"{type(exc).__name__}: {exc}"}
            os.write(write_fd, json.dumps(result).encode())
            os._exit(0)
        os.close(write_fd)
        chunks = []
        deadline = time.monotonic() + timeout
        timed_out = False
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                timed_out = True
                break
            ready, _, _ = select.select([read_fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(read_fd, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
        os.close(read_fd)
        if timed_out:
            os.kill(pid, signal.SIGKILL)
        _, _, usage = os.wait4(pid, 0)
        self.child_peak = max(self.child_peak, usage.ru_maxrss * 1024)
        if timed_out:
            return {"timeout": True}
        return json.loads(b"".join(chunks) or b'{"error": "no answer"}')


def threaded_throughput_abandoning(run, texts: list[str], clients: int, duration: float) -> dict:
    """Like threaded_throughput, but does not wait for queries still running at the deadline
    (used in a forked child that exits right after)."""
    counter = itertools.count()
    done = [0] * clients
    deadline = time.monotonic() + duration

    errors = [0] * clients

    def client(k: int) -> None:
        while time.monotonic() < deadline:
            try:
                run(texts[next(counter) % len(texts)])
            except Exception:  # noqa: BLE001 — counted
                errors[k] += 1
                continue
            if time.monotonic() <= deadline:
                done[k] += 1

    for k in range(clients):
        threading.Thread(target=client, args=(k,), daemon=True).start()
    time.sleep(max(0.0, deadline - time.monotonic()))
    return {"completed": sum(done), "errors": sum(errors), "seconds": duration}


# =============================================================================================
# The controller's view of an engine


@dataclass
class Exec:
    status: str  # ok | cap | error
    ms: float = 0.0
    rows: int = 0
    detail: str = ""


class WorkerClient:
    """One worker process (see worker_main), restartable."""

    def __init__(self, kind: str, log_path: Path) -> None:
        self.kind = kind
        self.log_path = log_path
        self.proc: subprocess.Popen | None = None
        self.peak_rss = 0
        self.spawn()

    def spawn(self) -> None:
        log_file = self.log_path.open("ab")
        self.proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--worker", self.kind],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log_file,
                                     start_new_session=True)
        log_file.close()
        _started.append(self.proc)

    def call(self, request: dict, timeout: float) -> dict | None:
        """The answer, or None when none came within `timeout` (the worker is then ended)."""
        assert self.proc and self.proc.stdin and self.proc.stdout
        self.proc.stdin.write((json.dumps(request) + "\n").encode())
        self.proc.stdin.flush()
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not ready:
            self.kill()
            return None
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"{self.kind} worker ended (see {self.log_path})")
        return json.loads(line)

    def kill(self) -> None:
        if self.proc:
            stop(self.proc, grace=0.1)
            self.proc = None

    def restart(self) -> None:
        self.kill()
        self.spawn()

    def close(self) -> None:
        if self.proc and self.proc.poll() is None:
            try:
                answer = self.call({"op": "stats"}, 30)
                if answer and "maxrss" in answer:
                    self.peak_rss = max(self.peak_rss, answer["maxrss"])
            except (OSError, RuntimeError):
                pass
        self.kill()


class OxigraphEngine:
    key = "oxigraph"

    def __init__(self, worker: WorkerClient, store_dir: Path, cap: float) -> None:
        self.worker, self.store_dir, self.cap = worker, store_dir, cap
        self.pids: list[int] = []

    def execute(self, text: str, subst: dict | None = None) -> Exec:
        answer = self.worker.call({"op": "query", "text": text, "subst": subst}, self.cap)
        if answer is None:  # past the cap: pyoxigraph cannot be stopped, so its process is ended
            self._reopen()
            return Exec("cap", detail=f"> {self.cap:g} s")
        if "error" in answer:
            return Exec("error", detail=answer["error"])
        return Exec("ok", answer["ms"], answer["rows"])

    def _reopen(self) -> None:
        self.worker.restart()
        self.worker.call({"op": "open", "dir": str(self.store_dir)}, 120)

    def throughput(self, texts: list[str], clients: int, duration: float) -> dict:
        answer = self.worker.call({"op": "throughput", "texts": texts, "clients": clients, "duration": duration},
                                  duration + self.cap + 30)
        if answer is None:
            self._reopen()
            return {"completed": 0, "errors": 0, "seconds": duration, "note": "stopped at the cap"}
        return answer


class RdflibEngine:
    key = "rdflib"

    def __init__(self, host: WorkerClient, cap: float) -> None:
        self.host, self.cap = host, cap

    def execute(self, text: str, subst: dict | None = None) -> Exec:
        answer = self.host.call({"op": "query", "text": text, "cap": self.cap}, self.cap + 60)
        if answer is None:
            raise RuntimeError("the rdflib host did not answer")
        if answer.get("timeout"):
            return Exec("cap", detail=f"> {self.cap:g} s")
        if "error" in answer:
            return Exec("error", detail=answer["error"])
        return Exec("ok", answer["ms"], answer["rows"])

    def throughput(self, texts: list[str], clients: int, duration: float) -> dict:
        answer = self.host.call({"op": "throughput", "texts": texts, "clients": clients, "duration": duration},
                                duration + 90)
        if answer is None or answer.get("timeout") or "error" in answer:
            return {"completed": 0, "errors": 0, "seconds": duration, "note": "no answer"}
        return answer


class HttpEngine:
    """A SPARQL endpoint over HTTP (POST application/sparql-query, JSON results)."""

    def __init__(self, key: str, port: int, path: str, cap: float, on_timeout=None) -> None:
        self.key, self.port, self.path, self.cap = key, port, path, cap
        self.on_timeout = on_timeout  # ends a query the server cannot stop by itself
        self.conn: http.client.HTTPConnection | None = None
        self.truncated = 0

    def _post(self, conn: http.client.HTTPConnection, text: str) -> tuple[int, bytes, dict]:
        conn.request("POST", self.path, body=text.encode("utf-8"),
                     headers={"Content-Type": "application/sparql-query; charset=utf-8",
                              "Accept": "application/sparql-results+json"})
        response = conn.getresponse()
        body = response.read()
        return response.status, body, dict(response.getheaders())

    def connect(self, timeout: float) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, text: str, timeout: float) -> tuple[int, bytes, dict]:
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = self.connect(timeout)
            self.conn.timeout = timeout
            if self.conn.sock is not None:
                self.conn.sock.settimeout(timeout)
            try:
                return self._post(self.conn, text)
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError,
                    http.client.CannotSendRequest, http.client.ResponseNotReady):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def execute(self, text: str, subst: dict | None = None) -> Exec:
        started = time.perf_counter()
        try:
            status, body, headers = self.request(text, self.cap + 2)
        except (TimeoutError, socket.timeout):
            if self.conn:
                self.conn.close()
                self.conn = None
            if self.on_timeout:
                self.on_timeout()
            return Exec("cap", detail=f"> {self.cap:g} s")
        except OSError as exc:
            return Exec("error", detail=f"{type(exc).__name__}: {exc}")
        ms = (time.perf_counter() - started) * 1000
        if status != 200:
            if ms >= self.cap * 1000 * 0.95:
                return Exec("cap", detail=f"> {self.cap:g} s (HTTP {status})")
            return Exec("error", ms, detail=f"HTTP {status}: {body[:200].decode('utf-8', 'replace')}")
        if headers.get("X-KG-Result-Truncated"):
            self.truncated += 1
        try:
            rows = _count_rows(body)
        except (ValueError, KeyError) as exc:
            return Exec("error", ms, detail=f"unreadable answer: {exc}")
        return Exec("ok", ms, rows)

    def ready(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                status, _, _ = self.request("ASK {}", 10)
                if status == 200:
                    return True
            except OSError:
                if self.conn:
                    self.conn.close()
                    self.conn = None
            time.sleep(0.3)
        return False

    def throughput(self, texts: list[str], clients: int, duration: float) -> dict:
        counter = itertools.count()
        done = [0] * clients
        errors = [0] * clients
        barrier = threading.Barrier(clients + 1)
        deadline = [0.0]
        timeout = self.cap + 2

        def client(k: int) -> None:
            conn = self.connect(timeout)
            barrier.wait()
            while time.monotonic() < deadline[0]:
                text = texts[next(counter) % len(texts)]
                try:
                    status, _, _ = self._post(conn, text)
                except OSError:
                    conn.close()
                    conn = self.connect(timeout)
                    errors[k] += 1
                    continue
                except http.client.HTTPException:
                    conn.close()
                    conn = self.connect(timeout)
                    errors[k] += 1
                    continue
                if status != 200:
                    errors[k] += 1
                elif time.monotonic() <= deadline[0]:
                    done[k] += 1
            conn.close()

        threads = [threading.Thread(target=client, args=(k,), daemon=True) for k in range(clients)]
        for t in threads:
            t.start()
        deadline[0] = time.monotonic() + duration
        barrier.wait()
        for t in threads:
            t.join(timeout + duration + 5)
        return {"completed": sum(done), "errors": sum(errors), "seconds": duration}

    def close(self) -> None:
        if self.conn:
            self.conn.close()
            self.conn = None


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
    for query in catalogue.read_catalogue():
        if settings.queries and query.id not in settings.queries:
            continue
        if not query.params:
            plan.append(Series(query.id, query.title, [query.text] * n, [{}] * n))
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
            texts.append(catalogue.bind(query, values))
            substs.append({name: [query.param(name).kind, value] for name, value in values.items()})
        label = query.title + (" (6 municipalities)" if query.param("municipality") and
                               query.param("municipality").kind == "iri-list" else "")
        plan.append(Series(query.id, label, texts, substs if single_valued else None))
        if query.id == "cq08":
            plan.append(Series("cq08x2", query.title + " (2 municipalities)",
                               [catalogue.bind(query, {"municipality": sets[2][i], "date": dates[i]})
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
        return engine.execute(series.texts[i], subst)

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
    for series in plan:
        if use_subst and series.subst is None:
            continue
        results[series.key] = measure_series(engine, series, settings, use_subst)
        r = results[series.key]
        log(f"  {engine.key}{' (substitutions)' if use_subst else ''} {series.key}: "
            f"{summary_cell(r, settings)}")
    return results


def measure_throughput(engine, cheap: list[str], heavy: list[str], heavy_ok: bool, settings: Settings) -> dict:
    results: dict[str, dict[int, dict]] = {"cheap": {}, "heavy": {}}
    for kind, texts in (("cheap", cheap), ("heavy", heavy)):
        for clients in settings.clients:
            if kind == "heavy" and not heavy_ok:
                results[kind][clients] = {"skipped": "the query alone is past the cap or failed"}
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
    from kg import iris, rdfio
    files = []
    for folder in iris.SOURCE_FOLDERS:
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_file() and rdfio.is_rdf_file(path):
                rel = path.relative_to(root).as_posix()
                files.append((path, path.suffix.lstrip(".").lower(), iris.graph_for_file(rel)))
    return files


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
        results["queries"]["oxigraph"] = measure_engine_queries(engine, plan, settings)
        results["queries"]["oxigraph-subst"] = measure_engine_queries(engine, plan, settings, use_subst=True)
        results["throughput"]["oxigraph"] = measure_throughput(
            engine, cheap, heavy, heavy_ok(results["queries"]["oxigraph"], settings), settings)
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
    r = query_results.get(settings.heavy)
    return bool(r and r["status"] in ("ok", "budget") and r["warm"])


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
        with RssSampler() as sampler:
            sampler.pids.append(proc.pid)
            if not engine.ready(300):
                raise RuntimeError(f"kg serve did not answer (see {logs / 'kg-serve.log'})")
            log("kg serve: catalogue ...")
            results["queries"]["kg"] = measure_engine_queries(engine, plan, settings)
            results["throughput"]["kg"] = measure_throughput(engine, cheap, heavy, heavy_ok(results["queries"]["kg"], settings), settings)
            sampler.sample()
        results["memory"]["kg"] = sampler.peak
        if engine.truncated:
            results["notes"].append(f"kg cut {engine.truncated} answers at its row cap")
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
                  "--timeout-s", str(max(1, round(settings.cap)))], logs / "oxigraph-serve.log")
    engine = HttpEngine("oxigraph-server", port, "/query", settings.cap)
    try:
        with RssSampler() as sampler:
            sampler.pids.append(proc.pid)
            if not engine.ready(120):
                raise RuntimeError(f"oxigraph serve did not answer (see {logs / 'oxigraph-serve.log'})")
            log("Oxigraph server: catalogue ...")
            results["queries"]["oxigraph-server"] = measure_engine_queries(engine, plan, settings)
            results["throughput"]["oxigraph-server"] = measure_throughput(
                engine, cheap, heavy, heavy_ok(results["queries"]["oxigraph-server"], settings), settings)
            sampler.sample()
        results["memory"]["oxigraph-server"] = sampler.peak
    finally:
        engine.close()
        stop(proc)


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
        results["queries"]["rdflib"] = measure_engine_queries(engine, plan, settings)
        results["throughput"]["rdflib"] = measure_throughput(
            engine, cheap, heavy, heavy_ok(results["queries"]["rdflib"], settings), settings)
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
    state = {"pid": None}

    def serve() -> None:
        answer = host.call({"op": "serve", "port": port}, 60)
        state["pid"] = answer["pid"]

    def restart() -> None:  # uvicorn keeps computing an abandoned query: end it, serve again
        serve()
        sampler.pids[:] = [state["pid"]]
        engine.ready(60)

    engine = HttpEngine("rdflib-endpoint", port, "/sparql", settings.cap, on_timeout=restart)
    with RssSampler() as sampler:
        serve()
        sampler.pids.append(state["pid"])
        if not engine.ready(120):
            raise RuntimeError(f"rdflib-endpoint did not answer (see {logs / 'rdflib-host.log'})")
        log("rdflib-endpoint: catalogue ...")
        results["queries"]["rdflib-endpoint"] = measure_engine_queries(engine, plan, settings)
        results["throughput"]["rdflib-endpoint"] = measure_throughput(
            engine, cheap, heavy, heavy_ok(results["queries"]["rdflib-endpoint"], settings), settings)
        sampler.sample()
    results["memory"]["rdflib-endpoint"] = sampler.peak
    engine.close()
    host.call({"op": "stop_serve"}, 30)


# =============================================================================================
# Machine, versions


def machine_info() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = int(line.split()[1]) * 1024
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0, 0, 0)

    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=30).stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            return ""
    versions = {}
    from importlib import metadata
    for dist in ("integration-kg", "pyoxigraph", "oxigraph", "rdflib", "rdflib-endpoint", "uvicorn", "fastapi",
                 "Flask", "waitress"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = "not installed"
    return {"cpu": cpu or platform.processor(), "cores": os.cpu_count(), "ram": ram,
            "os": f"{platform.system()} {platform.release()}", "python": platform.python_version(),
            "commit": git("rev-parse", "--short", "HEAD"), "dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
            "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "loadavg_at_start": [round(x, 2) for x in load], "versions": versions}


# =============================================================================================
# Report


def fmt_ms(ms: float | None) -> str:
    if ms is None:
        return "–"
    if ms < 10:
        return f"{ms:.2f}"
    if ms < 100:
        return f"{ms:.1f}"
    return f"{ms:,.0f}"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))
    return ordered[index]


def stats(r: dict | None) -> tuple[float | None, float | None]:
    if not r or not r["warm"] or r["status"] in ("cap", "error"):
        return None, None
    return statistics.median(r["warm"]), percentile(r["warm"], 95)


def summary_cell(r: dict | None, settings: Settings) -> str:
    if r is None:
        return "–"
    if r["status"] == "cap":
        done = len(r["warm"])
        return f"> {settings.cap:g} s" + (f" (after {done} runs)" if done else "")
    if r["status"] == "error":
        return "error"
    med, p95 = stats(r)
    cell = f"{fmt_ms(med)} / {fmt_ms(p95)}"
    if r["status"] == "budget":
        cell += f" (n={len(r['warm'])})"
    return cell


def ratio_text(value: float | None) -> str:
    if value is None:
        return "–"
    if value >= 100:
        return f"{value:,.0f}×"
    if value >= 10:
        return f"{value:.0f}×"
    return f"{value:.2f}×"


def query_ratio(results: dict, key: str, engine: str, settings: Settings) -> tuple[float | None, str]:
    """engine median / baseline median, with a lower bound when the engine passed the cap."""
    base, _ = stats(results["queries"].get(BASELINE, {}).get(key))
    r = results["queries"].get(engine, {}).get(key)
    med, _ = stats(r)
    if base is None or not base:
        return None, "–"
    if med is not None:
        return med / base, ratio_text(med / base)
    if r and r["status"] == "cap":
        return settings.cap * 1000 / base, "> " + ratio_text(settings.cap * 1000 / base)
    return None, "–"


def goals(results: dict, settings: Settings) -> list[tuple[str, str, str, str]]:
    """(goal, measured, target, verdict) for each goal of issue 10."""
    rows = []
    q = results["queries"]
    cap_ms = settings.cap * 1000
    if "kg" in q:
        passes, misses = [], []
        for key in [s[0] for s in results["plan"]["series"]]:
            base, _ = stats(q[BASELINE].get(key))
            med, _ = stats(q["kg"].get(key))
            if base is None:
                continue
            target = GOAL_QUERY_RATIO * base + GOAL_HTTP_SLACK_MS
            (passes if med is not None and med <= target else misses).append(key)
        measured = f"{len(passes)} of {len(passes) + len(misses)} within"
        if misses:
            measured += f"; missed: {', '.join(misses)}"
        rows.append(("each catalogue query within 1.2× (+5 ms for HTTP) of pyoxigraph in-process (warm median)",
                     measured, "all", "pass" if not misses and passes else "miss"))
        planned = {s[0] for s in results["plan"]["series"]}
        for key, what in (("cq08x2", "2"), ("cq08", "6")):
            if key not in planned:
                continue
            med, p95 = stats(q["kg"].get(key))
            r = q["kg"].get(key)
            measured = (f"median {fmt_ms(med)} ms, p95 {fmt_ms(p95)} ms" if med is not None
                        else summary_cell(r, settings))
            verdict = "pass" if med is not None and med <= GOAL_COMPARISON_MS else "miss"
            if settings.scale != 1.0:
                verdict += f" (at scale {settings.scale:g}; the goal is for scale 1)"
            rows.append((f"comparison of {what} municipalities (cq08) ≤ 100 ms at scale 1 (warm median)", measured,
                         "≤ 100 ms", verdict))
        if "rdflib-endpoint" in q:
            for key, what in (("cq08x2", "2"), ("cq08", "6")):
                if key not in planned:
                    continue
                med, _ = stats(q["kg"].get(key))
                other, _ = stats(q["rdflib-endpoint"].get(key))
                r = q["rdflib-endpoint"].get(key)
                if med is None:
                    rows.append((f"≥ 100× faster than rdflib-endpoint, comparison of {what}", "kg has no time", "≥ 100×", "miss"))
                    continue
                if other is not None:
                    factor = other / med
                    rows.append((f"≥ 100× faster than rdflib-endpoint, comparison of {what}", f"{ratio_text(factor)}",
                                 "≥ 100×", "pass" if factor >= GOAL_VS_RDFLIB_ENDPOINT else "miss"))
                elif r and r["status"] == "cap":
                    factor = cap_ms / med
                    rows.append((f"≥ 100× faster than rdflib-endpoint, comparison of {what}",
                                 f"> {ratio_text(factor)} (rdflib-endpoint past the {settings.cap:g} s cap)", "≥ 100×",
                                 "pass" if factor >= GOAL_VS_RDFLIB_ENDPOINT else "undecided (raise --cap)"))
    t = results["throughput"]
    if "kg" in t and "oxigraph-server" in t and 4 in settings.clients:
        mine = t["kg"]["cheap"].get(4, {}).get("rps")
        theirs = t["oxigraph-server"]["cheap"].get(4, {}).get("rps")
        if mine is not None and theirs:
            rows.append(("cheap-query throughput, 4 clients, ≥ 0.8× the Oxigraph server's",
                         f"{mine:,.0f} vs {theirs:,.0f} req/s = {ratio_text(mine / theirs)}", "≥ 0.8×",
                         "pass" if mine / theirs >= GOAL_CHEAP_VS_SERVER else "miss"))
    load = results["load"]
    if "kg" in load and BASELINE in load:
        factor = load["kg"]["rate"] / load[BASELINE]["rate"]
        rows.append(("`kg load` ≥ 0.8× pyoxigraph bulk_load (on-disk store)",
                     f"{load['kg']['rate']:,.0f} vs {load[BASELINE]['rate']:,.0f} triples/s = {ratio_text(factor)}",
                     "≥ 0.8×", "pass" if factor >= GOAL_LOAD_RATIO else "miss"))
    return rows


def mb(n: int | None) -> str:
    return "–" if not n else f"{n / 2**20:,.0f} MB"


def render(results: dict, settings: Settings) -> str:
    m = results["machine"]
    engines = [e for e in ENGINES if e in results["engines"]]
    title = ("National scale" if settings.scale == 1.0 else f"Scale {settings.scale:g}") + (" (quick)" if settings.quick else "")
    lines = [f"# Benchmark: {title}", "",
             f"Written by `bench/run.py{' --quick' if settings.quick else ''}` on {m['date']}, "
             f"commit `{m['commit']}`{' with uncommitted changes in the work tree' if m['dirty'] else ''}; "
             f"the whole run took {results['seconds'] / 60:.1f} min.", "",
             "## Machine and versions", "",
             f"- CPU: {m['cpu']}, {m['cores']} cores; RAM {m['ram'] / 2**30:.0f} GiB; {m['os']}; "
             f"load average at start {', '.join(str(x) for x in m['loadavg_at_start'])} (the machine is shared: "
             "other work ran at the same time)",
             f"- Python {m['python']}; " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()),
             "", "## Data and method", "",
             f"- Synthetic graph from `bench/generate.py --scale {settings.scale:g} --seed {settings.seed}`: "
             f"{results['data']['synthetic_triples']:,} triples ({results['data']['bytes'] / 2**20:,.0f} MB N-Triples), "
             f"{results['data']['input_triples']:,} with the real ontology and shapes "
             f"({', '.join(results['data']['files'])}).",
             f"- Each catalogue query runs with {settings.bindings} parameter bindings, chosen once from "
             f"{results['plan']['municipalities']:,} municipalities with an administration (half the largest, half at "
             f"random) and {results['plan']['events']:,} events with speakers; cq08 compares sets of 6 (and, apart, 2) "
             "municipalities; dates vary. Parameters are bound by a `VALUES` block at the start of the query's "
             "outermost group, so every engine gets the same text.",
             f"- Cold = the first execution of a query on the engine; warm = median / p95 over the {settings.bindings} "
             f"bindings after it, in ms, end to end (HTTP: request to the last byte of the JSON answer; in-process: "
             f"query and JSON serialisation). Each execution is capped at {settings.cap:g} s ('> cap'; pyoxigraph and "
             f"rdflib are ended and restarted past it), each series at {settings.budget:g} s of warm runs "
             "('n=' says how many ran).",
             "- Ratios are to the baseline, pyoxigraph in-process on one merged default graph (plus a named graph per "
             "file for `GRAPH`) in an on-disk store loaded with `bulk_load`: the engine's limit.",
             f"- Throughput: {settings.duration:g} s per figure, clients are threads with keep-alive connections (HTTP) "
             "or threads on one Store / Graph (in-process); only answers completed within the time count. Cheap query: "
             f"the label of one municipality by IRI; heavy query: {settings.heavy} as bound above.",
             ""]

    lines += ["## Goals (issue 10)", "", "| goal | measured | target | result |", "| --- | --- | --- | --- |"]
    for goal, measured, target, verdict in goals(results, settings):
        lines.append(f"| {goal} | {measured} | {target} | **{verdict}** |")
    lines.append("")

    lines += ["## Load", "", "| engine | what | seconds | triples/s | ratio | peak RSS |", "| --- | --- | ---: | ---: | ---: | ---: |"]
    base_rate = results["load"].get(BASELINE, {}).get("rate")
    load_what = {"kg": "`kg load` (own process, wall time)", "oxigraph": "`Store.bulk_load`, default graph",
                 "oxigraph-named": "`Store.bulk_load`, merged default graph + per-file graphs (query store)",
                 "oxigraph-server": "`oxigraph load` (CLI, wall time)", "rdflib": "`Graph.parse`"}
    for key in ["kg", "oxigraph", "oxigraph-named", "oxigraph-server", "rdflib"]:
        r = results["load"].get(key)
        if not r:
            continue
        name = SHORT.get(key, "pyoxigraph")
        lines.append(f"| {name} | {load_what[key]} | {r['seconds']:,.1f} | {r['rate']:,.0f} | "
                     f"{ratio_text(r['rate'] / base_rate) if base_rate else '–'} | {mb(r.get('peak_rss'))} |")
    lines.append("")

    lines += ["## Memory while querying", "", "| engine | peak RSS |", "| --- | ---: |"]
    for key in engines:
        lines.append(f"| {ENGINE_NAMES[key]} | {mb(results['memory'].get(key))} |")
    lines += ["", "Servers: the process and its children, sampled every 0.5 s (kg: the WSGI server and its query "
              "workers, each with its own read-only store); in-process: the worker's peak.", ""]

    header = "| query | " + " | ".join(SHORT[e] for e in engines) + " |"
    sep = "| --- |" + " ---: |" * len(engines)
    series_keys = [(s[0], s[1]) for s in results["plan"]["series"]]
    lines += ["## Catalogue queries, warm: median / p95 ms (ratio of medians to pyoxigraph in-process)", "", header, sep]
    for key, label in series_keys:
        cells = []
        for e in engines:
            r = results["queries"].get(e, {}).get(key)
            cell = summary_cell(r, settings)
            if e != BASELINE and r is not None:
                cell += f" ({query_ratio(results, key, e, settings)[1]})"
            cells.append(cell)
        lines.append(f"| {key} {label} | " + " | ".join(cells) + " |")
    lines += ["", "## Catalogue queries, cold: first execution, ms", "", header, sep]
    for key, label in series_keys:
        cells = []
        for e in engines:
            r = results["queries"].get(e, {}).get(key)
            cells.append("–" if r is None else (fmt_ms(r["cold"]) if r["cold"] is not None else summary_cell(r, settings)))
        lines.append(f"| {key} | " + " | ".join(cells) + " |")

    lines += ["", "## Rows returned (sum over the warm runs; ⚠ = differs from the baseline)", "", header, sep]
    for key, _ in series_keys:
        base = results["queries"].get(BASELINE, {}).get(key)
        cells = []
        for e in engines:
            r = results["queries"].get(e, {}).get(key)
            if r is None or not r["rows"]:
                cells.append("–")
                continue
            total = sum(r["rows"])
            same_runs = base and len(base["rows"]) == len(r["rows"])
            flag = " ⚠" if same_runs and base["rows"] != r["rows"] else ""
            cells.append(f"{total:,}{flag}")
        lines.append(f"| {key} | " + " | ".join(cells) + " |")
    lines += ["", "rdflib's `Graph` has no named graphs, so cq12 (which reads `GRAPH ?graph`) finds nothing there.", ""]

    subst = results["queries"].get("oxigraph-subst", {})
    if subst:
        lines += ["## Binding parameters: `VALUES` vs pyoxigraph substitutions (in-process, warm median / p95 ms)", "",
                  "Queries with single-valued parameters only; substitutions bind the same values before the "
                  "engine plans the query, as `Store.query(..., substitutions=...)` does.", "",
                  "| query | VALUES | substitutions |", "| --- | ---: | ---: |"]
        for key, _ in series_keys:
            if key in subst:
                lines.append(f"| {key} | {summary_cell(results['queries'][BASELINE].get(key), settings)} | "
                             f"{summary_cell(subst[key], settings)} |")
        lines.append("")

    lines += ["## Throughput: requests per second (ratio to pyoxigraph in-process)", "",
              "| engine | query | " + " | ".join(f"{c} client{'s' if c > 1 else ''}" for c in settings.clients) + " |",
              "| --- | --- |" + " ---: |" * len(settings.clients)]
    base_t = results["throughput"].get(BASELINE, {})
    for e in engines:
        t = results["throughput"].get(e)
        if not t:
            continue
        for kind in ("cheap", "heavy"):
            cells = []
            for c in settings.clients:
                r = t[kind].get(c, {})
                if "rps" not in r:
                    cells.append("– (query past the cap)" if "skipped" in r else "–")
                    continue
                b = base_t.get(kind, {}).get(c, {}).get("rps")
                extra = f" ({ratio_text(r['rps'] / b)})" if b and e != BASELINE else ""
                errs = f", {r['errors']} errors" if r.get("errors") else ""
                cells.append(f"{r['rps']:,.1f}{extra}{errs}")
            lines.append(f"| {SHORT[e]} | {kind} | " + " | ".join(cells) + " |")
    lines.append("")

    if results["failures"] or results["notes"]:
        lines += ["## Notes", ""]
        for key, reason in results["failures"].items():
            lines.append(f"- {ENGINE_NAMES.get(key, key)} failed: {reason}")
        for note in results["notes"]:
            lines.append(f"- {note}")
        lines.append("")
    errors = [(e, k, r["detail"]) for e, qs in results["queries"].items() for k, r in qs.items() if r["status"] == "error"]
    if errors:
        lines += ["## Errors", ""] + [f"- {e} {k}: {d}" for e, k, d in errors] + [""]
    return "\n".join(lines)


def readme_summary(results: dict, settings: Settings, results_path: Path) -> str:
    m = results["machine"]
    rel = os.path.relpath(results_path, ROOT)
    lines = [f"Latest run: {m['date']}, commit `{m['commit']}`, scale {settings.scale:g} "
             f"({results['data']['input_triples']:,} triples), {m['cores']} cores ({m['cpu']}); "
             f"all figures in [{rel}]({rel}).", "",
             "| goal | measured | target | result |", "| --- | --- | --- | --- |"]
    for goal, measured, target, verdict in goals(results, settings):
        lines.append(f"| {goal} | {measured} | {target} | {verdict} |")
    return "\n".join(lines)


README_START = "<!-- bench:summary:start -->"
README_END = "<!-- bench:summary:end -->"


def update_readme(summary: str) -> bool:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        log("README.md has no benchmark summary markers; left as it is")
        return False
    head, rest = text.split(README_START, 1)
    _, tail = rest.split(README_END, 1)
    readme.write_text(f"{head}{README_START}\n{summary}\n{README_END}{tail}", encoding="utf-8")
    return True


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--worker"]:
        return worker_main(argv[1:])
    settings = parse_args(argv)
    settings.workdir.mkdir(parents=True, exist_ok=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        results = run(settings)
    finally:
        stop_all()
    settings.out.parent.mkdir(parents=True, exist_ok=True)
    settings.out.write_text(render(results, settings), encoding="utf-8")
    settings.out.with_suffix(".json").write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    log(f"results: {settings.out}")
    if settings.update_readme and update_readme(readme_summary(results, settings, settings.out)):
        log("README.md: benchmark summary updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
