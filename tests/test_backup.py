"""`kg backup` and `kg restore` round-trip the whole store: a store built by `kg load` with an
accepted submission comes back with the same quads in every graph (the system graph with its
publication state, load records and submission records included) and the same kept files,
whether the backup was made from the closed store or through a running `kg serve`. Restore
refuses a store that is being served and a folder that is not (or no longer) a backup."""

from __future__ import annotations

import gc
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from click.testing import CliRunner

from kg import iris
from kg.cli import main
from remote_backend import remote
from support import ROOT, start_server, stop_server

FIXTURES = ROOT / "tests" / "fixtures" / "submissions"


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


def kg_here(*args: str):
    """The same command line in this process: a second each saved on interpreter start."""
    return CliRunner().invoke(main, list(args))


def quads(store: Path) -> set[str]:
    opened = ox.Store.read_only(str(store))
    try:
        return {str(q) for q in opened.quads_for_pattern(None, None, None, None)}
    finally:
        del opened
        gc.collect()


def kept_files(store: Path) -> dict[str, str]:
    root = Path(str(store) + ".submissions")
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def submitted(request, tmp_path_factory) -> Path:
    """A store built by `kg load` plus one accepted submission, made through the command line."""
    if remote():
        pytest.skip("kg backup and kg restore copy the embedded store's folder; a remote "
                    "Oxigraph server backs itself up (its refusal is tested below)")
    loaded_store_path = request.getfixturevalue("loaded_store_path")
    folder = tmp_path_factory.mktemp("backup-base")
    store = folder / "store"
    shutil.copytree(loaded_store_path, store)
    tokens = str(folder / "tokens.json")
    token = kg("token", "add", "leipzig", "--scope", "14713000", "--tokens-file", tokens)
    files = [str(p) for p in sorted((FIXTURES / "leipzig").iterdir())]
    done = kg("submit", *files, "--store", str(store), "--root", str(ROOT),
              "--tokens-file", tokens, "--token", token.stdout.strip())
    assert done.returncode == 0, done.stderr
    return store


def test_round_trip_gives_the_same_quads_and_files(submitted, tmp_path):
    original = quads(submitted)
    system = {q for q in original if f"<{iris.SYSTEM_GRAPH}>" in q}
    assert any(iris.SUBMISSIONS in q for q in system), "the submission has a record"
    assert any("published" in q for q in system), "the publication state is in the system graph"

    made = kg_here("backup", str(tmp_path / "backup"), "--store", str(submitted))
    assert made.exit_code == 0, made.output
    assert f"{len(original):,} quads" in made.stdout

    restored = tmp_path / "restored"
    back = kg_here("restore", str(tmp_path / "backup"), "--store", str(restored))
    assert back.exit_code == 0, back.output
    assert quads(restored) == original
    assert kept_files(restored) == kept_files(submitted) != {}
    listed = kg_here("submissions", "--json", "--store", str(restored), "--root", str(ROOT))
    assert listed.exit_code == 0, listed.output
    assert [s["status"] for s in json.loads(listed.stdout)] == ["accepted"]


def test_backup_through_a_running_server_and_restore_refusals(submitted, tmp_path):
    store = tmp_path / "served"
    shutil.copytree(submitted, store)
    shutil.copytree(Path(str(submitted) + ".submissions"), Path(str(store) + ".submissions"))
    server = start_server(store, "--query-workers", "1", timeout=120)
    try:
        made = kg_here("backup", str(tmp_path / "backup"), "--store", str(store))
        assert made.exit_code == 0, made.output
        refused = kg_here("restore", str(tmp_path / "backup"), "--store", str(store))
        assert refused.exit_code == 2
        assert refused.stderr.count("\n") == 1 and "stop it" in refused.stderr
        assert "Traceback" not in refused.stderr
    finally:
        stop_server(server)
    assert quads(tmp_path / "backup" / "store") == quads(store)

    not_backup = kg_here("restore", str(tmp_path), "--store", str(tmp_path / "other"))
    assert not_backup.exit_code == 2 and "not a backup" in not_backup.stderr
    assert not (tmp_path / "other").exists()

    notes = tmp_path / "notes"  # a folder of other files given by mistake: never replaced
    notes.mkdir()
    (notes / "keep.txt").write_text("keep")
    wrong = kg_here("restore", str(tmp_path / "backup"), "--store", str(notes))
    assert wrong.exit_code == 2 and "not a store" in wrong.stderr
    assert [p.name for p in notes.iterdir()] == ["keep.txt"]

    manifest = tmp_path / "backup" / "kg-backup.json"
    data = json.loads(manifest.read_text())
    manifest.write_text(json.dumps({**data, "quads": data["quads"] + 1}))
    damaged = kg_here("restore", str(tmp_path / "backup"), "--store", str(tmp_path / "other"))
    assert damaged.exit_code == 2 and "damaged" in damaged.stderr
    assert not (tmp_path / "other").exists()


def test_backup_of_a_remote_store_says_what_to_do_instead(tmp_path):
    """An Oxigraph server's data are in its own --location, which only it may copy: `kg backup
    --store URL` says so in one line and makes nothing (both backends: no server is needed)."""
    url = "http://127.0.0.1:9/query"
    made = kg_here("backup", str(tmp_path / "backup"), "--store", url,
                   "--state-dir", str(tmp_path / "state"))
    assert made.exit_code == 2 and made.stderr.count("\n") == 1, made.output
    assert "embedded store only" in made.stderr and "oxigraph backup" in made.stderr
    assert "Traceback" not in made.stderr and not (tmp_path / "backup").exists()
