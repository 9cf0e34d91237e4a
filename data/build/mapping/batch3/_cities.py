"""The short city names of batch3/infrastructure.csv -> one municipality (AGS) and its Land, from the
municipality rows of all batches ('Halle (Saale), Stadt' -> 'Halle (Saale)')."""

from __future__ import annotations

from sources import SourceRow
from vocab import slug

MUNICIPALITY_FILES = ("facts/municipalities.csv", "facts/batch3/municipalities.csv")
# Short names that are not the part of the official name before its first comma (none needed so far).
ALIASES: dict[str, str] = {}


def short_name(official: str) -> str:
    return official.split(",")[0].strip()


def _table(rows: list[SourceRow]) -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for row in rows:
        name = short_name(row.fields["name"])
        if name in table:
            raise SystemExit(f"two municipality rows share the short name {name!r}")
        table[name] = (row.fields["ags"], row.fields["state"])
    return table


def city_table(rows: dict[str, SourceRow]) -> dict[str, tuple[str, str]]:
    """short name -> (AGS, Land), over every batch's municipality rows."""
    return _table([r for r in rows.values() if r.file in MUNICIPALITY_FILES])


def resolve(rows: dict[str, SourceRow], city: str) -> tuple[str, str]:
    """(AGS, Land) of the city a batch-3 infrastructure row names; fails on an unknown name."""
    table = city_table(rows)
    name = ALIASES.get(city, city)
    if name not in table:
        raise SystemExit(f"batch 3: city {city!r} matches no municipality row")
    return table[name]


def land_stem(land: str) -> str:
    """The file (and named graph) of a Land's batch-3-only cities: 'infrastructure-schleswig-holstein'."""
    return f"infrastructure-{slug(land)}"
