"""Inputs on which two ways of validating must agree (tests/validation/test_focus_equivalence.py,
test_batch_engine.py): the shipped data in package-sized pieces, the Leipzig package of the
submissions tests, and the results of a report in a comparable form."""

from __future__ import annotations

import pyoxigraph as ox

from kg import rdfio
from kg.config import Settings
from kg.parsed_input import Submission
from kg.validation.package import PackageFile, read_package
from support import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "submissions"
PIECE = 6000  # triples: the size of a large real package


def shipped_pieces() -> list[tuple[str, list[ox.Triple]]]:
    """Each data file's records (an IRI and the blank nodes below it) in pieces of ≤ PIECE."""
    pieces = []
    for path in sorted((ROOT / "data").glob("*.ttl")):
        triples = [q.triple for q in rdfio.parse(path.read_bytes(), rdfio.rdf_format_for_file(path),
                                                 source=path.name)]
        below: dict = {}
        for t in triples:
            below.setdefault(t.subject, []).append(t)
        piece: list[ox.Triple] = []
        for subject in [s for s in below if isinstance(s, ox.NamedNode)]:
            record, pending, seen = [], [subject], set()
            while pending:
                node = pending.pop()
                if node in seen:
                    continue
                seen.add(node)
                for t in below.get(node, ()):
                    record.append(t)
                    if isinstance(t.object, ox.BlankNode):
                        pending.append(t.object)
            if piece and len(piece) + len(record) > PIECE:
                pieces.append((f"{path.name}#{len(pieces)}", piece))
                piece = []
            piece += record
        if piece:
            pieces.append((f"{path.name}#{len(pieces)}", piece))
    return pieces


def leipzig(change=lambda name, data: data) -> Submission:
    files = [PackageFile(p.name, change(p.name, p.read_bytes()))
             for p in sorted((FIXTURES / "leipzig").iterdir())]
    return read_package(files, Settings(root=str(ROOT)))[0]


def results(report) -> list[tuple]:
    return sorted((rec.node, r.focus, str(r.path), r.component, r.severity, str(r.value_term),
                   r.message) for rec in report.records for r in rec.results)
