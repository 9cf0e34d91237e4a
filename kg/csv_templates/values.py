"""Cell values of CSV templates: URI templates, typed literals and dates at source precision."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import urllib.parse
from collections.abc import Mapping

import pyoxigraph as ox

from kg import iris

XSD = "http://www.w3.org/2001/XMLSchema#"
TIME = "http://www.w3.org/2006/time#"
IKG = iris.ONTOLOGY
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


class CellError(ValueError):
    """A problem with one cell, in German and English; `at` adds where it is."""

    def __init__(self, messages: Mapping[str, str], row: int | None = None,
                 column: str = "") -> None:
        super().__init__(messages["en"])
        self.messages, self.row, self.column = dict(messages), row, column

    @property
    def message(self) -> str:
        return self.messages["en"]

    def at(self, row: int, column: str) -> CellError:
        return CellError(self.messages, row, column)

    def text(self, lang: str) -> str:
        row, column = _WHERE.get(lang, _WHERE["en"])
        return f"{row} {self.row}, {column} {self.column}: {self.messages.get(lang, self.message)}"

    def __str__(self) -> str:
        return self.text("en")

    def to_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message,
                "messages": dict(self.messages)}


# A CSV row is one line of the file; German says Zeile for both.
_WHERE = {"en": ("row", "column"), "de": ("Zeile", "Spalte")}


_VARIABLE = re.compile(r"\{(\+?)([\w#]+)\}")


def expand(template: str | None, cells: dict[str, str]) -> str | None:
    """RFC 6570 level 1-2 ({name}, {+name}); None when a variable's cell is empty (no triple)."""
    if template is None:
        return None
    missing = False

    def one(match: re.Match) -> str:
        nonlocal missing
        value = cells.get(match.group(2), "")
        if not value:
            missing = True
        safe = ":/?#[]@!$&'()*+,;=%-._~" if match.group(1) else "-._~"
        return urllib.parse.quote(value, safe=safe)

    result = _VARIABLE.sub(one, template)
    return None if missing else result


_CHECKS = {
    "string": lambda v: v,
    "integer": lambda v: str(int(v)) if re.fullmatch(r"[+-]?\d+", v)
    else _bad("a whole number", "eine ganze Zahl"),
    "decimal": lambda v: v if re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", v)
    else _bad("a decimal number (with a point)", "eine Dezimalzahl (mit Punkt)"),
    "date": lambda v: v if _is_date(v) or _written_as_date(v)
    else _bad("a date YYYY-MM-DD", "ein Datum JJJJ-MM-TT"),
    "gYear": lambda v: v if re.fullmatch(r"\d{4}", v) else _bad("a year YYYY", "ein Jahr JJJJ"),
    "boolean": lambda v: v if v in ("true", "false") else _bad("true or false", "true oder false"),
    "anyURI": lambda v: v if re.fullmatch(r"[a-z][a-z0-9+.-]*:\S+", v)
    else _bad("an absolute URL", "eine absolute URL"),
}


def _bad(en: str, de: str):
    raise CellError({"en": f"expected {en}", "de": f"erwartet: {de}"})


def _is_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))


def _written_as_date(value: str) -> bool:
    """Written as a date, even if no such day exists (2024-02-30): such a value is passed on as
    it is, so that the report says that the day does not exist (kg.validation.words) instead
    of the reading stopping at a 400 that only says a date was expected."""
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))


def literal(value: str, column: dict) -> ox.Literal:
    if column.get("lang"):
        return ox.Literal(value, language=column["lang"])
    base = column.get("datatype", "string")
    base = base.get("base", "string") if isinstance(base, dict) else base
    if base not in _CHECKS:
        raise CellError({"en": f"the template uses the unknown datatype {base}",
                         "de": f"die Vorlage verwendet den unbekannten Datentyp {base}"})
    try:
        checked = _CHECKS[base](value)
    except CellError as exc:
        raise CellError({"en": f"{exc.messages['en']}, got {value!r}",
                         "de": f"{exc.messages['de']}, erhalten: {value!r}"}) from None
    return ox.Literal(checked, datatype=ox.NamedNode(XSD + base))


def stated_date(value: str) -> tuple[ox.BlankNode, list[ox.Triple]]:
    """A time:Instant: the value at its precision plus earliest/latest bounds (the date model)."""
    bounds = _bounds(value)
    if bounds is None and _written_as_date(value):
        # No such day: the value as written, for its bounds too, as a Turtle author would
        # have it; the shapes' datatype checks then report that the date does not exist.
        node, written = ox.BlankNode(), ox.Literal(value, datatype=ox.NamedNode(XSD + "date"))
        return node, [ox.Triple(node, RDF_TYPE, ox.NamedNode(TIME + "Instant")),
                      *(ox.Triple(node, ox.NamedNode(IKG + p), written) for p in ("earliest", "latest")),
                      ox.Triple(node, ox.NamedNode(TIME + "inXSDDate"), written)]
    if bounds is None:
        raise CellError({"en": f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}",
                         "de": f"erwartet: ein Datum als JJJJ, JJJJ-MM oder JJJJ-MM-TT, "
                               f"erhalten: {value!r}"})
    (earliest, latest), (prop, datatype) = bounds
    node = ox.BlankNode()
    date = lambda d: ox.Literal(d.isoformat(), datatype=ox.NamedNode(XSD + "date"))  # noqa: E731
    return node, [
        ox.Triple(node, RDF_TYPE, ox.NamedNode(TIME + "Instant")),
        ox.Triple(node, ox.NamedNode(IKG + "earliest"), date(earliest)),
        ox.Triple(node, ox.NamedNode(IKG + "latest"), date(latest)),
        ox.Triple(node, ox.NamedNode(TIME + prop), ox.Literal(value, datatype=ox.NamedNode(XSD + datatype))),
    ]


def _bounds(value: str):
    try:
        if re.fullmatch(r"\d{4}", value):
            year = int(value)
            return (dt.date(year, 1, 1), dt.date(year, 12, 31)), ("inXSDgYear", "gYear")
        if re.fullmatch(r"\d{4}-\d{2}", value):
            year, month = map(int, value.split("-"))
            last = calendar.monthrange(year, month)[1]
            return (dt.date(year, month, 1), dt.date(year, month, last)), ("inXSDgYearMonth", "gYearMonth")
        if _is_date(value):
            day = dt.date.fromisoformat(value)
            return (day, day), ("inXSDDate", "date")
    except ValueError:
        return None
    return None
