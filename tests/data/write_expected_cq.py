"""Write tests/expected/cq/shipped/cqNN.csv from the current shipped graph (review the diff!).

    .venv/bin/python tests/data/write_expected_cq.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import conftest  # noqa: E402
from cq_runner import run_csv  # noqa: E402
from test_competency_queries import QUERIES, _expected  # noqa: E402

if __name__ == "__main__":
    store = conftest.store.__wrapped__()
    _expected(QUERIES[0]).parent.mkdir(parents=True, exist_ok=True)
    for query in QUERIES:
        _expected(query).write_text(run_csv(store, query), encoding="utf-8")
        print(_expected(query))
