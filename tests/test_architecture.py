"""The package's shape: no import cycles between kg's modules.

A cycle makes the order in which modules are first imported decide whether the program starts
(a half-initialised module hands out names it does not have yet), and it ties layers together
that the design keeps apart (see DESIGN.md: files -> rdfio -> validation -> store; web on top).
Imports inside functions count too: they run later, but they still make the two modules one
unit, and moving an import into a function is the usual way a cycle gets hidden.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "kg"


def module_names(package: Path = PACKAGE) -> dict[str, Path]:
    """Every module of the package by its dotted name (a package by its own name)."""
    names = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _is_type_checking_block(node: ast.AST) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
        or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"))


def _imports(tree: ast.AST):
    """Import statements anywhere (module level, functions, classes), except under
    `if TYPE_CHECKING:`, which never runs and exists to name a type without importing it."""
    for node in ast.iter_child_nodes(tree):
        if _is_type_checking_block(node):
            yield from (n for child in node.orelse for n in _imports_of(child))
            continue
        yield from _imports_of(node)


def _imports_of(node: ast.AST):
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        yield node
    else:
        yield from _imports(node)


def _concrete(name: str, modules: dict[str, Path]) -> str | None:
    """The module that `name` is, or the nearest enclosing one (`kg.x.attr` -> `kg.x`)."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def imported_modules(name: str, path: Path, modules: dict[str, Path],
                     tree: ast.AST | None = None) -> set[str]:
    """The kg modules that module `name` imports (in `tree`, by default the whole module), each
    resolved to the concrete module: `from kg.a import b` is an edge to kg.a.b when b is a
    submodule, else to kg.a. An edge to a module does not add one to its parent packages'
    __init__ (Python runs those too, but a package importing its submodules would then always
    look like a cycle)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    if tree is None:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: set[str] = set()
    for node in _imports(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                       for alias in node.names]
        for target in targets:
            if target == "kg" or target.startswith("kg."):
                resolved = _concrete(target, modules)
                if resolved is not None and resolved != name:
                    found.add(resolved)
    return found


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    modules = module_names(package)
    return {name: imported_modules(name, path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected component of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [_one_cycle(graph, set(c)) for c in components]


def _one_cycle(graph: dict[str, set[str]], component: set[str]) -> list[str]:
    """A shortest way round the component from its first module, to show in the failure."""
    start = min(component)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in sorted(graph[node] & component):
                if nxt == start:
                    return paths[node] + [start]
                if nxt not in paths:
                    paths[nxt] = paths[node] + [nxt]
                    following.append(nxt)
        frontier = following
    return sorted(component)


def test_the_package_has_no_import_cycle():
    found = cycles(import_graph())
    assert not found, "Import cycles between kg modules:\n" + "\n".join(
        "  " + " -> ".join(cycle) for cycle in found)


def package_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """The same imports between kg's parts: each subpackage (kg.web, kg.validation, …) as one
    node, each top-level module as itself."""
    def part(module: str) -> str:
        return ".".join(module.split(".")[:2])
    parts: dict[str, set[str]] = {}
    for module, targets in graph.items():
        parts.setdefault(part(module), set()).update(
            part(t) for t in targets if part(t) != part(module))
    return parts


def test_no_two_parts_of_the_package_import_each_other():
    """A subpackage is one layer (DESIGN.md); two that need each other are one tangle, even when
    the modules involved do not form a cycle themselves (validation.inputs -> csv_templates ->
    validation.engine was one)."""
    found = cycles(package_graph(import_graph()))
    assert not found, "Import cycles between parts of kg:\n" + "\n".join(
        "  " + " -> ".join(cycle) for cycle in found)


def test_the_check_sees_a_cycle_hidden_in_a_function(tmp_path):
    package = tmp_path / "kg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("from kg.sub import a, b\n")
    (package / "sub" / "a.py").write_text("from kg.sub.b import thing\n")
    (package / "sub" / "b.py").write_text("thing = 1\n\ndef later():\n    from . import a\n")
    (package / "c.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                  "    from kg import d\n")
    (package / "d.py").write_text("from kg import c\n")
    assert cycles(import_graph(package)) == [["kg.sub.a", "kg.sub.b", "kg.sub.a"]]


def test_a_package_importing_its_submodules_is_no_cycle(tmp_path):
    package = tmp_path / "kg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("from kg.sub.a import x\nfrom kg.sub.b import y\n")
    (package / "sub" / "a.py").write_text("from kg.sub.b import y\nx = y\n")
    (package / "sub" / "b.py").write_text("y = 1\n")
    graph = import_graph(package)
    assert graph["kg.sub"] == {"kg.sub.a", "kg.sub.b"} and graph["kg.sub.a"] == {"kg.sub.b"}
    assert cycles(graph) == []


def test_two_subpackages_that_import_each_other_are_a_cycle_of_parts(tmp_path):
    package = tmp_path / "kg"
    for sub in ("one", "two"):
        (package / sub).mkdir(parents=True)
        (package / sub / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "one" / "a.py").write_text("from kg.two.b import y\nx = 1\n")
    (package / "two" / "b.py").write_text("y = 1\n")
    (package / "two" / "c.py").write_text("from kg.one.a import x\n")
    assert cycles(import_graph(package)) == []
    assert cycles(package_graph(import_graph(package))) == [["kg.one", "kg.two", "kg.one"]]


# Imports of kg modules inside functions that stay, each for the reason given (said at the
# import too). Any other belongs at the top of its module, where it shows what depends on what.
DEFERRED_IMPORTS = {
    ("kg.cli", "kg.serving"): "only `kg serve` needs the web app; Flask, Jinja and waitress "
                              "would slow every other command's start",
    ("kg.querying.worker", "kg.validation.package"): "pyshacl and rdflib take a second to "
                                                     "import, and most query workers never "
                                                     "validate",
}


def deferred_imports(package: Path = PACKAGE) -> set[tuple[str, str]]:
    """(module, kg module it imports) for every import of a kg module inside a function."""
    modules = module_names(package)
    found = set()
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                body = ast.Module(body=node.body, type_ignores=[])
                found |= {(name, target) for target in imported_modules(name, path, modules, body)}
    return found


def test_imports_inside_functions_are_only_the_known_deferred_ones():
    found = deferred_imports()
    assert found == set(DEFERRED_IMPORTS), (
        f"Imports of kg modules inside functions: unexpected {sorted(found - set(DEFERRED_IMPORTS))}"
        f", no longer there {sorted(set(DEFERRED_IMPORTS) - found)}.")


def test_the_check_finds_an_import_inside_a_function(tmp_path):
    package = tmp_path / "kg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("import json\n\ndef f():\n    from kg import b\n    return b\n")
    (package / "b.py").write_text("class C:\n    def m(self):\n        from . import a\n")
    assert deferred_imports(package) == {("kg.a", "kg.b"), ("kg.b", "kg.a")}
