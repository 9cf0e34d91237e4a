"""Instants and intervals at the precision the source states, with earliest/latest bounds."""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import RDF, XSD

from builder import FileGraph
from dates import SourceDate, parse, span
from model.nodes import part
from vocab import IKG, TIME, de

UNDATED = "undatierte Seite; spätestens am Lesetag 25.11.2026"
_VALUE_PROPERTY = {XSD.date: TIME.inXSDDate, XSD.gYearMonth: TIME.inXSDgYearMonth, XSD.gYear: TIME.inXSDgYear}


def undated(earliest: str = "1990-01-01", note: str = UNDATED) -> SourceDate:
    """A snapshot without a date: no stated value, latest bound = the day the page was read."""
    return span(earliest, "2026-11-25", note)


def undated_until(latest: str, note: str, earliest: str = "1990-01-01") -> SourceDate:
    """No date stated, but known to exist by `latest` (a date a cited row gives): no stated value, the
    technical lower bound as earliest (as for an undated snapshot), and a note saying so."""
    return span(earliest, latest, note)


def instant(f: FileGraph, when: str | SourceDate | None) -> URIRef | None:
    """A time:Instant at the source's precision with earliest/latest bounds."""
    if when is None:
        return None
    d = parse(when) if isinstance(when, str) else when
    node = part()
    f.add(node, RDF.type, TIME.Instant)
    if d.value is not None:
        f.add(node, _VALUE_PROPERTY[d.value.datatype], d.value)
    f.add(node, IKG.earliest, d.earliest)
    f.add(node, IKG.latest, d.latest)
    if d.note:
        f.add(node, IKG.dateNote, de(d.note))
    return node


def optional_instant(f: FileGraph, when: str | SourceDate | None) -> URIRef | None:
    """An instant only where the row gives a date (an empty cell gives none)."""
    return instant(f, when) if when else None


def interval(
    f: FileGraph, start: str | SourceDate | None, end: str | SourceDate | None = None, note: str | None = None
) -> URIRef:
    """A time:Interval; without an end it is open-ended."""
    b, e = instant(f, start), instant(f, end)
    node = part()
    f.add(node, RDF.type, TIME.Interval)
    f.add(node, TIME.hasBeginning, b)
    f.add(node, TIME.hasEnd, e)
    if note:
        f.add(node, IKG.dateNote, de(note))
    return node


def optional_interval(
    f: FileGraph, start: str | SourceDate | None, end: str | SourceDate | None, note: str | None = None
) -> URIRef | None:
    """An interval only where the row says something about the period: no empty intervals."""
    return interval(f, start, end, note) if start or end or note else None
