"""The README's `make run`, from a fresh clone: it sets itself up, loads the shipped files and serves."""

import json
import os
import signal
import subprocess
import time
import urllib.request

import pytest

from remote_backend import remote
from support import ROOT, free_port


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs the git repository")
@pytest.mark.skipif(remote(), reason="`make run` serves the embedded store in var/store, which it "
                    "builds itself; the README's remote-store commands are what the remote "
                    "fixtures run (kg load and kg serve with --store URL)")
def test_make_run_from_a_fresh_clone_serves_health_with_the_shipped_files(tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    port = free_port()
    log = open(tmp_path / "make-run.log", "wb")
    process = subprocess.Popen(["make", "run"], cwd=clone, stdout=log, stderr=subprocess.STDOUT,
                               env={**os.environ, "KG_PORT": str(port)}, start_new_session=True)
    try:
        body = None
        deadline = time.monotonic() + 400
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as r:
                    body = json.load(r)
                    break
            except OSError:
                time.sleep(1)
        assert body is not None, (tmp_path / "make-run.log").read_text(errors="replace")[-3000:]
        assert body["status"] == "ok" and body["published_triples"] > 0
        assert (clone / "var" / "store").is_dir()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
