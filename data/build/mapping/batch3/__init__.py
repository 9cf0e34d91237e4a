"""GUIDE_PLACEHOLDER"""

from __future__ import annotations

import csv
import importlib
import pkgutil
from pathlib import Path
from types import ModuleType

from builder import Builder
from mapping.batch3._engine import run
from mapping.infrastructure.actors import Infra

# Set to True at the final merge: from then on a batch-3 row of a Land without a module fails the build.
COMPLETE = False


def modules() -> list[ModuleType]:
    """Every module of this package that is not private (`_name`) and not the API, by name."""
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_") or info.name == "api":
            continue
        mod = importlib.import_module(f"{__name__}.{info.name}")
        if not hasattr(mod, "ROWS") or not hasattr(mod, "LANDS"):
            raise SystemExit(f"{mod.__name__}: a batch-3 module exports LANDS and ROWS")
        found.append(mod)
    return found


def map_rows(b: Builder, x: Infra) -> None:
    b.clauses = run(b, x, modules())
    if COMPLETE and b.pending:
        raise SystemExit(f"batch 3 is marked complete, but {len(b.pending)} rows have no module: "
                         f"{sorted(set(b.pending.values()))}")


def write_ledger(b: Builder, path: Path) -> None:
    """data/sources/batch3-clauses.csv: every clause of every batch-3 row and what became of it."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["row_id", "clause", "disposition", "text", "detail"])
        for c in b.clauses:
            writer.writerow([c.row_id, c.number, c.disposition, c.text, c.detail])
