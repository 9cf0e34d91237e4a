"""What each source row states, unit by unit; `map_all` runs every unit in a fixed order."""

from __future__ import annotations

from builder import Builder

from mapping import batch3, dresden, infrastructure, municipalities, organisations, projects, seed


def map_all(builder: Builder) -> None:
    municipalities.map_rows(builder)
    organisations.map_rows(builder)
    dresden.map_rows(builder)
    actors = infrastructure.map_rows(builder)
    batch3.map_rows(builder, actors)
    projects.map_rows(builder)
    seed.map_rows(builder)
