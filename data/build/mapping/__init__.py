"""What each source row states, unit by unit; `map_all` runs every unit in a fixed order."""

from __future__ import annotations

from builder import Builder

from mapping import municipalities


def map_all(builder: Builder) -> None:
    municipalities.map_rows(builder)
