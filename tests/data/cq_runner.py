"""Run a competency query with its default parameters and render the result as CSV text."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyoxigraph

def run_csv(store: pyoxigraph.Store, path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    # Unbound parameters take their defaults inside the query (COALESCE), as the header declares.
    solutions = store.query(text, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    for solution in solutions:
        writer.writerow(["" if solution[n] is None else solution[n].value for n in names])
    return out.getvalue()
