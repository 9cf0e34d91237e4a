"""What a request to the remote store says where the SPARQL Protocol has no word for it, and
what an answer that breaks off means."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Mapping

from kg.errors import KGError
from kg.store.base import Term

QUERY_HEADERS = {
    "select": {"Accept": "application/sparql-results+json",
               "Content-Type": "application/x-www-form-urlencoded"},
    "graph": {"Accept": "application/n-triples",
              "Content-Type": "application/x-www-form-urlencoded"},
}


def broken_answer(raw: bytes, exc: SyntaxError) -> KGError:
    """A server that fails while it streams an answer (Oxigraph: a SERVICE endpoint that is
    down) has already said 200 and appends its error to what it sent. A plain KGError, as the
    embedded store's worker reports a failed call of Oxigraph's: /sparql turns it into a 502
    when the query called an allowed SERVICE endpoint."""
    text = raw[-2000:].decode("utf-8", errors="replace")
    words = re.search(r'[\[\]{},]\s*([^\[\]{},"<>]+?)\s*$', text)
    reason = words.group(1) if words else str(exc)
    return KGError(f"The SPARQL server broke off its answer: {reason[:300]}")


def values_clause(substitutions: Mapping[str, Term]) -> str:
    """The Protocol has no substitutions: a trailing VALUES clause binds each variable to its
    term for the whole query, written by pyoxigraph's serialisation of the term (an RDF term,
    never text of the caller's). Unlike Oxigraph's substitution it cannot bind a variable
    inside a subquery that does not project it."""
    names = " ".join(f"?{name}" for name in substitutions)
    terms = " ".join(str(term) for term in substitutions.values())
    return f"VALUES ({names}) {{ ({terms}) }}"


def form(fields: Mapping[str, str]) -> bytes:
    return urllib.parse.urlencode(fields).encode()


def query_form(sparql: str) -> str:
    """"graph" for CONSTRUCT/DESCRIBE, else "select" (SELECT and ASK share the results format).
    The form is the first of these keywords outside prologue, strings and comments; the
    server's parser has the last word (a wrong guess fails as a bad answer format)."""
    text = _without_strings_and_comments(sparql).upper()
    positions = {word: text.find(word) for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")}
    found = sorted((pos, word) for word, pos in positions.items() if pos >= 0)
    return "graph" if found and found[0][1] in ("CONSTRUCT", "DESCRIBE") else "select"


def _without_strings_and_comments(sparql: str) -> str:
    out, i, n = [], 0, len(sparql)
    while i < n:
        c = sparql[i]
        if c == "#":
            while i < n and sparql[i] != "\n":
                i += 1
        elif c == "<":  # an IRI (or a less-than, harmless to drop up to the next '>')
            j = sparql.find(">", i)
            i = n if j < 0 else j + 1
            out.append(" ")
        elif c in "\"'":
            quote = sparql[i:i + 3] if sparql[i:i + 3] in ('"""', "'''") else c
            j = i + len(quote)
            while j < n and sparql[j:j + len(quote)] != quote:
                j += 2 if sparql[j] == "\\" else 1
            i = j + len(quote)
            out.append(" ")
        else:
            out.append(c)
            i += 1
    return "".join(out)
