"""One SHACL entry point: only kg.validation.engine imports a SHACL engine (and the batch engine
it runs, kg.validation.batch, borrows pyshacl's literal comparison). The package's callers
and the tests (shape examples, shipped data, engine comparison) go through kg.validation, so
what they check is what stewards get: the same engine options and the same severities."""

from __future__ import annotations

import ast

from support import ROOT

ENGINES = {"pyshacl", "pyshacl_turbo"}
ENTRY_POINT = ROOT / "kg" / "validation" / "engine.py"
BATCH = ROOT / "kg" / "validation" / "batch.py"


def engine_imports(path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                 else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
        found += [f"{path.relative_to(ROOT)}:{node.lineno} imports {n}"
                  for n in names if n.split(".")[0] in ENGINES]
    return found


def test_only_the_engine_module_imports_a_shacl_engine():
    files = sorted([*(ROOT / "kg").rglob("*.py"), *(ROOT / "tests").rglob("*.py")])
    assert [hit for path in files if path not in (ENTRY_POINT, BATCH)
            for hit in engine_imports(path)] == []
    assert engine_imports(ENTRY_POINT)  # the scan does see imports
    assert engine_imports(BATCH) == [f"{BATCH.relative_to(ROOT)}:{hit.split(':')[1].split()[0]} "
                                     "imports pyshacl.rdfutil.compare" for hit in engine_imports(BATCH)]
