"""The competency queries (queries/cq/*.rq) as users run them.

A store is built by `kg load` (the command line, as a user does), and every query goes through the
public path: the query worker pool over the store's checkpoints, with the default deadline and row
cap of kg.config.Settings. Parameters are bound by kg.catalog, as every user of the catalogue binds
them.

Answers are compared as tables of cell texts (`same_table`): the same rows, in the order the query's
ORDER BY gives; rows that tie on every ORDER BY key may come in any order, as SPARQL leaves it to
the engine. A GROUP_CONCAT cell ("a; b") has no defined order of its parts, so they are sorted.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from kg.catalog import Value, load_catalog, read_query
from kg.config import Settings
from kg.querying import WorkerPool, make_query_runner
from kg.querying.remote import RemoteRunner
from kg.store import EmbeddedStore, open_store
from kg.store.base import QueryResult
from support import ROOT

QUERIES = [query.file for query in load_catalog(ROOT / "queries")]
EXPECTED = ROOT / "tests" / "expected" / "cq"


def query_id(path: Path) -> str:
    return path.name[:4]


def header_examples(path: Path) -> dict[str, Value]:
    """The example binding the query's header documents for its required parameters: unbound,
    such a query is refused, so its expected table is the answer for these."""
    return {p.name: p.example_value() for p in read_query(path).params if p.required}


def kg_load(store: Path, root: Path) -> None:
    """`kg load --store STORE --root ROOT`, as a user runs it."""
    done = subprocess.run([sys.executable, "-m", "kg", "load", "--store", str(store), "--root", str(root)],
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"kg load failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")


class PublicPath:
    """Queries through the runner that serves /sparql, over the store at `store_path`: the worker
    pool of an embedded store, or the remote runner of a server's URL (the remote backend of the
    tests, tests/remote_backend.py), whose own files go to a temporary folder."""

    def __init__(self, store_path: Path | str) -> None:
        self._state = ""
        if str(store_path).startswith("http"):
            self._state = tempfile.mkdtemp(prefix="kg-public-")
            self.settings = Settings(store=str(store_path), query_workers=1, state_dir=self._state)
            self.store = open_store(self.settings)
            expected: type = RemoteRunner
        else:
            self.settings = Settings(store=str(store_path), query_workers=1)
            self.store = EmbeddedStore(store_path)
            expected = WorkerPool
        self.runner = make_query_runner(self.settings, self.store)
        if not isinstance(self.runner, expected):
            raise RuntimeError(f"expected {expected.__name__}, got {type(self.runner).__name__}")

    def run(self, text: str) -> QueryResult:
        result = self.runner.run(text)  # the default deadline and row cap
        assert not result.truncated, "the row cap cut the answer short"
        return result

    def table(self, path: Path, values: Mapping[str, Value] | None = None) -> list[list[str]]:
        return table(self.run(read_query(path).bind(values)))

    def close(self) -> None:
        self.runner.close()
        self.store.close()
        if self._state:
            shutil.rmtree(self._state, ignore_errors=True)


def table(result: QueryResult) -> list[list[str]]:
    """Header and rows of a SELECT answer as cell texts; an unbound cell is empty."""
    assert result.form == "select"
    return [list(result.variables)] + [["" if t is None else t.value for t in row] for row in result.rows]


def canonical(rows: list[list[str]]) -> list[list[str]]:
    return [["; ".join(sorted(cell.split("; "))) for cell in row] for row in rows]


def order_keys(text: str) -> list[str]:
    """The variables of the query's final ORDER BY clause, in order; a sort key the query makes
    with `BIND (CONCAT(STR(?a), " ", STR(?b) …) AS ?key)` stands for the variables it joins."""
    clause = text[text.rindex("ORDER BY"):]
    made = {key: re.findall(r"STR\(\?(\w+)\)", parts)
            for parts, key in re.findall(r"BIND \(CONCAT\((.*)\) AS \?(\w+)\)", text)}
    return [name for key in re.findall(r"\?(\w+)", clause) for name in made.get(key, [key])]


def same_table(got: list[list[str]], expected: list[list[str]], query_text: str) -> bool:
    """Same header, same rows (as a multiset), and the ORDER BY keys in the same sequence; where a
    key is not a column of the answer, the rows must come in exactly the same order."""
    got, expected = canonical(got), canonical(expected)
    if got[0] != expected[0] or sorted(got[1:]) != sorted(expected[1:]):
        return False
    keys = order_keys(query_text)
    if not all(key in got[0] for key in keys):
        return got == expected
    index = [got[0].index(key) for key in keys]
    return [[row[i] for i in index] for row in got[1:]] == [[row[i] for i in index] for row in expected[1:]]


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def column(rows: list[list[str]], name: str) -> list[str]:
    index = rows[0].index(name)
    return [row[index] for row in rows[1:]]


def rows_where(rows: list[list[str]], name: str, allowed: set[str]) -> list[list[str]]:
    """The header and the rows whose `name` cell is one of `allowed`, in their order."""
    index = rows[0].index(name)
    return [rows[0]] + [row for row in rows[1:] if row[index] in allowed]
