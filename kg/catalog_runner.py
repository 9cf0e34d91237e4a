"""Running a catalogue query by id, with typed parameters, on the public path.

Pages (and later the catalogue UI) ask the graph named questions rather than SPARQL of their own:
the query runner they are given is the one /sparql uses (worker processes, default deadline and
row cap, the published dataset), so a page can never show more, or run longer, than /sparql would.
Answers come back as plain Python values, so that callers need no RDF library to read them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox

from kg.catalog import Catalog, Value, load_catalog
from kg.errors import BadRequest
from kg.querying.runner import QueryRunner
from kg.store.base import Term

# The site's own questions (home page figures, names, labels): catalogue files with the same
# header grammar, kept beside the code rather than in queries/, whose catalogue is the
# competency questions and their expected answers.
SITE_QUERIES = Path(__file__).resolve().parent / "site_queries"
XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {XSD + name for name in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort",
    "unsignedByte")}
_FLOATS = {XSD + "double", XSD + "float"}


class Iri(str):
    """An IRI as text; its own type so that a page can link it and never link a literal."""

    __slots__ = ()


class LangString(str):
    """A language-tagged text; `lang` is its tag."""

    __slots__ = ("lang",)

    def __new__(cls, text: str, lang: str) -> "LangString":
        value = super().__new__(cls, text)
        value.lang = lang
        return value


Plain = Iri | LangString | str | int | float | Decimal | bool | date | None


@dataclass(frozen=True)
class Rows:
    """A SELECT answer: one dict per solution, an unbound variable as None."""

    variables: tuple[str, ...]
    rows: tuple[dict[str, Plain], ...]
    truncated: bool  # the row cap cut the answer short, as /sparql's header would say

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def site_catalog() -> Catalog:
    """The competency questions and the site's own queries, as one catalogue by id."""
    return Catalog([*load_catalog(), *load_catalog(SITE_QUERIES)])


def run_select(runner: QueryRunner, catalog: Catalog, query_id: str,
               values: Mapping[str, Value] | None = None) -> Rows:
    """Query `query_id` with `values` bound (kg.catalog.Query.bind), over the published dataset."""
    result = runner.run(catalog.get(query_id).bind(values))
    if result.form != "select":
        raise BadRequest(messages={
            "en": f"{query_id} is not a SELECT query; use run_graph for it.",
            "de": f"{query_id} ist keine SELECT-Abfrage; verwenden Sie run_graph dafür."})
    return Rows(tuple(result.variables),
                tuple({name: plain(term) for name, term in zip(result.variables, row)}
                      for row in result.rows),
                result.truncated)


def run_graph(runner: QueryRunner, catalog: Catalog, query_id: str,
              values: Mapping[str, Value] | None = None) -> list[ox.Triple]:
    """The triples of a CONSTRUCT or DESCRIBE query of the catalogue, for RDF representations."""
    result = runner.run(catalog.get(query_id).bind(values))
    if result.form != "graph":
        raise BadRequest(messages={
            "en": f"{query_id} is not a CONSTRUCT or DESCRIBE query; use run_select for it.",
            "de": f"{query_id} ist keine CONSTRUCT- oder DESCRIBE-Abfrage; verwenden Sie "
                  "run_select dafür."})
    return list(result.triples)


# What callers hold: "ask this question" without knowing the runner or the catalogue.
Select = Callable[..., Rows]


def selector(runner: QueryRunner, catalog: Catalog) -> Select:
    def select(query_id: str, values: Mapping[str, Value] | None = None) -> Rows:
        return run_select(runner, catalog, query_id, values)
    return select


def plain(term: Term | None) -> Plain:
    """An RDF term as a Python value: IRIs as Iri, numbers, booleans and dates as such, texts as
    str (LangString with a language tag). A literal whose lexical form is not valid for its
    datatype stays its text, as the data say it."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return Iri(term.value)
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if not isinstance(term, ox.Literal):
        return str(term)
    if term.language:
        return LangString(term.value, term.language)
    datatype = term.datatype.value
    try:
        if datatype in _INTEGERS:
            return int(term.value)
        if datatype == XSD + "decimal":
            return Decimal(term.value)
        if datatype in _FLOATS:
            return float(term.value)
        if datatype == XSD + "boolean":
            return {"true": True, "1": True, "false": False, "0": False}[term.value.strip()]
        if datatype == XSD + "date":
            return date.fromisoformat(term.value)
    except (ValueError, KeyError, InvalidOperation):
        pass
    return term.value
