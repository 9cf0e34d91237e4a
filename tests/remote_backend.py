"""The remote backend of the tests: a real Oxigraph server (`oxigraph serve` of the test extra)
on 127.0.0.1 over a temporary folder, which `kg load --store URL` fills and `kg serve --store URL`
serves. KG_TEST_BACKEND=remote makes the main fixtures (conftest.py) use it. A plain module on
pytest's `pythonpath`, like support.py."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from federation_peers import OxigraphPeer, oxigraph_binary
from kg.config import Settings
from kg.store import EmbeddedStore, RemoteStore
from support import ROOT

BACKEND = os.environ.get("KG_TEST_BACKEND", "embedded")
# Oxigraph's server-wide limit on a query: our deadline ends the HTTP call, not the server's
# work, so a runaway test query must not keep a core busy for the rest of the run.
SERVER_TIMEOUT_S = "60"
_started: list[OxigraphPeer] = []
# The folder each server of ours keeps its data in (peer-store/) and its state folder (state/).
_folders: dict[str, Path] = {}


def remote() -> bool:
    return BACKEND == "remote"


def oxigraph_server(folder: Path, timeout_s: str = SERVER_TIMEOUT_S) -> OxigraphPeer:
    """An empty Oxigraph server; stopped by stop_all() (the session's end) or by the caller.
    `timeout_s`: its --timeout-s (a test of our deadline gives the deadline, as the README tells
    operators to)."""
    peer = OxigraphPeer(folder, None, "--timeout-s", str(timeout_s))
    peer.timeout_s = str(timeout_s)  # kept for a restart (_restart)
    _started.append(peer)
    return peer


def stop(peer: OxigraphPeer) -> None:
    peer.stop()
    if peer in _started:
        _started.remove(peer)


def release(store: Path | str | Site) -> None:
    """Stop the server of a loaded store or site once its users are done (a directory: nothing
    to do): idle servers of finished modules kept memory and cores until the session's end."""
    url = store.store if isinstance(store, Site) else str(store)
    for peer in [p for p in _started if p.url == url]:
        stop(peer)


def stop_all() -> None:
    for peer in list(_started):
        stop(peer)


def state_dir(url: str, folder: Path) -> list[str]:
    """The options that point a kg command at a remote store and its local folder."""
    return ["--store", url, "--state-dir", str(folder / "state")]


def load_into(peer: OxigraphPeer, folder: Path, root: Path = ROOT) -> None:
    """`kg load --store URL` of the files under `root` into a server that oxigraph_server()
    started in `folder` (copy_of() can copy it then)."""
    _folders[peer.url] = folder
    subprocess.run([sys.executable, "-m", "kg", "load", *state_dir(peer.url, folder), "--root",
                    str(root)], check=True, cwd=ROOT, capture_output=True, timeout=600)


# -- copies of a loaded store, on either backend ----------------------------------------------
# A module that writes works on a copy of the loaded store, so that the store others read stays
# as `kg load` left it. The embedded store's copy is its directory's; a remote one is a second
# Oxigraph server over a copy of the first one's folder, taken while it is stopped (a RocksDB
# folder is consistent only then) and restarted on its own port, so its URL stays valid: one
# copy costs a second or two, a fresh `kg load` into a server 10-20 s.


@dataclass
class Site:
    """A store to point kg commands at: `store` is what --store gets, `options` the rest of
    what names it (a remote store's --state-dir), `local` where the deployment's own files go
    (record of a running server, submissions, dumps): the embedded store's directory, or
    <state-dir>/store for a remote one (Settings.local_store)."""

    store: str
    options: list[str]
    local: Path
    folder: Path  # copy_of()'s folder: the store (or the server's data) and the files beside it
    peer: OxigraphPeer | None = None

    def settings(self, **more) -> Settings:
        state = {"state_dir": self.options[1]} if self.options else {}
        return Settings(store=self.store, root=str(ROOT), **state, **more)

    def open(self):
        """The store itself, opened as `kg serve` would (close it after use)."""
        if self.peer is None:
            return EmbeddedStore(Path(self.store))
        return RemoteStore(self.store, local=self.local)


_template: list[Path] = []  # the folder of the one server the shipped files were loaded into


def shipped_server(folder: Path, template_folder, timeout_s: str = SERVER_TIMEOUT_S) -> str:
    """The URL of a server in `folder` holding what `kg load --store URL` of the shipped files
    gives: a copy of one server loaded so once per session (`template_folder()` makes its
    folder), as a load into a server took 20-40 s of each module here and a copy takes 1-2."""
    if not _template:
        template = template_folder()
        peer = oxigraph_server(template)
        load_into(peer, template)
        stop(peer)
        # The load is left in RocksDB's write-ahead log (130 MB): every copy replayed it on start,
        # 30-40 s under load, past OxigraphPeer's wait. Compacted once, a copy starts in < 1 s.
        subprocess.run([oxigraph_binary(), "optimize", "--location", str(template / "peer-store")],
                       check=True, capture_output=True, timeout=600)
        _template.append(template)
    shutil.copytree(_template[0] / "peer-store", folder / "peer-store")
    if (_template[0] / "state").exists():
        shutil.copytree(_template[0] / "state", folder / "state", ignore=_RUNNING_RECORD)
    peer = oxigraph_server(folder, timeout_s)
    _folders[peer.url] = folder
    return peer.url


def copy_of(loaded: Path | str, folder: Path) -> Site:
    """A copy of a loaded store (a directory, or the URL of a server load_into() or
    shipped_server() filled, with its state folder) in `folder`: the store of a module or a
    test that writes."""
    folder.mkdir(parents=True, exist_ok=True)
    if not str(loaded).startswith("http"):
        shutil.copytree(loaded, folder / "store")
        return Site(str(folder / "store"), [], folder / "store", folder)
    source = _folders[str(loaded)]
    original = next(p for p in _started if p.url == str(loaded))
    original.stop()
    try:
        shutil.copytree(source / "peer-store", folder / "peer-store")
        if (source / "state").exists():
            shutil.copytree(source / "state", folder / "state", ignore=_RUNNING_RECORD)
    finally:
        _restart(original, source / "peer-store")
    return site_on(oxigraph_server(folder), folder)


def site_on(peer: OxigraphPeer, folder: Path) -> Site:
    """The site of a server that keeps its data in `folder` / peer-store."""
    _folders[peer.url] = folder
    return Site(peer.url, ["--state-dir", str(folder / "state")], folder / "state" / "store",
                folder, peer)


def copy_folder(site: Site, folder: Path) -> Site:
    """A copy of a site made by copy_of(), with the files beside it in its folder (tokens),
    for a test that changes it; the original must not be written meanwhile."""
    if site.peer is None:
        shutil.copytree(site.folder, folder)
        return Site(str(folder / "store"), [], folder / "store", folder)
    site.peer.stop()
    try:
        shutil.copytree(site.folder, folder, ignore=_RUNNING_RECORD)
    finally:
        _restart(site.peer, site.folder / "peer-store")
    return site_on(oxigraph_server(folder), folder)


def new_site(folder: Path) -> Site:
    """An empty store of this backend's kind in `folder` (not there yet for the embedded one:
    `kg load` makes it), for a test that loads files of its own; release() it after use."""
    folder.mkdir(parents=True, exist_ok=True)
    if not remote():
        return Site(str(folder / "store"), [], folder / "store", folder)
    return site_on(oxigraph_server(folder), folder)


# The record of a `kg serve` that ran on the original says nothing true about the copy.
_RUNNING_RECORD = shutil.ignore_patterns("*.serve.json")


def _restart(peer: OxigraphPeer, location: Path) -> None:
    """Start a stopped server again on its own port (its URL is what tests hold)."""
    peer.process = subprocess.Popen(
        [oxigraph_binary(), "serve", "--location", str(location), "--bind",
         f"127.0.0.1:{peer.port}", "--timeout-s", getattr(peer, "timeout_s", SERVER_TIMEOUT_S)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(peer.url + "?query=ASK%7B%7D", timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline or peer.process.poll() is not None:
                raise RuntimeError("oxigraph serve did not start again") from None
            time.sleep(0.2)


def settings_on(loaded: Path | str, folder: Path, **more) -> Settings:
    """Settings that name a loaded store (directory or URL) as `kg serve` would get them; a
    remote store's own files go to `folder` (never to var/ of the working copy)."""
    state = {"state_dir": str(folder)} if str(loaded).startswith("http") else {}
    return Settings(store=str(loaded), root=str(ROOT), **state, **more)


def open_store(loaded: Path | str, folder: Path):
    """A loaded store (directory or URL) opened as `kg serve` opens it (close it after use)."""
    if str(loaded).startswith("http"):
        return RemoteStore(str(loaded), local=settings_on(loaded, folder).local_store)
    return EmbeddedStore(Path(loaded))


def options_of(server) -> list[str]:
    """What a kg command needs besides --store to find a running server's own files (its
    record: writes go through it)."""
    return ["--state-dir", str(server.local.parent)] if str(server.store).startswith("http") else []


def own_store(folder: Path) -> Path | str:
    """An empty store for a module that builds its own (not of the shipped files): a directory
    in `folder`, or on the remote backend the URL of an Oxigraph server keeping its data there.
    Open it with open_store(it, folder / "state"); release() it once done."""
    if remote():
        return oxigraph_server(folder).url
    return folder / "store"


def project_site(folder: Path, root: Path | None = None) -> Site:
    """A store of its own in `folder` with what `kg load --root root` puts there (no `root`: an
    empty store), on the backend the tests run on; point `kg serve` at it with
    start_server(site.store, *site.options) and release(site) after use."""
    folder.mkdir(parents=True, exist_ok=True)
    if remote():
        peer = oxigraph_server(folder)
        if root is not None:
            load_into(peer, folder, root)
        return site_on(peer, folder)
    if root is not None:
        subprocess.run([sys.executable, "-m", "kg", "load", "--store", str(folder / "store"),
                        "--root", str(root)], check=True, cwd=ROOT, capture_output=True,
                       timeout=600)
    return Site(str(folder / "store"), [], folder / "store", folder)


def beside(loaded: Path | str, folder: Path) -> Path | str:
    """The loaded store for a second `kg serve` beside the module's own: on the remote backend
    the same Oxigraph server (kg serve takes no lock there, and start_server gives each its own
    state folder), on the embedded one a store of its own filled by `kg load` (the module's
    server holds the lock of the loaded one)."""
    if remote():
        return str(loaded)
    return Path(project_site(folder, ROOT).store)
