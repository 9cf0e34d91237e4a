"""How a batch-3 value is cut into clauses (the rule the guide in __init__ documents).

A clause ends at a `;` outside parentheses, and before a top-level ", later " / ", earlier " (a later or
earlier state is a statement of its own). Parentheses never cut: "(city page)", "(2014)", "(undated page)"
stay with the clause they qualify, so the clause's disposition decides about them too.
"""

from __future__ import annotations

import re

_TURN = re.compile(r",\s+(?=(?:later|earlier)\b)", re.I)


def split(value: str) -> list[str]:
    """The row's clauses in order, stripped; clause k of the guide is split(value)[k - 1]."""
    clauses, depth, start = [], 0, 0
    cuts: list[tuple[int, int]] = []  # (end of clause, start of next)
    for i, ch in enumerate(value):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == ";" and depth == 0:
            cuts.append((i, i + 1))
        elif ch == "," and depth == 0:
            m = _TURN.match(value, i)
            if m:
                cuts.append((i, m.end()))
    for end, nxt in cuts:
        clauses.append(value[start:end])
        start = nxt
    clauses.append(value[start:])
    return [c.strip() for c in clauses if c.strip()]
