"""Batch 3 (facts/batch3/infrastructure.csv): one module per group of Länder, found automatically.

A module here (not `_private`, not `api`) exports LANDS (Länder it maps: all their rows, no others), ROWS
{row number: row spec} and optionally BODIES {(city, name): body(...)} and ALIASES {(city, name as in the row):
name of an existing node}. Row n is `batch3-infrastructure-{n:03d}` (1-based data row). No shared file is edited.
A large Land may be shared: each module then also exports CITIES (the short city names it maps, all their rows).
A Land without a module is *pending*: the build prints the count, README counts it, its tests are xfail(strict).
At the final merge set COMPLETE = True below: then a pending row fails the build and the tests.

Clauses: the value is cut at every ";" outside brackets and before a top-level ", later …" / ", earlier …".
Brackets never cut: "(2014)", "(city page)", "(undated page)" belong to their clause. Every clause gets exactly
one disposition, else the build stops: keep(k, *facts) | note(k[, text][, about=name]) | out(k, reason).
`one(*facts)` = a one-clause row kept; `noted()` = a one-clause row noted; `left_out(reason)` = whole row.
row(..., actor=, actor_type=, planned=True, conflicts=(m,)) overrides the actor / links ikg:conflictsWith.

Facts (api.py; dates: "2016", "2016-03", "2016-03-01" or a SourceDate): established(when, decided_by=
"Ratsversammlung", predecessor=) · members_count(total, *(seats, selection-method), when=, unit=, qualifier=)
(total None with groups: their sum, marked as derived) · election(when, eligible=, turnout="20.67", seats=,
candidates=, mode=) and e.more(...) for its other clauses · chair(name, when,
role=) · head(name, when) · office_holder(name, when, title=) · adopted(when, by="Stadtrat") · constituted(when) ·
legal_basis(text) · term(years) · title(text) · valid(start, end) · predecessor/successor(name, when, kind=) ·
renamed(old_name, when) · located_in(unit name) · publication(name, when, publisher=) · dated(when) ·
replaces(plan name) · drafted_by(name, actor_type=) · votes_cast(e, n) · list_result(e, name, share=, seats=) ·
unit_kind(kind, words=) · election_node(e, c): the node of an election (made now, or made by another row) ·
on(other actor, *facts) · rest(text): the part of a kept clause the model cannot hold, as a marked note ·
classifies(): the clause states composition/function, given in BODIES citing the row. Dates: inferred_year(y)
for "(2014)", season("autumn 2009") (also early/spring/summer/late/end of), model.undated() for "undated page".

Examples (SH rows are in schleswig_holstein.py; the others show typical rows elsewhere):
  431: one(adopted("2016-03", by="Ratsversammlung")),                # "March 2016 by the Ratsversammlung"
  169: one(members_count(50, when=inferred_year("2012"), unit="member-organisations", qualifier="approximately"),
           rest("almost 50 member organisations at its 10th anniversary")),   # "... (2012)": year inferred
  1:   one(members_count(25, (17, "elected-by-migrant-residents"), (8, "appointed-from-council"))),
  107: row(keep(1, e), keep(2, e.more(seats=18)), keep(3, e.more(turnout="20.67"), election("2014", turnout="19.8"))),
       # e = election("2020-09-13", eligible=48168); "2020-09-13: 48,168 eligible; 18 … elected; turnout 20.67% (2014: 19.8%)"
  229: row(keep(1, chair("Sükrü Budak", "2020")), keep(2, chair("Ziya Cakmak", inferred_year("2014"))),
           note(3)),                       # "later Hakan Severcan (city page)": another page says it -> note
  195: row(keep(1, members_count(160, qualifier="approximately")), out(2, "figure of another, older page"),
           keep(3, members_count(100, when=inferred_year("2017"), qualifier="more-than"))),
  52:  noted(),       # "decision scheduled 2001-11-29 (vote itself not seen)": scheduled/expected is no adoption
  BODIES = {("Lübeck", HL_FORUM): body("migrant-forum", "open-membership", "independent-representation", rows=[194])}

Rules. Never invent: a fact's every date, number and name must be in its clause (the test checks it), and what
a row does not say is "not recorded", never "none". Dates at the stated precision. A "(…)" that names another
source than the row's page ("(city page)", "(older page)", "(SPD politician's page)") makes its clause a note or
left out, never a fact. Party sites, aggregators and document copies stay citable, but keep their caveats
("party website", "document copy", "preliminary") in a rest()/note. Conflicts from the batch README: one
statement per row, conflicts=(other row,). Classify bodies (ontology/concepts.ttl): kind = the type its name
says (advisory-body-kind: integrationsrat, integrationsbeirat, migrationsbeirat, migrantenbeirat, migrationsrat,
auslaenderbeirat, integrations-und-auslaenderbeirat, beirat-fuer-migration-und-integration, zuwanderer-und-integrationsrat,
partizipationsbeirat, international-committee, international-advisory-board, auslaendervertretung, integration-committee,
migrant-forum, round-table, other-forum, other-advisory-board …); composition (body-composition: elected-only, appointed-only, elected-and-council,
appointed-and-council, council-and-experts, council-only, open-membership) and function (body-function:
advisory, council-committee, independent-representation) only as the cited rows state them, else leave None.
Notes are English; German names stay as the row writes them.

Run: /work/main/.venv/bin/python data/build/build.py (writes data/, the README counts and
data/sources/batch3-clauses.csv, the ledger of every clause), then
/work/main/.venv/bin/python -m pytest tests/data/test_accounting_batch3.py -q -p no:cacheprovider -rf
(or the whole tests/data). Your module's rows must pass, not xfail; commit the module and the regenerated data.
"""

from __future__ import annotations

import csv
import importlib
import pkgutil
from pathlib import Path
from types import ModuleType

from builder import Builder
from mapping.batch3._engine import run
from mapping.infrastructure.actors import Infra

# Set to True at the final merge: from then on a batch-3 row of a Land without a module fails the build.
COMPLETE = True


def modules() -> list[ModuleType]:
    """Every module of this package that is not private (`_name`) and not the API, by name."""
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_") or info.name == "api":
            continue
        mod = importlib.import_module(f"{__name__}.{info.name}")
        if not hasattr(mod, "ROWS") or not hasattr(mod, "LANDS"):
            raise SystemExit(f"{mod.__name__}: a batch-3 module exports LANDS and ROWS")
        found.append(mod)
    return found


def map_rows(b: Builder, x: Infra) -> None:
    b.clauses = run(b, x, modules())
    if COMPLETE and b.pending:
        raise SystemExit(f"batch 3 is marked complete, but {len(b.pending)} rows have no module: "
                         f"{sorted(set(b.pending.values()))}")


def write_ledger(b: Builder, path: Path) -> None:
    """data/sources/batch3-clauses.csv: every clause of every batch-3 row and what became of it."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["row_id", "clause", "disposition", "text", "detail"])
        for c in b.clauses:
            writer.writerow([c.row_id, c.number, c.disposition, c.text, c.detail])
