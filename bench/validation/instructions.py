"""Validation benchmark in instructions: the national benchmark submission (bench.validation.run)
counted by valgrind's cachegrind, which is deterministic where wall time is not.

On the shared development machine the same validation took 0.28–0.55 s of its thread's CPU time
from one run to the next (bench/results/validation.md): a change of 10 % is not seen in medians of
15 runs. The number of instructions a validation executes does not move with the machine. Each
path runs in a child process under `valgrind --tool=cachegrind --cache-sim=no`, once with one
validation and once with three; half the difference is one validation's instructions, without
the start (imports, the shapes compiled, the store opened), which is reported on its own.

Paths: the default (batch, context by what the checks read) and the batch engine with the whole
context (every triple of each referenced thing); with --baseline DIR also the default of
another checkout of the project (e.g. `git worktree add DIR <commit>`), run from there.

Needs valgrind and the store of an earlier `bench.validation.run --store DIR`. Writes
bench/results/validation-instructions.md. Usage:
  .venv/bin/python -m bench.validation.instructions --store DIR [--baseline DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def child(root: Path, store: Path, validations: int, walk: bool, ids: Path) -> None:
    """In the child: set up as a query worker does, then validate `validations` times, with the
    code of the checkout at `root`."""
    sys.path.insert(0, str(root))
    from bench.validation import synthetic
    from kg.parsed_input import Submission
    from kg.store import EmbeddedStore
    from kg.validation import Validator, load_bundle
    from kg.validation.lines import NoLines

    bundle = load_bundle(root)
    opened = EmbeddedStore.open_read_only(store)
    organisations, cited = json.loads(ids.read_text())
    submission = Submission(synthetic.submission(10_000, organisations, cited_in=cited),
                            "synthetic", NoLines())
    validator = Validator(bundle, opened)
    if hasattr(validator, "walk"):  # a baseline checkout may have no walk
        validator.walk = walk
    for _ in range(validations):
        validator.validate(submission, "en")
    opened.close()


def counted(root: Path, store: Path, validations: int, walk: bool, ids: Path) -> int:
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
               sys.executable, str(Path(__file__).resolve()), "--child", str(validations),
               "--root", str(root), "--store", str(store), "--ids", str(ids)]
    command += [] if walk else ["--whole"]
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=True)
    return int(_REFS.search(done.stderr).group(1).replace(",", ""))


def measure(name: str, root: Path, store: Path, walk: bool, ids: Path) -> dict:
    with ThreadPoolExecutor(max_workers=2) as both:  # the counts do not depend on the load
        one, three = both.map(lambda n: counted(root, store, n, walk, ids), (1, 3))
    return {"name": name, "start": one - (three - one) // 2, "each": (three - one) // 2}


def run(store: Path, baseline: Path | None) -> str:
    from bench.validation.run import commit, organisations_and_citations
    from kg.store import EmbeddedStore

    with tempfile.TemporaryDirectory() as tmp:
        ids = Path(tmp) / "ids.json"
        opened = EmbeddedStore.open_read_only(store)
        ids.write_text(json.dumps(organisations_and_citations(opened)))
        opened.close()
        rows = [measure("batch (default)", ROOT, store, True, ids),
                measure("batch, the whole context", ROOT, store, False, ids)]
        if baseline is not None:
            rows.append(measure(f"the default of {_commit_of(baseline)}", baseline, store, True, ids))
    base = rows[0]["each"]
    lines = [
        "# Validation benchmark in instructions", "",
        f"{time.strftime('%Y-%m-%d %H:%M %Z')}, commit {commit()}. The national benchmark "
        "submission (10,008 triples against the scale-1 graph, as in validation.md), counted by "
        "valgrind's cachegrind: one validation's instructions are half the difference between "
        "a child with three validations and one with one. "
        "`python -m bench.validation.instructions`.", "",
        "| path | instructions per validation | × default | start (imports, shapes, store) |",
        "| --- | ---: | ---: | ---: |",
        *(f"| {r['name']} | {r['each'] / 1e6:,.0f} M | {r['each'] / base:.2f} | "
          f"{r['start'] / 1e6:,.0f} M |" for r in rows), "",
    ]
    return "\n".join(lines)


def _commit_of(root: Path) -> str:
    try:
        return subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return str(root)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", required=True, help="the store of bench.validation.run --store")
    parser.add_argument("--baseline", help="another checkout of the project to count as well")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--ids", help=argparse.SUPPRESS)
    parser.add_argument("--whole", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--root", help=argparse.SUPPRESS)
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "validation-instructions.md"))
    args = parser.parse_args()
    if args.child is not None:
        child(Path(args.root), Path(args.store), args.child, not args.whole, Path(args.ids))
        return
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is needed: apt-get install valgrind")
    text = run(Path(args.store), Path(args.baseline) if args.baseline else None)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
