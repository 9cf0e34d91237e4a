"""Each competency query on ontology + shapes + data gives exactly its expected table."""

from __future__ import annotations

from pathlib import Path

import pytest

from cq_runner import run_csv
from support import ROOT

QUERIES = sorted((ROOT / "queries" / "cq").glob("cq*.rq"))
EXPECTED = ROOT / "tests" / "expected" / "cq" / "shipped"


def _expected(query: Path) -> Path:
    return EXPECTED / f"{query.stem.split('-')[0]}.csv"


def test_there_are_twelve_competency_queries():
    assert [q.stem.split("-")[0] for q in QUERIES] == [f"cq{n:02d}" for n in range(1, 13)]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.stem)
def test_query_gives_expected_table(store, query):
    assert run_csv(store, query) == _expected(query).read_text(encoding="utf-8")
