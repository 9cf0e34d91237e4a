"""What the city modules share: the handler signature, people named in posts and roles, and
tables of rows that state one fact of one shape (a founding year, a validity, a named person)."""

from __future__ import annotations

from collections.abc import Callable

from rdflib import URIRef

import model
from builder import FileGraph
from dates import SourceDate
from mapping.infrastructure.actors import Infra
from mapping.registry import REG
from sources import SourceRow
from vocab import IKG

# A row's structured facts: (actors so far, file, the row's actor, the row).
Handler = Callable[[Infra, FileGraph, URIRef, SourceRow], None]
When = str | SourceDate | None


def holder(f: FileGraph, post: URIRef, name: str, label: str) -> URIRef:
    """A person who holds the post, no period stated."""
    return model.tenure(f, post, REG.person(f, name), name=label)


def attested(f: FileGraph, post: URIRef, name: str, when: When, label: str, key: str = "") -> URIRef:
    """A holder the source names at a date, without saying when the tenure began: the date is the
    tenure's reference time (ikg:referenceTime), not the start of its period."""
    t = model.tenure(f, post, REG.person(f, name), key=key, name=label)
    f.add(t, IKG.referenceTime, model.instant(f, when))
    return t


def member(f: FileGraph, org_node: URIRef, name: str, role: str | None, when: When = None,
           label: str = "") -> URIRef:
    """A person the source names in a role at a date: the date is the membership's reference time
    (named then), not the start of its period, which no source gives."""
    m = model.membership(f, REG.person(f, name), org_node, None, role=role, name=label or name)
    if when is not None:
        f.add(m, IKG.referenceTime, model.instant(f, when))
    return m


def named_members(table: dict[int, tuple[str, str | None, When, str]]) -> dict[int, Handler]:
    """row -> (person, role, date named, label): the person in that role on the row's actor."""
    def handler(name: str, role: str | None, when: When, label: str) -> Handler:
        def write(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
            member(f, node, name, role, when, label=label)
        return write
    return {n: handler(*entry) for n, entry in table.items()}


def founded_in(table: dict[int, When]) -> dict[int, Handler]:
    """row -> the founding date the row states for its actor."""
    def handler(when: When) -> Handler:
        return lambda x, f, node, row: model.founded(f, node, when)
    return {n: handler(when) for n, when in table.items()}


def valid_during(table: dict[int, tuple[str, str]]) -> dict[int, Handler]:
    """row -> (first year, last year) of the plan the row names."""
    def handler(start: str, end: str) -> Handler:
        return lambda x, f, node, row: model.valid(f, node, start, end)
    return {n: handler(start, end) for n, (start, end) in table.items()}


def dated(table: dict[int, str]) -> dict[int, Handler]:
    """row -> the date of the event or document the row names."""
    def handler(when: str) -> Handler:
        return lambda x, f, node, row: f.add(node, IKG.date, model.instant(f, when))
    return {n: handler(when) for n, when in table.items()}
