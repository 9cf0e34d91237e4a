"""The remote backend of the tests: a real Oxigraph server (`oxigraph serve` of the test extra)
on 127.0.0.1 over a temporary folder, which `kg load --store URL` fills and `kg serve --store URL`
serves. KG_TEST_BACKEND=remote makes the main fixtures (conftest.py) use it. A plain module on
pytest's `pythonpath`, like support.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from federation_peers import OxigraphPeer
from support import ROOT

BACKEND = os.environ.get("KG_TEST_BACKEND", "embedded")
# Oxigraph's server-wide limit on a query: our deadline ends the HTTP call, not the server's
# work, so a runaway test query must not keep a core busy for the rest of the run.
SERVER_TIMEOUT_S = "60"
_started: list[OxigraphPeer] = []


def remote() -> bool:
    return BACKEND == "remote"


def oxigraph_server(folder: Path) -> OxigraphPeer:
    """An empty Oxigraph server; stopped by stop_all() (the session's end) or by the caller."""
    peer = OxigraphPeer(folder, None, "--timeout-s", SERVER_TIMEOUT_S)
    _started.append(peer)
    return peer


def stop(peer: OxigraphPeer) -> None:
    peer.stop()
    if peer in _started:
        _started.remove(peer)


def stop_all() -> None:
    for peer in list(_started):
        stop(peer)


def state_dir(url: str, folder: Path) -> list[str]:
    """The options that point a kg command at a remote store and its local folder."""
    return ["--store", url, "--state-dir", str(folder / "state")]


def load_into(peer: OxigraphPeer, folder: Path) -> None:
    subprocess.run([sys.executable, "-m", "kg", "load", *state_dir(peer.url, folder), "--root",
                    str(ROOT)], check=True, cwd=ROOT, capture_output=True, timeout=600)
