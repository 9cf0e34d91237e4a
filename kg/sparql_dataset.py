"""What a SPARQL request asks of the dataset: its query form and the graphs it names.

The engine is always handed an explicit dataset (the published graphs, or a choice among them),
because Oxigraph would otherwise take `FROM <x>` as a choice among *all* graphs of the store,
private ones included. So the dataset clause is read here, before the engine sees the query.

A small lexer rather than rdflib's SPARQL parser: rdflib's pyparsing grammar hits Python's
recursion limit on ordinary 80 KB queries (measured: 2,500 triple patterns) and knows no
SPARQL 1.2 syntax, which Oxigraph accepts. The dataset clause and the prologue only ever occur
outside brackets, so tokens at nesting depth 0 are all that matter; strings, IRIs and comments
are tokenised whole so that a `FROM` inside them is not mistaken for one. Safety does not rest
on this lexer: whatever it reads is checked against the published graphs, and the engine gets
nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from urllib.parse import urljoin

from kg.errors import BadRequest

_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
  | (?P<bare>[^\W\d][\w.-]*+(?!:))
  | (?P<word>(?:[^\W\d][\w.-]*)?:(?:[\w:%\\]|\\.|%[0-9A-Fa-f]{2})(?:[\w.:%-]|\\.)*
             |(?:[^\W\d][\w.-]*)?:|[^\W\d]\w*)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)
# A run of letters, digits, dots and hyphens that no colon follows cannot hold a prefixed name, so
# it is taken whole (`bare`) and split here into the words and single characters that `word` and
# `other` would have given one by one. Matched one by one, each word in the run looked ahead to
# the run's end for a colon: 50 KB of `a.a.a…` took 80 s in the request thread, holding the GIL.
_BARE_PARTS = re.compile(r"(?P<word>[^\W\d]\w*)|(?P<other>.)", re.DOTALL)

_QUERY_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY",
                 "WITH"}


@dataclass
class QueryHead:
    """The parts of a request's SPARQL text that decide how it is run."""

    form: str | None = None  # "select" | "ask" | "construct" | "describe" | "update" | None
    default_graphs: list[str] = field(default_factory=list)  # FROM
    named_graphs: list[str] = field(default_factory=list)  # FROM NAMED
    # SERVICE clauses anywhere in the query: Oxigraph would fetch them over HTTP.
    uses_service: bool = False

    @property
    def has_dataset(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)


def _tokens(text: str) -> Iterator[tuple[str, str, int]]:
    """(kind, text, bracket depth) of the tokens, in order, without whitespace and comments."""
    depth = 0
    for match in _TOKEN.finditer(text):
        kind, value = match.lastgroup or "other", match.group()
        if kind == "bare":
            for part in _BARE_PARTS.finditer(value):
                yield part.lastgroup or "other", part.group(), depth
            continue
        if kind in ("ws", "comment"):
            continue
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth = max(depth - 1, 0)
        yield kind, value, depth


def read_query_head(text: str) -> QueryHead:
    """The query form and the FROM / FROM NAMED graphs (prefixes and BASE resolved)."""
    head, base, prefixes = QueryHead(), "", {}
    tokens: list[tuple[str, str]] = []
    for kind, value, depth in _tokens(text):
        if kind == "word" and value.upper() == "SERVICE":
            head.uses_service = True
        elif depth == 0 and kind not in ("open", "close"):
            tokens.append((kind, value))
    i = 0
    while i < len(tokens):
        kind, value = tokens[i]
        upper = value.upper()
        if kind == "word" and upper == "BASE" and i + 1 < len(tokens):
            base = urljoin(base, tokens[i + 1][1][1:-1])
            i += 2
            continue
        if kind == "word" and upper == "PREFIX" and i + 2 < len(tokens):
            prefixes[tokens[i + 1][1].rstrip(":")] = urljoin(base, tokens[i + 2][1][1:-1])
            i += 3
            continue
        if kind == "word" and head.form is None and (upper in _QUERY_FORMS or upper in _UPDATE_WORDS):
            head.form = upper.lower() if upper in _QUERY_FORMS else "update"
        elif kind == "word" and upper == "FROM" and i + 1 < len(tokens):
            named = tokens[i + 1][1].upper() == "NAMED"
            i += 2 if named else 1
            if i < len(tokens):
                iri = _resolve(tokens[i], base, prefixes)
                (head.named_graphs if named else head.default_graphs).append(iri)
        i += 1
    return head


def _resolve(token: tuple[str, str], base: str, prefixes: dict[str, str]) -> str:
    kind, value = token
    if kind == "iri":
        return urljoin(base, value[1:-1]) if base else value[1:-1]
    prefix, colon, local = value.partition(":")
    if kind != "word" or not colon:
        raise BadRequest(messages={"en": f"FROM must be followed by an IRI, not {value!r}.",
                                   "de": f"Auf FROM muss eine IRI folgen, nicht {value!r}."})
    if prefix not in prefixes:
        raise BadRequest(messages={
            "en": f"The prefix {prefix}: in FROM {value} is not declared; add "
                  f"PREFIX {prefix}: <…> to the query.",
            "de": f"Das Präfix {prefix}: in FROM {value} ist nicht deklariert; fügen Sie "
                  f"PREFIX {prefix}: <…> in die Abfrage ein."})
    return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)


def choose_dataset(head: QueryHead, protocol_default: Sequence[str],
                   protocol_named: Sequence[str], published: Sequence[str],
                   ) -> tuple[list[str] | None, list[str] | None]:
    """(default graphs, named graphs) to run with; None for "all published".

    The protocol's default-graph-uri / named-graph-uri override the query's FROM clauses
    (SPARQL 1.1 Protocol, 2.1.4). Naming only one kind leaves the other empty, as the spec says.
    Every graph named must be published; anything else is a 400 naming it.
    """
    if protocol_default or protocol_named:
        default, named = list(protocol_default), list(protocol_named)
    elif head.has_dataset:
        default, named = head.default_graphs, head.named_graphs
    else:
        return None, None
    visible = set(published)
    unknown = [g for g in dict.fromkeys([*default, *named]) if g not in visible]
    if unknown:
        listed = ", ".join(f"<{g}>" for g in unknown)
        raise BadRequest(messages={
            "en": f"Not a published graph of this dataset: {listed}. Graphs are never fetched "
                  "from the web; only published graphs can be chosen (list them with "
                  "SELECT DISTINCT ?g WHERE { GRAPH ?g {} }).",
            "de": f"Kein veröffentlichter Graph dieses Datenbestands: {listed}. Graphen werden "
                  "nie aus dem Web geladen; nur veröffentlichte Graphen können gewählt werden "
                  "(auflisten mit SELECT DISTINCT ?g WHERE { GRAPH ?g {} }).",
        }, detail={"unknown_graphs": unknown})
    return default, named
