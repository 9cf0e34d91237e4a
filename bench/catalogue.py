"""The catalogue's queries (queries/cq/*.rq) as the benchmark runs them: header, parameters, binding.

A parameter is bound the same way for every engine, as a `VALUES` block at the start of the
query's outermost group, so that each engine gets exactly the same query text. An `iri-list`
parameter takes several IRIs (one solution each); an unbound parameter keeps the query's own
default (the queries read it with COALESCE).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERY_DIR = ROOT / "queries" / "cq"

_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


@dataclass(frozen=True)
class Param:
    name: str
    kind: str  # iri | iri-list | date | string | integer
    default: str


@dataclass
class Query:
    id: str
    title: str
    path: Path
    text: str
    params: list[Param] = field(default_factory=list)

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


def read_query(path: Path) -> Query:
    text = path.read_text(encoding="utf-8")
    header: dict[str, str] = {}
    params = []
    for line in text.splitlines():
        if not line.startswith("#+ "):
            break
        key, _, value = line[3:].partition(":")
        value = value.strip()
        if key == "param":
            name, kind, default, *_ = [part.strip() for part in value.split("|")]
            params.append(Param(name, kind, default))
        else:
            header[key] = value
    return Query(header.get("id", path.stem[:4]), header.get("title@en", path.stem), path, text, params)


def read_catalogue(directory: Path = QUERY_DIR) -> list[Query]:
    return [read_query(p) for p in sorted(directory.glob("*.rq"))]


def term(kind: str, value: str) -> str:
    """A value of a parameter as a SPARQL term."""
    if kind in ("iri", "iri-list"):
        if any(c in value for c in '<>"{}|^`\\ '):
            raise ValueError(f"not an IRI: {value!r}")
        return f"<{value}>"
    if kind == "date":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError(f"not a date: {value!r}")
        return f'"{value}"^^<http://www.w3.org/2001/XMLSchema#date>'
    if kind == "integer":
        return str(int(value))
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def bind(query: Query, values: dict[str, str | list[str]]) -> str:
    """The query text with `values` bound: `{name: value}` or `{name: [values]}` for iri-list."""
    blocks = []
    for name, value in values.items():
        param = query.param(name)
        if param is None:
            raise KeyError(f"{query.id} has no parameter {name}")
        items = value if isinstance(value, list) else [value]
        blocks.append(f"VALUES ?{name} {{ {' '.join(term(param.kind, v) for v in items)} }}")
    if not blocks:
        return query.text
    match = _WHERE.search(query.text)
    if match is None:
        raise ValueError(f"{query.id}: no WHERE clause to bind parameters in")
    return query.text[: match.end()] + "\n  " + "\n  ".join(blocks) + query.text[match.end():]
