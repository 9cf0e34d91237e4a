"""The journal of operations under way, and the named crash points that test it.

Each operation (accept, reject, replace, withdraw, erase) first writes what it is about to do to
`<workspace>/journal/{op}.json`, synced, and deletes it when every step is done. Its store step
is one transaction whose record names the operation (`last_op`), so after a crash
reconciliation (kg.submissions.recovery, Recovery.reconcile) can tell whether that step happened, and
finish the operation or undo its other steps.

KG_CRASH_AT=op:step (e.g. accept:after-files) makes the process end itself on the spot at that
step, as a power cut would, without running any cleanup: tests use it to prove the above.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from kg.submissions.files import write_synced

CRASH_VARIABLE = "KG_CRASH_AT"
CRASH_EXIT_CODE = 86

# Every step an operation passes, in order: the crash points tests walk through.
STEPS = {
    "accept": ("after-journal", "after-files", "after-store", "after-audit"),
    "reject": ("after-journal", "after-files", "after-store", "after-audit"),
    "replace": ("after-journal", "after-files", "after-store", "after-audit"),
    "withdraw": ("after-journal", "after-store", "after-audit"),
    "erase": ("after-journal", "after-store", "after-files", "after-purge", "after-audit"),
}


def crash_point(op: str, step: str) -> None:
    if os.environ.get(CRASH_VARIABLE) == f"{op}:{step}":
        os._exit(CRASH_EXIT_CODE)


class Journal:
    def __init__(self, root: Path) -> None:
        self.dir = root / "journal"

    def begin(self, entry: dict) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        path = self.dir / f"{entry['opid']}.json"
        temporary = path.with_suffix(".writing")
        write_synced(temporary, json.dumps(entry, ensure_ascii=False).encode())
        os.replace(temporary, path)
        fd = os.open(self.dir, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def end(self, opid: str) -> None:
        (self.dir / f"{opid}.json").unlink(missing_ok=True)

    def pending(self) -> list[dict]:
        if not self.dir.is_dir():
            return []
        entries = []
        for path in sorted(self.dir.iterdir()):
            if path.suffix == ".writing":  # never completed: the operation never began
                path.unlink(missing_ok=True)
                continue
            try:
                entries.append(json.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError):
                path.unlink(missing_ok=True)
        return sorted(entries, key=lambda e: e.get("began", ""))
