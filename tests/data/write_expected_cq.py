"""Write tests/expected/cq/shipped/cqNN.csv from the current shipped graph (review the diff!),
answered as the tests answer: a store built by `kg load`, queries through the worker pool; a
required parameter bound to the example of the query's header.

    .venv/bin/python tests/data/write_expected_cq.py [cq22 …]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1] / part) for part in ("", "data")]

from cq_runner import EXPECTED, QUERIES, PublicPath, csv_text, header_examples, kg_load, query_id  # noqa: E402
from support import ROOT  # noqa: E402

if __name__ == "__main__":
    target = EXPECTED / "shipped"
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        kg_load(Path(folder) / "store", ROOT)
        public = PublicPath(Path(folder) / "store")
        try:
            chosen = sys.argv[1:]  # query ids to write; none: all
            for query in [q for q in QUERIES if not chosen or query_id(q) in chosen]:
                path = target / f"{query_id(query)}.csv"
                path.write_text(csv_text(public.table(query, header_examples(query))), encoding="utf-8")
                print(path)
        finally:
            public.close()
