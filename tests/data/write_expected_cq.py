"""Write tests/expected/cq/shipped/cqNN.csv from the current shipped graph (review the diff!).

    .venv/bin/python tests/data/write_expected_cq.py
"""

from __future__ import annotations

import sys
from pathlib import Path

# What pytest's pythonpath gives the tests (pyproject.toml): this folder and tests/ for support.py.
sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[1])]

import conftest  # noqa: E402
from cq_runner import run_csv  # noqa: E402
from test_competency_queries import QUERIES, _expected  # noqa: E402

if __name__ == "__main__":
    store = conftest.store.__wrapped__()
    _expected(QUERIES[0]).parent.mkdir(parents=True, exist_ok=True)
    for query in QUERIES:
        _expected(query).write_text(run_csv(store, query), encoding="utf-8")
        print(_expected(query))
