"""Helpers shared by the tests: where the project's real files are, and a real `kg serve` process
on a free port. A plain module (on pytest's `pythonpath`, see pyproject.toml), so that test files
import it the same way however pytest is started: from the root or a test folder, as `pytest` or
`python -m pytest`. Fixtures stay in the conftest.py files."""

from __future__ import annotations

import functools
import os
import socket
import subprocess
import tempfile
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import rdflib

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
ONTOLOGY_FILES = sorted((ROOT / "ontology").glob("*.ttl"))
SHAPES_FILES = sorted((ROOT / "shapes").glob("*.ttl"))
DATA_FILES = sorted(DATA.glob("*.ttl"))
GRAPH = "https://w3id.org/integration-kg/graph/"
# The RDF files `kg load` reads, listed here without kg's code (by the endings of the formats the
# README names), so that tests of loading and publishing compare with an expectation of their own.
RDF_ENDINGS = (".ttl", ".trig", ".nt", ".nq", ".jsonld", ".rdf")
# Batch 3 writes one data file per Land (data/infrastructure-{land}.ttl), as its modules are written: the
# shipped files are the 15 of the first batches plus these.
LAND_FILES = sorted(DATA.glob("infrastructure-*.ttl"))
SHIPPED_COUNT = 15 + len(LAND_FILES)
SHIPPED_FILES = sorted(p for folder in ("ontology", "shapes", "data")
                       for p in (ROOT / folder).rglob("*") if p.suffix in RDF_ENDINGS)


def shipped_path(path: Path) -> str:
    """`data/dresden.ttl`, as loading reports a file."""
    return path.relative_to(ROOT).as_posix()


def shipped_graph(path: Path) -> str:
    """The graph a shipped file is published in (README: graph/{folder}/{name without ending})."""
    return GRAPH + shipped_path(path).rsplit(".", 1)[0]


@functools.cache
def shipped_triples(path: Path) -> frozenset:
    """A shipped file's triples as rdflib reads them (a set; blank nodes of its own)."""
    return frozenset(rdflib.Graph().parse(path, format=_RDFLIB_FORMATS[path.suffix]))


def published_triple_count() -> int:
    """Distinct triples of the published dataset, the RDF merge of every shipped file: a set, and
    blank nodes stay apart per file (rdflib gives each parse blank nodes of its own)."""
    return len(frozenset().union(*(shipped_triples(p) for p in SHIPPED_FILES)))


_RDFLIB_FORMATS = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads",
                   ".jsonld": "json-ld", ".rdf": "xml"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    store: Path
    # Where the server's own files are (its record, dumps, submissions): the store's directory,
    # or for a remote store <state-dir>/store (Settings.local_store).
    local: Path | None = None

    def get(self, path: str, **headers: str) -> urllib.request.Request:
        return urllib.request.Request(self.url + path.lstrip("/"), headers=headers)


def start_server(store: Path, *extra: str, env: dict | None = None, timeout: float = 30) -> Server:
    """Run the real `kg serve` on a free port and wait until /health answers."""
    port = free_port()
    local = Path(store)
    if str(store).startswith("http"):
        # The remote backend (remote_backend.py): the local files go to a folder of their own.
        state = tempfile.mkdtemp(prefix="kg-remote-state-")
        extra = ("--state-dir", state, *extra)
        # A --state-dir of the caller's comes later and wins.
        local = Path([v for k, v in zip(extra, extra[1:]) if k == "--state-dir"][-1]) / "store"
    # The output goes to a file, not a pipe: a server that lives through many modules would stop
    # once nobody read a full pipe.
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--store", str(store), "--root", str(ROOT),
         "--port", str(port), *extra],
        cwd=ROOT, env={**os.environ, **(env or {})},
        stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError("kg serve exited: " + log.read().decode(errors="replace"))
        try:
            with urllib.request.urlopen(url + "health", timeout=2):
                return Server(url, process, store, local)
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("kg serve did not answer /health in time")


def stop_server(server: Server) -> None:
    end_process(server.process, 15)


def end_process(process: subprocess.Popen, grace: float) -> None:
    """Ask a process to stop; kill it if it has not within `grace` seconds."""
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
