"""Cheap checks on query text before any engine sees it.

Measured with pyoxigraph 0.5.13 (in subprocesses; the crashes end the whole process):
`{` nested 3,000 deep or `(` nested 5,000 deep overflow the parser's stack (SIGSEGV) while
2,000 pass; nested blank-node brackets `[ ?p [ ?p … ] ]` do not crash but take 4.6 s to parse at
100 levels and 46 s at 200 (the deadline stops those). A limit of 200 leaves a wide margin below
the crash and stays far above what hand-written or generated queries use (a few dozen).
"""

from __future__ import annotations

from kg.errors import BadRequest

MAX_NESTING_DEPTH = 200

_OPEN = "([{"
_CLOSE = ")]}"


def nesting_depth(sparql: str) -> int:
    """The deepest nesting of brackets, braces and parentheses outside IRIs, strings and comments.

    IRIs must be skipped, not only strings: `#` inside `<…#Term>` starts no comment, and a
    comment would otherwise hide the rest of its line from the count.
    """
    depth = deepest = 0
    i, n = 0, len(sparql)
    while i < n:
        char = sparql[i]
        if char == "#":
            i = _end_of_line(sparql, i)
        elif char in "\"'":
            i = _end_of_string(sparql, i)
        elif char == "<" and (end := _end_of_iri(sparql, i)) is not None:
            i = end
        else:
            if char in _OPEN:
                depth += 1
                deepest = max(deepest, depth)
            elif char in _CLOSE:
                depth = max(depth - 1, 0)
            i += 1
    return deepest


def _end_of_line(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end + 1


# A backslash is allowed: IRIs may hold \u escapes, and a `#` after one must not start a comment.
_NOT_IN_IRI = frozenset('<>"{}|^`') | frozenset(chr(c) for c in range(0x21))


def _end_of_iri(text: str, start: int) -> int | None:
    """The index after an IRI reference opening at `start`, or None if `<` is an operator here."""
    i = start + 1
    while i < len(text) and text[i] not in _NOT_IN_IRI:
        i += 1
    return i + 1 if i < len(text) and text[i] == ">" else None


def _end_of_string(text: str, start: int) -> int:
    """The index after the string literal opening at `start` (or the end of an unclosed one)."""
    quote = text[start] * 3 if text.startswith(text[start] * 3, start) else text[start]
    i = start + len(quote)
    while i < len(text):
        if text[i] == "\\":
            i += 2
        elif text.startswith(quote, i):
            return i + len(quote)
        elif len(quote) == 1 and text[i] == "\n":
            return i + 1  # a short string cannot span lines; let the parser report it
        else:
            i += 1
    return len(text)


def check_nesting(sparql: str, limit: int = MAX_NESTING_DEPTH) -> None:
    """Refuse text nested deeper than `limit` with a 400 that says what to change."""
    depth = nesting_depth(sparql)
    if depth > limit:
        raise BadRequest(messages={
            "en": f"The query nests brackets, braces or parentheses {depth} levels deep; at most "
                  f"{limit} are accepted, because deeper nesting can crash the query engine. "
                  "Flatten the query (e.g. use a VALUES block or a property path instead of "
                  "deep nesting) and send it again.",
            "de": f"Die Abfrage verschachtelt Klammern {depth} Ebenen tief; höchstens {limit} "
                  "werden angenommen, weil tiefere Verschachtelung die Abfrage-Engine zum "
                  "Absturz bringen kann. Machen Sie die Abfrage flacher (z. B. mit einem "
                  "VALUES-Block oder einem Eigenschaftspfad statt tiefer Verschachtelung) und "
                  "senden Sie sie erneut.",
        }, detail={"nesting_depth": depth, "limit": limit})
