"""Validating files on disk, as `kg validate FILE…` does: each file read in its format (told by
its ending or given), judged against the shapes, one report per file."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kg.errors import NotFound
from kg.validation.engine import Validator
from kg.validation.inputs import detect_format, read_input
from kg.validation.model import Report


def validate_files(validator: Validator, names: Iterable[str], lang: str, *, max_bytes: int,
                   input_format: str | None = None, template: str | None = None) -> list[Report]:
    reports = []
    for name in names:
        path = Path(name)
        if not path.is_file():
            raise NotFound(messages={"en": f"{name}: no such file.",
                                     "de": f"{name}: keine solche Datei."})
        fmt = detect_format(explicit=input_format, filename=name)
        submission = read_input(path.read_bytes(), fmt, source=name, max_bytes=max_bytes,
                                template=template)
        reports.append(validator.validate(submission, lang))
    return reports
