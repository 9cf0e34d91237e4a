"""Collects the triples of each output file and which source rows each triple came from."""

from __future__ import annotations

from collections import defaultdict
from contextlib import contextmanager
from collections.abc import Iterator

from rdflib import Literal, URIRef

from sources import SourceRow

Triple = tuple[URIRef, URIRef, URIRef | Literal]


class FileGraph:
    """The triples of one `data/{stem}.ttl`, with a ledger: triple -> the rows it is derived from."""

    def __init__(self, stem: str, title: str) -> None:
        self.stem = stem
        self.title = title
        self.triples: set[Triple] = set()
        self.ledger: dict[Triple, set[str]] = defaultdict(set)
        self._rows: list[str] = []
        # (node, property) -> a note for its ikg:PropertyAttribution (e.g. 'matched by name only')
        self.attribution_notes: dict[tuple[URIRef, URIRef], tuple[str, str]] = {}
        # (node, property) -> the key of the derivation rule (scheme derivation-rule) by which its values
        # follow from the rows they are recorded from, where no row gives them itself
        self.derivations: dict[tuple[URIRef, URIRef], str] = {}

    @contextmanager
    def row(self, *row_ids: str) -> Iterator["FileGraph"]:
        """Within the block every added triple is recorded as derived from these rows."""
        self._rows.append(row_ids)  # type: ignore[arg-type]
        try:
            yield self
        finally:
            self._rows.pop()

    @contextmanager
    def row_only(self, *row_ids: str) -> Iterator["FileGraph"]:
        """Within the block added triples are recorded as derived from these rows only, not from the
        rows of enclosing blocks (a statement made while mapping one row that another row states)."""
        saved = self._rows
        self._rows = [row_ids]  # type: ignore[list-item]
        try:
            yield self
        finally:
            self._rows = saved

    def derive(self, s: URIRef, p: URIRef, rule: str) -> None:
        """The values of (s, p) are derived by `rule` (a key of the scheme derivation-rule) from the
        rows they are recorded from: their property attribution names the rule and those rows."""
        self.derivations[(s, p)] = rule

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal | None) -> None:
        if o is None:
            return
        triple = (s, p, o)
        self.triples.add(triple)
        for row_ids in self._rows:
            self.ledger[triple].update(row_ids)  # type: ignore[arg-type]

    def remove(self, s: URIRef, p: URIRef, o) -> None:
        self.triples.discard((s, p, o))
        self.ledger.pop((s, p, o), None)

    def add_all(self, s: URIRef, pairs: list[tuple[URIRef, URIRef | Literal | None]]) -> None:
        for p, o in pairs:
            self.add(s, p, o)


class Builder:
    def __init__(self, rows: dict[str, SourceRow]) -> None:
        self.rows = rows
        self.files: dict[str, FileGraph] = {}
        self.left_out: dict[str, str] = {}  # row id -> reason
        # batch-3 row id -> its Land, for rows whose Land no module maps yet (temporary; see mapping/batch3)
        self.pending: dict[str, str] = {}
        self.clauses: list = []  # the batch-3 clause ledger (mapping.batch3._engine.Clause)

    def file(self, stem: str, title: str = "") -> FileGraph:
        if stem not in self.files:
            self.files[stem] = FileGraph(stem, title)
        elif title and not self.files[stem].title:
            self.files[stem].title = title
        return self.files[stem]

    def leave_out(self, row_id: str, reason: str) -> None:
        if row_id not in self.rows:
            raise KeyError(f"no source row {row_id}")
        if row_id in self.left_out:
            raise ValueError(f"{row_id} is already left out: {self.left_out[row_id]}")
        self.left_out[row_id] = reason

    def modelled_rows(self) -> set[str]:
        """Row identifiers with at least one statement; a ledger key `row#k` means the row's k-th URL."""
        return {r.split("#")[0] for f in self.files.values() for ids in f.ledger.values() for r in ids}
