"""Faults a running server meets, each on a real `kg serve` over a store built by `kg load`:

- killed (SIGKILL) in the middle of a large `kg load` sent through it, then started again: the
  store holds all of the new data or none of it, and /sparql never shows a part of it (not while
  the load runs, not after the restart); a second load then completes.
- a full disk (a small tmpfs, mounted here as root; skipped without the right to mount): the
  write fails with 507 and a message in both languages (one line from `kg load`), nothing of it
  is visible, and once space is back the same server takes the write, without a restart.

The submission workflow's named crash points are covered by test_submissions_crash.py.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kg import iris, loading
from kg.running import read_record
from kg.store.remote import STAGING_PREFIX
from remote_backend import copy_of, remote
from support import ROOT, start_server, stop_server

NEW_FILE = "data/synthetic-faults.nt"
NEW_GRAPH = iris.graph_for_file(NEW_FILE)
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
COUNT_NEW = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{NEW_GRAPH}> {{ ?s ?p ?o }} }}"


def kg(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)


def project_with_new_file(folder: Path, scale: float) -> tuple[Path, int]:
    """A copy of the project's RDF folders plus one synthetic file (bench/generate.py: its own
    namespace, every label "synthetisch"); returns the root and the file's triple count."""
    root = folder / "project"
    for name in iris.SOURCE_FOLDERS:
        shutil.copytree(ROOT / name, root / name)
    out = root / NEW_FILE
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--scale", str(scale),
                    "--out", str(out)], check=True, capture_output=True, timeout=120)
    return root, sum(1 for line in out.read_text().splitlines() if line.strip())


def count(url: str, sparql: str) -> int:
    query = urllib.parse.urlencode({"query": sparql})
    request = urllib.request.Request(f"{url}sparql?{query}",
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return int(json.load(response)["results"]["bindings"][0]["n"]["value"])


def health(url: str) -> dict:
    with urllib.request.urlopen(url + "health", timeout=10) as response:
        return json.load(response)


def staging_graphs(peer_url: str) -> bool:
    """Whether a write's staging graphs are on the Oxigraph server (asked there directly: kg
    never shows them)."""
    query = urllib.parse.urlencode({"query": f"ASK {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS("
                                             f"STR(?g), \"{STAGING_PREFIX}\")) }}"})
    request = urllib.request.Request(f"{peer_url}?{query}",
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)["boolean"]


def test_killed_during_a_large_load_all_or_nothing(loaded_store_path, tmp_path):
    """The bulk write has begun when the embedded store's rollback copy is there, or on a remote
    store when its staging graphs are on the server; the kill comes then."""
    root, added = project_with_new_file(tmp_path, 0.03)
    assert added > 30_000  # a bulk write, which has no transaction of its own
    site = copy_of(loaded_store_path, tmp_path / "site")
    store = ["--store", site.store, *site.options]
    # `kg load` sends every file, base64-encoded, in one body: room for it.
    limit = ["--max-upload-bytes", str(64 * 1024 * 1024)]
    server = start_server(site.store, *site.options, "--query-workers", "1", *limit, timeout=120)
    before = count(server.url, COUNT_ALL)
    rollback = site.local.with_name(site.local.name + ".rollback")

    def writing() -> bool:
        return staging_graphs(site.store) if remote() else rollback.is_dir()

    load = subprocess.Popen([sys.executable, "-m", "kg", "load", *store, "--root", str(root)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen = set()
    try:
        asked = time.monotonic()
        deadline = asked + 240
        while not writing():  # the bulk write has begun
            assert time.monotonic() < deadline and load.poll() is None, "no bulk write seen"
            if time.monotonic() - asked > 0.3:  # now and then: what /sparql shows meanwhile
                seen.add(count(server.url, COUNT_NEW))
                asked = time.monotonic()
            time.sleep(0.005 if not remote() else 0.05)
        during = count(server.url, COUNT_NEW)
        if not remote() or writing():  # still during the write: nothing of it
            seen.add(during)
        server.process.send_signal(signal.SIGKILL)
        server.process.wait(timeout=30)
    finally:
        if server.process.poll() is None:
            stop_server(server)
        load.wait(timeout=120)
    assert seen == {0}

    restarted = start_server(site.store, *site.options, "--query-workers", "1", *limit,
                             timeout=120)
    try:
        new, total = count(restarted.url, COUNT_NEW), count(restarted.url, COUNT_ALL)
        assert (new, total) in {(0, before), (added, before + added)}
        assert health(restarted.url)["published_triples"] == total
        if remote():  # what the killed write left on the server is gone
            assert not staging_graphs(site.store)
        # The store takes the load again, entirely.
        again = kg("load", *store, "--root", str(root))
        assert again.returncode == 0, again.stderr
        assert count(restarted.url, COUNT_NEW) == added
        assert count(restarted.url, COUNT_ALL) == before + added
    finally:
        stop_server(restarted)


@pytest.fixture
def small_disk(tmp_path):
    """A 48 MB tmpfs: a real file system that runs full (ENOSPC), not a simulated error."""
    if remote():
        pytest.skip("fills the embedded store's file system; a remote store's disk is the "
                    "Oxigraph server's own (not tried here yet)")
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path) -> Path:
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as fh:  # unbuffered: nothing left to fail on close
        for size in (1 << 20, 4096):  # megabytes, then the last pages
            try:
                while fh.write(b"\0" * size):
                    pass
            except OSError:
                pass
    return filler


def admin_load(url: str, token: str, root: Path, lang: str) -> tuple[int, dict]:
    """What `kg load` sends (every file of the project), asked for in `lang`."""
    body = json.dumps({"files": [
        {"path": s.path, "content_base64": base64.b64encode(s.content).decode()}
        for s in loading.collect_sources(root)]}).encode()
    request = urllib.request.Request(url + "api/admin/load", data=body, method="POST", headers={
        "Authorization": f"Bearer {token}", "Content-Type": "application/json",
        "Accept-Language": lang})
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as exc:
        return exc.code, json.load(exc)


def test_full_disk_gives_507_and_the_server_recovers(loaded_store_path, small_disk, tmp_path):
    root, added = project_with_new_file(tmp_path, 0.005)
    store = small_disk / "store"
    shutil.copytree(loaded_store_path, store)
    server = start_server(store, "--query-workers", "1", timeout=120)
    try:
        before = count(server.url, COUNT_ALL)
        filler = fill(small_disk)
        status, error = admin_load(server.url, read_record(str(store)).token, root, "de")
        assert status == 507, error
        assert error["error"] == "insufficient-storage" and error["lang"] == "de"
        assert "kein Platz" in error["message"] and "no space left" in error["messages"]["en"]
        refused = kg("load", "--store", str(store), "--root", str(root))
        assert refused.returncode == 2
        assert refused.stderr.count("\n") == 1 and "no space left" in refused.stderr
        assert count(server.url, COUNT_NEW) == 0 and count(server.url, COUNT_ALL) == before
        assert health(server.url)["published_triples"] == before

        os.remove(filler)
        loaded = kg("load", "--store", str(store), "--root", str(root))
        assert loaded.returncode == 0, loaded.stderr
        assert server.process.poll() is None  # the same server, not restarted
        assert count(server.url, COUNT_NEW) == added
        assert count(server.url, COUNT_ALL) == before + added
        assert health(server.url)["published_triples"] == before + added
    finally:
        stop_server(server)
