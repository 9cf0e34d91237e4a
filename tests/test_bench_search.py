"""The benchmark's search series chooses its twenty searches from the graph, as people type them."""

from __future__ import annotations

import sys

from support import ROOT

sys.path.insert(0, str(ROOT))
from bench.search import search_terms  # noqa: E402


def test_twenty_searches_of_every_sort():
    municipalities = [(f"0{n:07d}", f"Ölbrück{n}") for n in range(30)]
    terms = search_terms(municipalities, seed=1)
    assert len(terms) == 20 and terms == search_terms(municipalities, seed=1)
    assert sum(t.startswith("Ölbrück") for t in terms) == 6  # as written
    assert sum(t.startswith("OELBRUECK") for t in terms) == 4  # capitals, umlaut spelt out
    assert sum(t.isdigit() and len(t) == 8 for t in terms) == 3  # AGS
    assert "synthetisch" in terms and "beirat" in terms
