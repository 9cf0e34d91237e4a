"""Where a record starts in the input: the line of its subject's first occurrence.

Oxigraph's parsers give no positions for triples, so we look in the text: in Turtle, TriG,
N-Triples and N-Quads a record starts with its subject at the beginning of a line (written as
<iri>, prefix:local or _:label); in JSON-LD and RDF/XML we take the first "iri" in quotes.
CSV inputs bring their own index (kg.parsed_input.RowIndex: the row each record came from).
"""

from __future__ import annotations

from collections.abc import Mapping

_LINE_FORMATS = ("turtle", "trig", "ntriples", "nquads")


class LineIndex:
    def __init__(self, text: str, fmt: str, prefixes: Mapping[str, str] | None = None) -> None:
        self.text, self.fmt = text, fmt
        self.prefixes = dict(prefixes or {})
        self._starts: dict[str, int] | None = None

    def line_of(self, node: str) -> int | None:
        if self.fmt in _LINE_FORMATS:
            found = [self._line_starts().get(t) for t in self._spellings(node)]
            lines = [n for n in found if n is not None]
            if lines:
                return min(lines)
            return self._first(f"<{node}>") if not node.startswith("_:") else None
        if node.startswith("_:"):
            return None
        return self._first(f'"{node}"')

    def _spellings(self, node: str) -> list[str]:
        if node.startswith("_:"):
            return [node]
        spellings = [f"<{node}>"]
        for prefix, namespace in self.prefixes.items():
            if namespace and node.startswith(namespace):
                spellings.append(f"{prefix}:{node[len(namespace):]}")
        return spellings

    def _line_starts(self) -> dict[str, int]:
        # One pass: the first token of every line, mapped to the first line it begins.
        if self._starts is None:
            self._starts = {}
            for number, line in enumerate(self.text.splitlines(), start=1):
                token = line.split(None, 1)[0] if line.strip() else ""
                token = token.rstrip(";,.") if not token.startswith("<") else token
                if token and token not in self._starts:
                    self._starts[token] = number
        return self._starts

    def _first(self, needle: str) -> int | None:
        position = self.text.find(needle)
        return None if position < 0 else self.text.count("\n", 0, position) + 1


class NoLines:
    def line_of(self, node: str) -> int | None:
        return None
