"""The audit log: one JSON line per accept, rejection, refusal of a new package (its only
trace), replacement, withdrawal and erasure.

Append-only and synced. It says who (a token's *name*), what, when, which submission and the
checksums of the files; never a token, and never the data or the file names, so that it may stay
when a submission is erased. Each line carries the operation's id, so that reconciliation after
a crash writes a line once, never twice.
"""

from __future__ import annotations

import json
import os
from pathlib import Path


class AuditLog:
    def __init__(self, root: Path) -> None:
        self.path = root / "audit.jsonl"

    def entries(self) -> list[dict]:
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return []
        out = []
        for line in lines:
            try:
                out.append(json.loads(line))
            except ValueError:
                continue  # a line cut short by a crash mid-append
        return out

    def has(self, opid: str) -> bool:
        return any(e.get("opid") == opid for e in self.entries())

    def append(self, entry: dict) -> None:
        if self.has(entry["opid"]):
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n"
        with open(self.path, "a", encoding="utf-8") as fh:
            # A line cut short by an earlier crash must not swallow this one.
            if fh.tell() and not self.path.read_bytes().endswith(b"\n"):
                fh.write("\n")
            fh.write(line)
            fh.flush()
            os.fsync(fh.fileno())
