"""Read commands while a server holds the store: `kg dump` and `kg validate --store` go through
the running server (which the store's lock leaves as the only way in) and give exactly what
they give without one."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import remote_backend
from support import ROOT, start_server, stop_server

DUMPS = [("dump", "--format", fmt) for fmt in ("nquads", "trig", "turtle")]
CHECKS = [("validate", "--format", "json", "--lang", "de"), ("validate", "--format", "text")]
BROKEN = "data/zz-musterstadt.ttl"  # one record with violations, beside the shipped data


def kg(command: tuple[str, ...], store: list[str], root: Path) -> tuple[int, bytes, str]:
    done = subprocess.run([sys.executable, "-m", "kg", *command, *store,
                           "--root", str(root)], cwd=ROOT, capture_output=True, timeout=600)
    return done.returncode, done.stdout, done.stderr.decode(errors="replace")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, dict[tuple[str, ...], tuple[int, bytes, str]]]:
    """Each command's (exit code, output, errors): "alone" on the store, then "served" while a
    server holds it. The project's real files, plus one file that does not conform, so that
    the report has records, lines and a non-zero exit code to compare."""
    root = tmp_path_factory.mktemp("project")
    for folder in ("ontology", "shapes", "data"):
        shutil.copytree(ROOT / folder, root / folder)
    shutil.copy(ROOT / "tests" / "validation" / "examples" / "musterstadt.ttl", root / BROKEN)
    # On the remote backend: an Oxigraph server, and the state folder that leads commands to
    # the running `kg serve`.
    if remote_backend.remote():
        peer = remote_backend.oxigraph_server(root)
        store = remote_backend.state_dir(peer.url, root)
    else:
        store = ["--store", str(root / "store")]
    assert kg(("load",), store, root)[0] == 0
    commands = DUMPS + CHECKS
    found = {"alone": {c: kg(c, store, root) for c in commands}}
    server = start_server(store[1], *store[2:], "--root", str(root))
    try:
        found["served"] = {c: kg(c, store, root) for c in commands}
    finally:
        stop_server(server)
        remote_backend.release(store[1])
    return found


@pytest.mark.parametrize("command", DUMPS, ids=lambda c: c[-1])
def test_dump_gives_the_same_bytes_while_a_server_holds_the_store(outputs, command):
    code, data, errors = outputs["served"][command]
    assert (code, errors) == (0, "")
    assert data == outputs["alone"][command][1]
    assert b"https://w3id.org/integration-kg/id/municipality/99999999" in data


@pytest.mark.parametrize("command", CHECKS, ids=lambda c: c[2])
def test_revalidation_gives_the_same_report_while_a_server_holds_the_store(outputs, command):
    assert outputs["served"][command] == outputs["alone"][command]
    assert outputs["served"][command][0] == 1  # the broken file's violations


def test_the_report_through_the_server_names_file_and_line(outputs):
    report = json.loads(outputs["served"][CHECKS[0]][1])
    [record] = [r for r in report["records"]
                if r["node"] == "https://w3id.org/integration-kg/id/municipality/99999999"]
    assert (record["source"], record["line"], report["lang"]) == (BROKEN, 6, "de")
    assert report["counts"]["Violation"] == 4 and not report["conforms"]
