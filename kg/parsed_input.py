"""What a steward's input is once parsed: its triples, where it came from, and how to find the
line a record starts on.

Below both the readers (kg.csv_templates, kg.validation.inputs) and the validator (kg.validation),
so that the CSV reader can build one without importing the validation package that reads CSV.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

import pyoxigraph as ox


class Lines(Protocol):
    def line_of(self, node: str) -> int | None: ...


@dataclass
class Submission:
    """A parsed input: its triples, where it came from, and how to find a record's line."""

    triples: list[ox.Triple]
    source: str
    lines: Lines
    # Records made from a table row carry that row's number here instead of a line.
    notes: list[str] = field(default_factory=list)


class RowIndex:
    """For inputs made from tables: node -> the line of the row that made it."""

    def __init__(self, rows: Mapping[str, int]) -> None:
        self.rows = dict(rows)

    def line_of(self, node: str) -> int | None:
        return self.rows.get(node)
