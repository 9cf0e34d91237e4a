"""Applies the modules' ROWS and BODIES to batch3/infrastructure.csv and keeps the ledger of clauses."""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from rdflib import URIRef

import model
from builder import Builder, FileGraph
from mapping.batch3 import _cities, _clauses
from mapping.batch3.api import NOTE_PREFIX, Body, Ctx, Keep, LeftOut, Note, Out, Row
from mapping.infrastructure.actors import Infra, canonical
from mapping.registry import CITY, REG
from sources import SourceRow
from rdflib.namespace import SKOS

from vocab import IKG, concept, de

FILE = "facts/batch3/infrastructure.csv"


@dataclass(frozen=True)
class Clause:
    """One clause of a batch-3 row and what became of it (the ledger behind the README and the test)."""
    row_id: str
    number: int
    text: str
    disposition: str  # kept | noted | left out | row left out | pending
    detail: str       # the checks of a kept clause, the note, or the reason


def batch3_rows(b: Builder) -> list[SourceRow]:
    return [r for r in b.rows.values() if r.file == FILE]


def claims(modules: list[ModuleType]) -> dict[str, ModuleType]:
    """Unit -> the module that maps its rows; a unit claimed twice is an error. A unit is a Land, or
    "Land: city" for a module that declares CITIES (a large Land shared by several modules)."""
    owner: dict[str, ModuleType] = {}
    for mod in modules:
        cities = getattr(mod, "CITIES", ())
        units = [f"{land}: {city}" for land in mod.LANDS for city in cities] if cities else list(mod.LANDS)
        for unit in units:
            if unit in owner:
                raise SystemExit(f"batch 3: {unit} is claimed by {owner[unit].__name__} and {mod.__name__}")
            owner[unit] = mod
    whole = {u for u in owner if ": " not in u}
    split = {u.split(": ")[0] for u in owner if ": " in u}
    if whole & split:
        raise SystemExit(f"batch 3: {sorted(whole & split)} claimed whole by one module and by cities by another")
    return owner


def unit_of(owner: dict[str, ModuleType], land: str, city: str) -> str:
    return f"{land}: {city}" if f"{land}: {city}" in owner else land


def run(b: Builder, x: Infra, modules: list[ModuleType]) -> list[Clause]:
    rows = batch3_rows(b)
    for name in {r.fields["municipality"] for r in rows}:
        CITY.setdefault(name, _cities.resolve(b.rows, name)[0])  # the actors' module keys cities by short name
    owner = claims(modules)
    land_of = {r.number: _cities.resolve(b.rows, r.fields["municipality"])[1] for r in rows}
    unit = {r.number: unit_of(owner, land_of[r.number], r.fields["municipality"]) for r in rows}
    _check_coverage(rows, owner, unit)
    aliases = {k: v for mod in modules for k, v in getattr(mod, "ALIASES", {}).items()}
    first_batch = {r.fields["municipality"] for r in b.rows.values() if r.file == "facts/infrastructure.csv"}
    ledger: list[Clause] = []
    made: dict[int, Ctx] = {}
    for r in rows:
        land = land_of[r.number]
        spec = owner[unit[r.number]].ROWS.get(r.number) if unit[r.number] in owner else None
        if spec is None:  # no module for the Land yet (a claimed Land's rows are all mapped: _check_coverage)
            b.pending[r.row_id] = land
            ledger.append(Clause(r.row_id, 0, r.fields["value"], "pending", land))
            continue
        if isinstance(spec, LeftOut):
            b.leave_out(r.row_id, spec.reason)
            ledger.append(Clause(r.row_id, 0, r.fields["value"], "row left out", spec.reason))
            continue
        f = _file(b, x, r.fields["municipality"], land, first_batch)
        made[r.number] = _map_row(x, f, r, spec, aliases, ledger)
    _conflicts(owner, made)
    classified: set[tuple[URIRef, int]] = set()
    for mod in modules:
        for (city, name), spec in getattr(mod, "BODIES", {}).items():
            node = _classify(b, x, city, aliases.get((city, name), name), spec, first_batch, land_of)
            classified |= {(node, n) for n in spec.rows}
    for n, c in made.items():
        if c.classified and (c.node, n) not in classified:
            raise SystemExit(f"{c.row.row_id}: a clause classifies() the body, but no BODIES entry cites row {n}")
    return ledger


def _check_coverage(rows: list[SourceRow], owner: dict[str, ModuleType], unit: dict[int, str]) -> None:
    for name, mod in owner.items():
        mine = {r.number for r in rows if unit[r.number] == name}
        keys = {n for n in mod.ROWS if unit.get(n) == name}
        if mine - keys:
            raise SystemExit(f"batch 3: {mod.__name__} claims {name} but has no entry for rows {sorted(mine - keys)}")
    for mod in set(owner.values()):
        stray = {n for n in mod.ROWS if owner.get(unit.get(n)) is not mod}
        if stray:
            raise SystemExit(f"batch 3: {mod.__name__} maps rows {sorted(stray)} outside its LANDS/CITIES")


def _file(b: Builder, x: Infra, city: str, land: str, first_batch: set[str]) -> FileGraph:
    """A city the first batches cover keeps one file; a batch-3-only city goes into its Land's file."""
    if city in first_batch:
        return x.file(city)
    return b.file(_cities.land_stem(land), f"{land}: integration infrastructure of the cities only batch 3 covers")


def _actor(x: Infra, f: FileGraph, r: SourceRow, spec: Row, aliases: dict) -> URIRef:
    city = r.fields["municipality"]
    name = spec.actor or aliases.get((city, r.fields["name"]), r.fields["name"])
    if spec.planned:
        return x.planned(f, city, name)
    if spec.actor_type == "administration":  # a row about the city's administration as a whole
        return REG.admin(f, CITY[city])
    node = x.actor(f, city, spec.actor_type or r.fields["actor_type"], name)
    if node is None:
        raise SystemExit(f"{r.row_id}: no actor for {name!r}; set actor_type= in its row()")
    if name != r.fields["name"]:  # the name as this row states it stays on the shared node
        f.add(node, SKOS.altLabel, de(r.fields["name"]))
    return node


def _map_row(x: Infra, f: FileGraph, r: SourceRow, spec: Row, aliases: dict, ledger: list[Clause]) -> Ctx:
    clauses = _clauses.split(r.fields["value"])
    numbers = [p.clause for p in spec.parts]
    if sorted(numbers) != list(range(1, len(clauses) + 1)):
        raise SystemExit(f"{r.row_id}: dispositions for clauses {sorted(numbers)}, but the value has "
                         f"{len(clauses)} clause(s): {clauses}")
    city = r.fields["municipality"]
    with f.row(r.row_id):
        node = _actor(x, f, r, spec, aliases)
        c = Ctx(x, f, node, r, city, CITY[city])
        for part in sorted(spec.parts, key=lambda p: p.clause):
            text = clauses[part.clause - 1]
            if isinstance(part, Keep):
                if not part.facts:
                    raise SystemExit(f"{r.row_id}: clause {part.clause} kept without a fact; note() or out() it")
                for fact in part.facts:
                    fact(c)
                checks = [ch for fact in part.facts for ch in getattr(fact, "checks", ())]
                if all(kind == "note" for kind, _ in checks):
                    raise SystemExit(f"{r.row_id}: clause {part.clause} is kept with notes only; note() it instead")
                ledger.append(Clause(r.row_id, part.clause, text, "kept", _checks_text(checks)))
            elif isinstance(part, Note):
                shown = NOTE_PREFIX + (part.text or text)
                model.note(f, x.actor(f, city, r.fields["actor_type"], part.about) if part.about else node, shown)
                ledger.append(Clause(r.row_id, part.clause, text, "noted", shown))
            elif isinstance(part, Out):
                if not part.reason.strip():
                    raise SystemExit(f"{r.row_id}: clause {part.clause} left out without a reason")
                ledger.append(Clause(r.row_id, part.clause, text, "left out", part.reason))
    return c


def _checks_text(checks) -> str:
    return " || ".join(f"{kind}={value}" for kind, value in checks)


def _conflicts(owner, made: dict[int, Ctx]) -> None:
    """ikg:conflictsWith between the first statement node of each of two conflicting rows."""
    for mod in set(owner.values()):
        for n, spec in mod.ROWS.items():
            for other in getattr(spec, "conflicts", ()):
                a, b = made.get(n), made.get(other)
                if a is None or b is None or not a.made or not b.made:
                    raise SystemExit(f"batch 3: conflict {n} <-> {other}: both rows need a statement node")
                with a.f.row_only(a.row.row_id, b.row.row_id):
                    a.f.add(a.made[0], IKG.conflictsWith, b.made[0])


def _classify(b: Builder, x: Infra, city: str, name: str, spec: Body, first_batch, land_of) -> URIRef:
    """The body's kind, composition and function, attributed to the rows that state them."""
    node = x.nodes.get((city, canonical(name)))
    if node is None:
        raise SystemExit(f"batch 3: BODIES names {(city, name)}, which no row made")
    f = _file(b, x, city, land_of[spec.rows[0]], first_batch)
    kind = concept("advisory-body-kind", spec.kind)
    for old in {o for fg in b.files.values() for (s, p, o) in fg.triples if s == node and p == IKG.advisoryBodyKind}:
        if old != kind:  # the kind read from the name gives way to the one the rows state
            for fg in b.files.values():
                fg.remove(node, IKG.advisoryBodyKind, old)
    cited = tuple(f"batch3-infrastructure-{n:03d}" for n in spec.rows)
    with f.row_only(*cited):
        f.add(node, IKG.advisoryBodyKind, kind)
        if spec.composition:
            f.add(node, IKG.bodyComposition, concept("body-composition", spec.composition))
        if spec.function:
            f.add(node, IKG.bodyFunction, concept("body-function", spec.function))
    return node
