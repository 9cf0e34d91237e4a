"""SPARQL query results in the W3C result formats (JSON, XML, CSV, TSV), and back.

Written here rather than with Oxigraph's writers because results are materialised (the row cap
cuts them, worker processes hand them over) before they are serialised.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from kg.errors import UnsupportedMediaType
from kg.rdfio import find_format
from kg.store.base import QueryResult, Term, to_query_result

XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = XSD + "string"


@dataclass(frozen=True)
class ResultFormatInfo:
    name: str
    media_type: str
    extension: str
    other_media_types: tuple[str, ...] = ()

    @property
    def media_types(self) -> tuple[str, ...]:
        return (self.media_type, *self.other_media_types)


RESULT_FORMATS: tuple[ResultFormatInfo, ...] = (
    ResultFormatInfo("json", "application/sparql-results+json", ".srj", ("application/json",)),
    ResultFormatInfo("xml", "application/sparql-results+xml", ".srx", ("application/xml",)),
    ResultFormatInfo("csv", "text/csv", ".csv"),
    ResultFormatInfo("tsv", "text/tab-separated-values", ".tsv"),
)


def result_format(name_or_media_type: str) -> ResultFormatInfo:
    return find_format(name_or_media_type, RESULT_FORMATS,
                       {"en": "result format", "de": "Ergebnisformat"})


def serialize(result: QueryResult, fmt: ResultFormatInfo) -> bytes:
    """SELECT or ASK results in the given format."""
    writer = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}[fmt.name]
    return writer(result).encode("utf-8")


# -- JSON ----------------------------------------------------------------------------------------

def _json_term(term: Term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != _XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def _per_term(write):
    """`write` applied once per distinct term object of a result (rows share their terms, see
    to_query_result): most cells of a large result repeat a term of another row."""
    done: dict[int, str] = {}

    def cached(term):
        text = done.get(id(term))
        if text is None:
            text = done[id(term)] = write(term)
        return text
    return cached


def _json(result: QueryResult) -> str:
    if result.form == "ask":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)})
    term = _per_term(lambda t: json.dumps(_json_term(t), ensure_ascii=False))
    keys = [json.dumps(var, ensure_ascii=False) + ":" for var in result.variables]
    bindings = ",\n".join(
        "{" + ",".join(key + term(val) for key, val in zip(keys, row) if val is not None) + "}"
        for row in result.rows)
    head = json.dumps({"vars": result.variables}, ensure_ascii=False)
    return f'{{"head":{head},"results":{{"bindings":[\n{bindings}]}}}}'


# -- XML -----------------------------------------------------------------------------------------

def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Triple):
        return ("<triple>" + "".join(f"<{k}>{_xml_term(getattr(term, k))}</{k}>"
                                     for k in ("subject", "predicate", "object")) + "</triple>")
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype.value != _XSD_STRING:
        return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"


def _xml(result: QueryResult) -> str:
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if result.form == "ask":
        out += ["<head/>", f"<boolean>{'true' if result.boolean else 'false'}</boolean>"]
    else:
        out.append("<head>" + "".join(f"<variable name={quoteattr(v)}/>"
                                      for v in result.variables) + "</head>")
        out.append("<results>")
        term = _per_term(_xml_term)
        names = [f"<binding name={quoteattr(var)}>" for var in result.variables]
        for row in result.rows:
            cells = "".join(f"{name}{term(val)}</binding>" for name, val in zip(names, row) if val is not None)
            out.append(f"<result>{cells}</result>")
        out.append("</results>")
    out.append("</sparql>")
    return "\n".join(out) + "\n"


# -- CSV and TSV ---------------------------------------------------------------------------------

def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


def _csv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if result.form == "ask":
        writer.writerow(["_askResult"])
        writer.writerow(["true" if result.boolean else "false"])
    else:
        writer.writerow(result.variables)
        value = _per_term(_csv_value)
        writer.writerows([value(v) for v in row] for row in result.rows)
    return buffer.getvalue()


# Turtle's short forms (SPARQL 1.1 TSV, section 4: "the Turtle abbreviated forms for numbers"):
# a literal whose lexical form fits one of these grammar rules is written bare.
_TURTLE_SHORT_FORMS = {
    XSD + "integer": re.compile(r"[+-]?[0-9]+"),
    XSD + "decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    XSD + "double": re.compile(r"[+-]?(?:[0-9]+\.[0-9]*[eE][+-]?[0-9]+|\.[0-9]+[eE][+-]?[0-9]+"
                              r"|[0-9]+[eE][+-]?[0-9]+)"),
    XSD + "boolean": re.compile(r"true|false"),
}


def _tsv_value(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal) and not term.language:
        short = _TURTLE_SHORT_FORMS.get(term.datatype.value)
        if short is not None and short.fullmatch(term.value):
            return term.value
    # N-Triples syntax is valid Turtle, which the TSV format asks for; tabs and newlines are escaped.
    return str(term)


def _tsv(result: QueryResult) -> str:
    if result.form == "ask":
        return "?_askResult\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    value = _per_term(_tsv_value)
    lines += ["\t".join(value(v) for v in row) for row in result.rows]
    return "\n".join(lines) + "\n"


# -- parsing (results of remote endpoints) ---------------------------------------------------------

def parse(data: bytes, fmt: ResultFormatInfo) -> QueryResult:
    oxfmt = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
             "tsv": ox.QueryResultsFormat.TSV}.get(fmt.name)
    if oxfmt is None:
        raise UnsupportedMediaType(f"Results in {fmt.name} cannot be read back; ask for JSON.")
    return to_query_result(ox.parse_query_results(data, format=oxfmt))


def display(term: Term | None) -> str:
    """A term for people: IRIs and plain strings bare, other literals with their language or type."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        if term.language:
            return f"{term.value} @{term.language}"
        return term.value
    return _csv_value(term)
