"""Dates as the sources give them: the value at its stated precision plus earliest/latest bounds."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from rdflib import Literal
from rdflib.namespace import XSD


@dataclass(frozen=True)
class SourceDate:
    value: Literal | None  # xsd:date, xsd:gYearMonth or xsd:gYear; None: no single stated value
    earliest: Literal  # xsd:date
    latest: Literal  # xsd:date
    note: str | None = None


def _date(year: int, month: int, day: int) -> Literal:
    return Literal(f"{year:04d}-{month:02d}-{day:02d}", datatype=XSD.date)


def parse(text: str, note: str | None = None) -> SourceDate:
    """'2015-09-17' -> xsd:date; '2018-05' -> xsd:gYearMonth; '2003' -> xsd:gYear."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        year, month, day = map(int, text.split("-"))
        single = _date(year, month, day)
        return SourceDate(single, single, single, note)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        year, month = map(int, text.split("-"))
        last = calendar.monthrange(year, month)[1]
        value = Literal(text, datatype=XSD.gYearMonth)
        return SourceDate(value, _date(year, month, 1), _date(year, month, last), note)
    if re.fullmatch(r"\d{4}", text):
        year = int(text)
        value = Literal(text, datatype=XSD.gYear)
        return SourceDate(value, _date(year, 1, 1), _date(year, 12, 31), note)
    raise ValueError(f"not a date at a known precision: {text!r}")


def between(earliest: str, latest: str, value: str | None = None, note: str | None = None) -> SourceDate:
    """A vague date: bounds from two stated dates ('early 2015' -> 2015-01-01..2015-06-30)."""
    low, high = parse(earliest), parse(latest)
    shown = parse(value).value if value else low.value
    return SourceDate(shown, low.earliest, high.latest, note)


def span(earliest: str, latest: str, note: str) -> SourceDate:
    """One source, alternative dates ('28 Feb or May 2018'): no stated value, bounds span both."""
    return SourceDate(None, parse(earliest).earliest, parse(latest).latest, note)


def vague(value: str, earliest: str, latest: str, note: str) -> SourceDate:
    """A stated value with narrowed bounds: 'early 2015' -> vague('2015', '2015-01-01', '2015-04-30', …)."""
    return SourceDate(parse(value).value, parse(earliest).earliest, parse(latest).latest, note)
