"""The engines the benchmark runs, and the processes they run in.

In-process engines (pyoxigraph, rdflib) run in worker processes of their own, speaking JSON lines
on stdin/stdout (`python bench/engines.py --worker oxigraph|rdflib`), so that their memory is
their own and a query past the cap can be ended: pyoxigraph's worker is ended and restarted (the
store is on disk), rdflib's host keeps the parsed Graph and runs every query in a forked child.
HTTP engines (kg serve, the Oxigraph server, rdflib-endpoint) are separate server processes,
asked with POST application/sparql-query for JSON results.

Every process is started here and ended here, by its own id or process group, never by name.
"""

from __future__ import annotations

import http.client
import itertools
import json
import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

# =============================================================================================
# Processes

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


def peak_rss_of(pid: int) -> int:
    """The peak resident memory (VmHWM) of a running process, in bytes; 0 if unknown."""
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class RssSampler:
    """Samples the resident memory of process trees every half second; keeps the peak."""

    def __init__(self, pids: list[int] | None = None) -> None:
        self.pids: list[int] = pids if pids is not None else []  # the caller's list: a restart may change it
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
            from kg.catalog import to_term
            subst = None
            if req.get("subst"):
                subst = {ox.Variable(name): to_term(kind, value) for name, (kind, value) in req["subst"].items()}
            started = time.perf_counter()
            data = self.store.query(req["text"], substitutions=subst).serialize(format=ox.QueryResultsFormat.JSON)
            ms = (time.perf_counter() - started) * 1000
            return {"ms": ms, "rows": _count_rows(data)}
        if op == "throughput":
            store = self.store

            def run(text: str) -> None:
                store.query(text).serialize(format=ox.QueryResultsFormat.JSON)
            return threaded_throughput(lambda: run, req["texts"], req["clients"], req["duration"])
        if op == "stats":
            return {"maxrss": _peak_rss()}
        raise ValueError(f"unknown op {op}")


def threaded_throughput(make_run, texts: list[str], clients: int, duration: float,
                        grace: float | None = None) -> dict:
    """`clients` threads call run(text) in turn for `duration` seconds; completions within it count.
    Each thread gets its own run from make_run() before the clock starts (an HTTP client its own
    connection); a run that raises counts as an error, and one with a close() is closed at the end.
    Threads stop issuing at the deadline; this waits `grace` seconds past it for the queries still
    running (None: until they end; 0 in a forked child that exits right after, leaving them)."""
    counter = itertools.count()
    done = [0] * clients
    errors = [0] * clients
    barrier = threading.Barrier(clients + 1)
    deadline = [0.0]

    def client(k: int) -> None:
        run = make_run()
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
        getattr(run, "close", lambda: None)()

    threads = [threading.Thread(target=client, args=(k,), daemon=True) for k in range(clients)]
    for t in threads:
        t.start()
    deadline[0] = time.monotonic() + duration
    barrier.wait()
    for t in threads:
        t.join(None if grace is None else max(0.0, deadline[0] + grace - time.monotonic()))
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
            # import and set up rdflib's SPARQL machinery once here, not in every forked query
            graph.query("SELECT ?s (COUNT(*) AS ?n) WHERE { ?s <urn:bench:none> ?o OPTIONAL { ?o <urn:bench:none> ?x } "
                        "FILTER (BOUND(?s)) } GROUP BY ?s ORDER BY ?s").serialize(format="json")
            # keep the collector off the loaded graph: in forked children it would touch (copy) every page
            import gc
            gc.collect()
            gc.freeze()
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
                return threaded_throughput(lambda: run, req["texts"], req["clients"], req["duration"], grace=0)
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
            self.peak_rss = max(self.peak_rss, peak_rss_of(self.proc.pid))
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

    def connect(self, timeout: float, source: str | None = None) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout,
                                          source_address=None if source is None else (source, 0))

    def throughput(self, texts: list[str], clients: int, duration: float) -> dict:
        timeout = self.cap + 2
        # Each client thread sends from a loopback address of its own, as separate clients do:
        # kg serve budgets and queues queries per client address (kg.querying.fairness), so
        # threads sharing 127.0.0.1 would be measured as one client refused with 429s.
        # (itertools.count: next() on it is atomic, and the threads make their clients at once)
        numbers = itertools.count(10)
        return threaded_throughput(lambda: _Client(self, timeout, f"127.0.0.{next(numbers)}"),
                                   texts, clients, duration, grace=timeout + 5)

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
            if ms >= self.cap * 1000 * 0.95:  # the Oxigraph server ends a streamed answer at its timeout
                return Exec("cap", detail=f"> {self.cap:g} s (answer cut off)")
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

    def close(self) -> None:
        if self.conn:
            self.conn.close()
            self.conn = None


class _Client:
    """One client thread's connection to an HTTP engine; after a failure it connects again, as a
    client would, and the failure counts."""

    def __init__(self, engine: HttpEngine, timeout: float, source: str | None = None) -> None:
        self.engine, self.timeout, self.source = engine, timeout, source
        self.conn = engine.connect(timeout, source)

    def __call__(self, text: str) -> None:
        try:
            status, _, _ = self.engine._post(self.conn, text)
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = self.engine.connect(self.timeout, self.source)
            raise
        if status != 200:
            raise RuntimeError(f"HTTP {status}")

    def close(self) -> None:
        self.conn.close()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the same kg as the controller's
    if sys.argv[1:2] != ["--worker"] or len(sys.argv) != 3:
        sys.exit("usage: engines.py --worker oxigraph|rdflib  (started by bench/run.py)")
    sys.exit(worker_main(sys.argv[2:]))
