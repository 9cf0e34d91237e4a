"""Shared fixtures: real on-disk stores in temporary folders, the app, its client, the CLI runner,
and a real `kg serve` process on a free port (its helpers live in support.py)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.config import Settings
from kg.store import EmbeddedStore
from support import ROOT, Server, start_server, stop_server
import remote_backend


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def store(store_path: Path, request) -> Iterator[EmbeddedStore]:
    if remote_backend.remote():
        yield request.getfixturevalue("remote_store")
        return
    s = EmbeddedStore(store_path)
    yield s
    s.close()


@pytest.fixture
def settings(store_path: Path, request) -> Settings:
    if remote_backend.remote():
        peer = request.getfixturevalue("oxigraph_peer")
        return Settings(store=peer.url, root=str(ROOT), query_workers=1,
                        state_dir=str(store_path.parent / "state"))
    return Settings(store=str(store_path), root=str(ROOT), query_workers=1)


@pytest.fixture
def oxigraph_peer(tmp_path: Path):
    """An empty Oxigraph server of this test's own (the remote backend)."""
    peer = remote_backend.oxigraph_server(tmp_path)
    yield peer
    remote_backend.stop(peer)


@pytest.fixture
def remote_store(oxigraph_peer, tmp_path: Path):
    from kg.store import RemoteStore

    return RemoteStore(oxigraph_peer.url, local=tmp_path / "state" / "store")


@pytest.fixture(scope="session", autouse=True)
def _stop_oxigraph_servers() -> Iterator[None]:
    yield
    remote_backend.stop_all()


@pytest.fixture
def app(settings, store):
    from kg.web import create_app

    app = create_app(settings, store=store)
    app.config["TESTING"] = True
    return app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def load_shipped(tmp_path_factory, name: str) -> Path:
    """A store with the project's real files loaded (through the CLI, as a user would). On the
    remote backend: the URL of an Oxigraph server they were loaded into (a copy of one, made once
    per session: remote_backend.shipped_server)."""
    if remote_backend.remote():
        return remote_backend.shipped_server(  # type: ignore[return-value]
            tmp_path_factory.mktemp(name), lambda: tmp_path_factory.mktemp("shipped-template"))
    path = tmp_path_factory.mktemp(name) / "store"
    subprocess.run([sys.executable, "-m", "kg", "load", "--store", str(path), "--root", str(ROOT)],
                   check=True, cwd=ROOT, capture_output=True)
    return path


@pytest.fixture(scope="module")
def loaded_store_path(tmp_path_factory) -> Iterator[Path]:
    loaded = load_shipped(tmp_path_factory, "loaded")
    yield loaded
    remote_backend.release(loaded)


@pytest.fixture(scope="session")
def shared_server(tmp_path_factory) -> Iterator[Server]:
    """One `kg serve` of the shipped files for every module that only reads through it: starting
    one per module cost the suite minutes."""
    srv = start_server(load_shipped(tmp_path_factory, "shared"))
    yield srv
    stop_server(srv)


@pytest.fixture(scope="module")
def server(request, tmp_path_factory) -> Iterator[Server]:
    """The shared server; a module that writes through it (WRITES_THROUGH_SERVER = True) gets
    one of its own, so that no other module sees its changes."""
    if not getattr(request.module, "WRITES_THROUGH_SERVER", False):
        yield request.getfixturevalue("shared_server")
        return
    srv = start_server(load_shipped(tmp_path_factory, "loaded-own"))
    yield srv
    stop_server(srv)


@pytest.fixture
def empty_site(tmp_path: Path) -> Iterator[remote_backend.Site]:
    """An empty store of the backend under test (remote_backend.new_site), for a test that
    loads files of its own through the command line."""
    site = remote_backend.new_site(tmp_path / "site")
    yield site
    remote_backend.release(site)
