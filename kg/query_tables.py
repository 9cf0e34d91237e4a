"""A catalogue query's answer as a table people download: JSON, CSV (plain or for Excel), TSV.

Apart from kg.results (the W3C result formats of /sparql) because these tables are for
spreadsheets and scripts rather than SPARQL clients: values are plain, and a CSV cell can never
be taken for a formula.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pyoxigraph as ox

from kg.catalog import Query, Value
from kg.catalog_runner import plain
from kg.results import result_format, serialize
from kg.store.base import QueryResult, Term

XSD = "http://www.w3.org/2001/XMLSchema#"
# Excel takes a UTF-8 file for its ANSI code page unless it opens with a byte order mark.
BOM = "\ufeff"
# A spreadsheet reads a cell opening with one of these as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_NUMERIC = {XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "short",
                              "nonNegativeInteger", "positiveInteger", "negativeInteger",
                              "nonPositiveInteger")}
_LIST_SEPARATOR = re.compile(r"[\s,]+")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|[+-]?INF|NaN")


@dataclass(frozen=True)
class TableFormat:
    name: str
    media_type: str
    extension: str
    download: bool  # sent as an attachment (Content-Disposition), a file to save


TABLE_FORMATS: tuple[TableFormat, ...] = (
    TableFormat("json", "application/json", ".json", False),
    TableFormat("html", "text/html", ".html", False),
    TableFormat("csv", "text/csv", ".csv", True),
    TableFormat("excel", "text/csv", ".csv", True),  # CSV with a BOM: only by format=excel
    TableFormat("tsv", "text/tab-separated-values", ".tsv", True),
)


def table_format(name: str) -> TableFormat | None:
    """The format by its name or its media type (text/csv is plain CSV), None if not offered."""
    name = name.strip().lower()
    return next((f for f in TABLE_FORMATS if name in (f.name, f.media_type)), None)


def values_from_arguments(query: Query, arguments: Mapping[str, Sequence[str]]) -> dict[str, Value]:
    """Parameter values as a form or URL gives them: text per parameter, repeatable. An iri-list
    also takes several IRIs in one value, one per line (a textarea) or separated by spaces or
    commas, neither of which an IRI may hold. Checking is left to Query.bind."""
    values: dict[str, Value] = {}
    for name, texts in arguments.items():
        param = query.param(name)
        if param is not None and param.kind == "iri-list":
            values[name] = [item for text in texts for item in _LIST_SEPARATOR.split(text) if item]
        else:
            values[name] = [text.strip() if param is not None and param.kind != "string" else text
                            for text in texts]
    return values


def to_csv(result: QueryResult, excel: bool = False) -> bytes:
    buffer = io.StringIO()
    buffer.write(BOM if excel else "")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(result.variables)
    writer.writerows([safe_cell(term) for term in row] for row in result.rows)
    return buffer.getvalue().encode("utf-8")


def to_tsv(result: QueryResult) -> bytes:
    """SPARQL 1.1 TSV: texts are quoted ("…") and IRIs bracketed, so no cell can open a formula."""
    return serialize(result, result_format("tsv"))


def safe_cell(term: Term | None) -> str:
    """A CSV cell: the term's value; a text that a spreadsheet would run as a formula gets a
    leading apostrophe, which spreadsheets show as text and do not evaluate. Numbers stay as
    they are (-3 is a number, not a formula)."""
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    text = term.value if isinstance(term, (ox.NamedNode, ox.Literal)) else str(term)
    # By its text, not only its datatype: an ill-typed "=1+1"^^xsd:integer is kept as written.
    numeric = (isinstance(term, ox.Literal) and term.datatype.value in _NUMERIC
               and _NUMBER.fullmatch(text) is not None)
    return "'" + text if text.startswith(_FORMULA_START) and not numeric else text


def to_json(query: Query, values: Mapping[str, Sequence[str]], result: QueryResult, lang: str) -> dict:
    """The answer with what was asked: plain JSON values (IRIs and texts as strings, numbers as
    numbers, dates as YYYY-MM-DD), an unbound cell as null."""
    return {
        "query": query.id,
        "title": query.titles[lang],
        "parameters": {name: list(texts) for name, texts in values.items()},
        "variables": list(result.variables),
        "columns": [query.heading(v, lang) for v in result.variables],
        "rows": [{v: json_value(term) for v, term in zip(result.variables, row)} for row in result.rows],
        "truncated": result.truncated,
    }


def json_value(term: Term | None) -> object:
    value = plain(term)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return str(value)  # Iri and LangString as bare text
    return value


def display(term: Term | None) -> str:
    """A cell of an HTML table: the value as text (a table shows no datatypes or language tags)."""
    return "" if term is None else safe_text(term)


def safe_text(term: Term) -> str:
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return term.value if isinstance(term, (ox.NamedNode, ox.Literal)) else str(term)


def is_iri(term: Term | None) -> bool:
    return isinstance(term, ox.NamedNode)
