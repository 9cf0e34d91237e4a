"""The whole shipped graph (ontology + data) conforms to the shapes: no Violation, judged by
kg.validation as `kg validate --store` judges what a store publishes."""

from __future__ import annotations

import pyoxigraph

from kg.validation import Validator, load_bundle
from kg.validation.published import revalidate
from remote_backend import open_store
from support import DATA_FILES, ROOT


def test_shipped_graph_has_no_violations(loaded_store_path, tmp_path):
    store = open_store(loaded_store_path, tmp_path)
    try:
        report = revalidate(store, Validator(load_bundle(ROOT)), ROOT, "en")
    finally:
        store.close()
    violations = sorted((r.focus, r.path or "", r.component.rsplit("#", 1)[-1])
                        for r in report.results if r.severity == "Violation")
    assert violations == []
    assert report.conforms
    # Every triple of the data files was judged, once.
    shipped = {q.triple for path in DATA_FILES
               for q in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)}
    assert report.triples == len(shipped)
