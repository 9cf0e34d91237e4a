"""A bounded mixed load (bench/load.py) on a real `kg serve`: 200 requests from 8 clients over
pages, /sparql, catalogue queries, /api/compare, /api/search, /health and a validation, while
20 idle sockets stay open and 2 clients send their requests a byte at a time. Every request is
answered and none with a 5xx. No timing is asserted: figures are read off bench/results/load.md."""

from __future__ import annotations

import json
import subprocess
import sys

from support import ROOT

LOAD = ROOT / "bench" / "load.py"


def test_mixed_load_is_answered_without_server_errors(server):
    done = subprocess.run([sys.executable, str(LOAD), "--url", server.url, "--requests", "200",
                           "--clients", "8", "--idle", "20", "--slow", "2"],
                          capture_output=True, text=True, timeout=900, cwd=ROOT)
    result = json.loads(done.stdout)
    assert (result["answered"], result["unanswered"]) == (200, 0), result["errors"]
    assert result["server_errors"] == 0, result["kinds"]
    assert done.returncode == 0
    kinds = result["kinds"]
    assert {"page: home", "page: municipality", "page: compare", "sparql: ASK",
            "catalogue: cq13", "api: compare", "health", "validation"} <= set(kinds)
    # The slow clients were answered too, and the idle sockets were taken, not refused.
    assert result["slow_answered"] >= 2
    assert all(status != "0" for status in kinds["slow client: health"]["statuses"])
    assert server.process.poll() is None
