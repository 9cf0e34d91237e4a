"""The query catalogue (queries/**/*.rq): each query's header, its typed parameters, and binding.

A query file opens with its header, one `#+ key: value` line each (comments to SPARQL):

    #+ id: cq03
    #+ title@en: …            #+ title@de: …            (both required)
    #+ description@en: …      #+ description@de: …
    #+ param: name | kind | default | help@en | help@de [| example]
                              (kind: iri, iri-list, date, integer, string; `!` after it: required)
    #+ tags: cq, plan
    #+ column: name | label@en | label@de                    (optional: a result column's heading)

A parameter is bound as RDF terms in a `VALUES` block placed first in the query's outermost group,
whose `WHERE {` opens a line of its own (queries/ENGINE.md): every engine gets the same text, and a
value reaches the query only as a term that pyoxigraph built and serialised, never as the text a
user typed. An `iri-list` takes one solution per IRI; a parameter left out (or empty) is unbound
and the query uses its own default.

A query that means nothing for "everything" (cq22: the sources of all 5,830 cited records, seconds
instead of milliseconds) marks its parameter required with a `!` after the kind, `iri-list!`: left
out, binding it is a 400 that names it. A required parameter has no default but an example, the
sixth field (an iri-list's IRIs separated by commas, as in a default): the form shows it, and the
expected tables, tools/time_queries.py and the benchmark run the query with it. Any other
parameter may have an example too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pyoxigraph as ox

from kg.errors import BadRequest, NotFound, ParseError

# A wheel carries the catalogue as kg/queries (pyproject.toml maps queries/ there); a checkout
# reads the repository's queries/ beside the package.
_PACKAGED = Path(__file__).resolve().parent / "queries"
QUERIES = _PACKAGED if _PACKAGED.is_dir() else Path(__file__).resolve().parents[1] / "queries"
XSD = "http://www.w3.org/2001/XMLSchema#"
LANGS = ("en", "de")
KEYS = ("id", "title@en", "title@de", "description@en", "description@de", "param", "tags", "column")
# What a value of each kind must be, said to whoever gave a wrong one.
_IRI = "https://w3id.org/integration-kg/id/municipality/14612000"
KINDS: dict[str, dict[str, str]] = {
    "iri": {"en": f"an absolute IRI, such as {_IRI}", "de": f"eine absolute IRI, etwa {_IRI}"},
    "iri-list": {"en": f"one or more absolute IRIs, such as {_IRI}",
                 "de": f"eine oder mehrere absolute IRIs, etwa {_IRI}"},
    "date": {"en": "a date as YYYY-MM-DD, such as 2024-06-30", "de": "ein Datum als JJJJ-MM-TT, etwa 2024-06-30"},
    "integer": {"en": "a whole number, such as 12", "de": "eine ganze Zahl, etwa 12"},
    "string": {"en": "a text", "de": "ein Text"},
}
Term = ox.NamedNode | ox.Literal
Value = str | Term | Sequence[str | Term] | None

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INTEGER = re.compile(r"[+-]?\d+")
_DATATYPES = {"date": ox.NamedNode(XSD + "date"), "integer": ox.NamedNode(XSD + "integer")}


class CatalogError(ParseError):
    """A query file whose header does not follow the grammar; says the file and the line."""

    kind = "catalog-error"


class ParameterError(BadRequest):
    """A parameter value that is not of its kind, or a parameter the query does not have."""

    kind = "parameter-error"


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    default: str  # "" for none: the parameter is then unbound unless given
    help: Mapping[str, str]
    required: bool = False  # left out, binding is a 400 (a required parameter has no default)
    example: str = ""  # a value to show and to run the query with; an iri-list's separated by commas

    def example_value(self) -> str | list[str]:
        """The example as bind takes it ("" for none)."""
        if self.kind == "iri-list" and self.example:
            return [item.strip() for item in self.example.split(",")]
        return self.example

    def terms(self, value: Value, query_id: str = "") -> list[Term]:
        """The value as RDF terms; empty when the value is (so the parameter stays unbound)."""
        items = [value] if isinstance(value, (str, ox.NamedNode, ox.Literal)) else list(value or ())
        items = [item for item in items if item != ""]
        if len(items) > 1 and self.kind != "iri-list":
            raise _expected(self, query_id, items, {"en": "one value", "de": "ein Wert"})
        return [to_term(self.kind, item, self.name, query_id) for item in items]


@dataclass(frozen=True)
class Query:
    id: str
    file: Path
    titles: Mapping[str, str]  # by language: en, de
    descriptions: Mapping[str, str]
    params: tuple[Param, ...]
    tags: tuple[str, ...]
    text: str  # the whole file; its header is comments to SPARQL
    where: int  # offset just after the outermost `WHERE {`, where the VALUES blocks go
    # Headings of result columns by variable, then language; a column without one shows its name.
    columns: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def heading(self, variable: str, lang: str) -> str:
        return self.columns.get(variable, {}).get(lang) or variable

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def examples(self) -> dict[str, str | list[str]]:
        """The documented example binding: each parameter's example, where it has one."""
        return {p.name: p.example_value() for p in self.params if p.example}

    def bind(self, values: Mapping[str, Value] | None = None) -> str:
        """The query text with `values` bound; a value is text (as a user types it) or an RDF term,
        a list of them for an iri-list; an empty one leaves its parameter unbound, which is a
        ParameterError for a required one."""
        blocks, bound = [], set()
        for name, value in (values or {}).items():
            param = self.param(name)
            if param is None:
                raise _unknown_param(self, name)
            terms = param.terms(value, self.id)
            if terms:
                bound.add(name)
                blocks.append(f"VALUES ?{name} {{ {' '.join(str(t) for t in terms)} }}")  # N-Triples syntax
        missing = [p for p in self.params if p.required and p.name not in bound]
        if missing:
            raise _missing(self, missing[0])
        if not blocks:
            return self.text
        return self.text[: self.where] + "\n  " + "\n  ".join(blocks) + self.text[self.where:]


class Catalog:
    """The queries of one folder, by id."""

    def __init__(self, queries: Sequence[Query]) -> None:
        self._by_id = {q.id: q for q in sorted(queries, key=lambda q: q.id)}

    def get(self, query_id: str) -> Query:
        try:
            return self._by_id[query_id]
        except KeyError:
            known = ", ".join(self._by_id)
            raise NotFound(messages={"en": f"There is no query {query_id!r} in the catalogue; known: {known}.",
                                     "de": f"Im Katalog gibt es keine Abfrage {query_id!r}; bekannt: {known}."},
                           detail={"query": query_id}) from None

    def __iter__(self) -> Iterator[Query]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, query_id: object) -> bool:
        return query_id in self._by_id


def load_catalog(folder: Path | str = QUERIES) -> Catalog:
    """Every `.rq` below `folder`; two files with the same id are an error."""
    seen: dict[str, Path] = {}
    queries = []
    for path in sorted(Path(folder).rglob("*.rq")):
        query = read_query(path)
        if query.id in seen:
            raise _catalog_error(path, 1 + _header_index(query.text, "id"), {
                "en": f"the id {query.id} is the id of {seen[query.id]} too; give each query its own",
                "de": f"die ID {query.id} hat auch {seen[query.id]}; jede Abfrage braucht ihre eigene"})
        seen[query.id] = path
        queries.append(query)
    return Catalog(queries)


def read_query(path: Path) -> Query:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    fields: dict[str, str] = {}
    params: list[Param] = []
    columns: dict[str, dict[str, str]] = {}
    in_header = True
    for number, line in enumerate(lines, 1):
        if not line.startswith("#+"):
            in_header = False
            continue
        if not in_header:
            raise _catalog_error(path, number, {"en": "a header line (#+) after the header has ended; "
                                                      "the header comes first, in one piece",
                                                "de": "eine Kopfzeile (#+) nach dem Ende des Kopfes; der "
                                                      "Kopf steht zuerst, am Stück"})
        key, value = _header_line(path, number, line)
        if key == "param":
            param = _param(path, number, value)
            if any(p.name == param.name for p in params):
                raise _catalog_error(path, number, {"en": f"parameter {param.name} is declared twice",
                                                    "de": f"Parameter {param.name} ist zweimal angegeben"})
            params.append(param)
        elif key == "column":
            name, labels = _column(path, number, value, columns)
            columns[name] = labels
        elif key in fields:
            raise _catalog_error(path, number, {"en": f"{key} is given twice", "de": f"{key} steht zweimal da"})
        else:
            fields[key] = value
    for key in ("id", "title@en", "title@de"):
        if not fields.get(key):
            raise _catalog_error(path, 1, {"en": f"the header has no {key}; every query needs an id and a "
                                                 "title in English and German",
                                           "de": f"im Kopf fehlt {key}; jede Abfrage braucht eine ID und einen "
                                                 "Titel auf Englisch und Deutsch"})
    return Query(id=fields["id"], file=path,
                 titles={lang: fields[f"title@{lang}"] for lang in LANGS},
                 descriptions={lang: fields.get(f"description@{lang}", "") for lang in LANGS},
                 params=tuple(params), tags=tuple(t.strip() for t in fields.get("tags", "").split(",") if t.strip()),
                 text=text, where=_outer_where(path, text, bool(params)), columns=columns)


def to_term(kind: str, value: str | Term, name: str = "value", query_id: str = "") -> Term:
    """A value of a parameter of `kind` as an RDF term, checked: text as typed, or a term of that kind."""
    text = value if isinstance(value, str) else value.value
    param = Param(name, kind, "", {})
    if kind in ("iri", "iri-list"):
        try:
            term: Term = ox.NamedNode(text)
        except ValueError:
            raise _expected(param, query_id, text) from None
    elif kind == "date":
        if not (_DATE.fullmatch(text) and _is_date(text)):
            raise _expected(param, query_id, text)
        term = ox.Literal(text, datatype=_DATATYPES["date"])
    elif kind == "integer":
        if not _INTEGER.fullmatch(text):
            raise _expected(param, query_id, text)
        term = ox.Literal(str(int(text)), datatype=_DATATYPES["integer"])
    else:
        term = ox.Literal(text)
    if not isinstance(value, str) and (type(value) is not type(term) or
                                       getattr(value, "datatype", None) != getattr(term, "datatype", None)):
        raise _expected(param, query_id, str(value))
    return term


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _header_line(path: Path, number: int, line: str) -> tuple[str, str]:
    key, colon, value = line[3:].partition(":") if line.startswith("#+ ") else ("", "", "")
    key = key.strip()
    if not colon or key not in KEYS:
        raise _catalog_error(path, number, {
            "en": f"not a header line `#+ key: value` with a known key ({', '.join(KEYS)}): {line[:80]!r}",
            "de": f"keine Kopfzeile `#+ Schlüssel: Wert` mit bekanntem Schlüssel ({', '.join(KEYS)}): {line[:80]!r}"})
    return key, value.strip()


def _param(path: Path, number: int, value: str) -> Param:
    parts = [part.strip() for part in value.split("|")]
    if len(parts) not in (5, 6):
        raise _catalog_error(path, number, {
            "en": f"a param line has 5 fields separated by |, name | kind | default | help@en | help@de, "
                  f"and a sixth, an example, where one is given; this one has {len(parts)}",
            "de": f"eine param-Zeile hat 5 durch | getrennte Felder, Name | Art | Vorgabe | Hilfe@en | "
                  f"Hilfe@de, und ein sechstes, ein Beispiel, wo eines angegeben ist; diese hat {len(parts)}"})
    name, kind, default, help_en, help_de = parts[:5]
    example = parts[5] if len(parts) == 6 else ""
    required = kind.endswith("!")
    kind = kind.removesuffix("!")
    problem = None
    if not _NAME.fullmatch(name):
        problem = {"en": f"{name!r} is not a SPARQL variable name", "de": f"{name!r} ist kein SPARQL-Variablenname"}
    elif kind not in KINDS:
        problem = {"en": f"unknown kind {kind!r} of parameter {name}; known: {', '.join(KINDS)}",
                   "de": f"unbekannte Art {kind!r} des Parameters {name}; bekannt: {', '.join(KINDS)}"}
    elif not (help_en and help_de):
        problem = {"en": f"parameter {name} needs its help in English and German",
                   "de": f"Parameter {name} braucht seine Hilfe auf Englisch und Deutsch"}
    elif len(parts) == 6 and not example:
        problem = {"en": f"the sixth field of parameter {name}, its example, is empty; give one or leave "
                         "the field out",
                   "de": f"das sechste Feld des Parameters {name}, sein Beispiel, ist leer; geben Sie eines "
                         "an oder lassen Sie das Feld weg"}
    elif required and default:
        problem = {"en": f"parameter {name} is required (!) and so has no default; give {default!r} as "
                         "its example (the sixth field) instead",
                   "de": f"Parameter {name} ist verpflichtend (!) und hat daher keine Vorgabe; geben Sie "
                         f"{default!r} stattdessen als sein Beispiel (sechstes Feld) an"}
    elif required and not example:
        problem = {"en": f"parameter {name} is required (!): give an example as the sixth field, which "
                         "tests and timings run the query with",
                   "de": f"Parameter {name} ist verpflichtend (!): geben Sie als sechstes Feld ein "
                         "Beispiel an, mit dem Tests und Zeitmessungen die Abfrage ausführen"}
    if problem:
        raise _catalog_error(path, number, problem)
    param = Param(name, kind, default, {"en": help_en, "de": help_de}, required, example)
    for field_name, value in (("default", default.split(",") if kind == "iri-list" else default),
                              ("example", param.example_value())):
        try:
            param.terms(value)
        except ParameterError as exc:
            words = {"en": f"the {field_name}", "de": "die Vorgabe" if field_name == "default" else "das Beispiel"}
            raise _catalog_error(path, number, {"en": f"{words['en']}: {exc.text('en')}",
                                                "de": f"{words['de']}: {exc.text('de')}"}) from None
    return param


def _column(path: Path, number: int, value: str, seen: Mapping[str, object]) -> tuple[str, dict[str, str]]:
    parts = [part.strip() for part in value.split("|")]
    if len(parts) != 3 or not _NAME.fullmatch(parts[0]) or not (parts[1] and parts[2]):
        raise _catalog_error(path, number, {
            "en": "a column line is `name | label@en | label@de`, a variable name and its heading in "
                  "English and German",
            "de": "eine column-Zeile ist `Name | Bezeichnung@en | Bezeichnung@de`, ein Variablenname und "
                  "seine Überschrift auf Englisch und Deutsch"})
    if parts[0] in seen:
        raise _catalog_error(path, number, {"en": f"column {parts[0]} is labelled twice",
                                            "de": f"Spalte {parts[0]} ist zweimal bezeichnet"})
    return parts[0], {"en": parts[1], "de": parts[2]}


def _outer_where(path: Path, text: str, needed: bool) -> int:
    """The offset just after the outermost `WHERE {`: the first line of SPARQL that says WHERE,
    which must open with it (the VALUES blocks go there; one inside a line could be anywhere)."""
    offset, lines = 0, text.splitlines(keepends=True)
    for number, line in enumerate(lines, 1):
        code = line.split("#", 1)[0] if not line.lstrip().startswith("#") else ""
        if re.search(r"\bWHERE\b", code, re.IGNORECASE):
            match = re.match(r"WHERE\s*\{", line, re.IGNORECASE)
            if match:
                return offset + match.end()
            break
        offset += len(line)
    else:
        number = len(lines)
    if not needed:
        return -1
    raise _catalog_error(path, number, {
        "en": "a query with parameters has its outermost `WHERE {` open a line of its own, before any other WHERE",
        "de": "eine Abfrage mit Parametern beginnt eine eigene Zeile mit ihrem äußersten `WHERE {`, vor jedem "
              "anderen WHERE"})


def _header_index(text: str, key: str) -> int:
    return next(i for i, line in enumerate(text.splitlines()) if line.startswith(f"#+ {key}:"))


def _catalog_error(path: Path, line: int, messages: dict[str, str]) -> CatalogError:
    return CatalogError(messages=messages, source=str(path), line=line)


def _expected(param: Param, query_id: str, value: object, expected: Mapping[str, str] | None = None) -> ParameterError:
    expected = expected or KINDS[param.kind]
    where = {"en": f" of {query_id}" if query_id else "", "de": f" von {query_id}" if query_id else ""}
    return ParameterError(messages={
        "en": f"Parameter {param.name!r}{where['en']}: {value!r} is not valid; expected {expected['en']}.",
        "de": f"Parameter {param.name!r}{where['de']}: {value!r} ist nicht gültig; erwartet wird {expected['de']}."},
        detail={"parameter": param.name, "kind": param.kind, "query": query_id})


def _missing(query: Query, param: Param) -> ParameterError:
    """A required parameter left out: what it is, what to give, and the documented example."""
    expected = KINDS[param.kind]
    example = ", ".join(param.example_value()) if param.kind == "iri-list" else param.example
    return ParameterError(messages={
        "en": f"{query.id} needs a value for its parameter {param.name!r} ({param.help['en']}); expected "
              f"{expected['en']}. The documented example: {example}.",
        "de": f"{query.id} braucht einen Wert für seinen Parameter {param.name!r} ({param.help['de']}); "
              f"erwartet wird {expected['de']}. Das dokumentierte Beispiel: {example}."},
        detail={"parameter": param.name, "kind": param.kind, "query": query.id, "required": True,
                "example": param.example_value()})


def _unknown_param(query: Query, name: str) -> ParameterError:
    known = ", ".join(p.name for p in query.params) or "-"
    return ParameterError(messages={
        "en": f"{query.id} has no parameter {name!r}; its parameters: {known}.",
        "de": f"{query.id} hat keinen Parameter {name!r}; seine Parameter: {known}."},
        detail={"parameter": name, "query": query.id})
