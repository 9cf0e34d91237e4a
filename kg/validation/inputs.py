"""Turning what a steward sends (bytes, a file name, a media type) into a Submission.

The format comes from an explicit choice, else the media type, else the file ending; CSV goes
through the templates of kg.csv_templates, everything else through kg.rdfio's safe parsers.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from kg import rdfio
from kg.csv_templates import read_csv
from kg.errors import UnsupportedMediaType
from kg.parsed_input import Submission
from kg.validation.lines import LineIndex

CSV = "csv"
CSV_MEDIA_TYPES = ("text/csv", "application/csv")
# Media types that say nothing about the content: fall back to the file name.
GENERIC_MEDIA_TYPES = ("", "application/octet-stream", "multipart/form-data",
                       "application/x-www-form-urlencoded")


def known_formats() -> list[str]:
    return [f.name for f in rdfio.RDF_FORMATS] + [CSV]


def detect_format(*, explicit: str | None = None, content_type: str | None = None,
                  filename: str | None = None) -> str:
    """A short format name (`turtle`, …, `csv`), or UnsupportedMediaType (415)."""
    if explicit:
        return _by_name_or_type(explicit)
    media = (content_type or "").split(";")[0].strip().lower()
    if media not in GENERIC_MEDIA_TYPES:
        return _by_name_or_type(media)
    if filename:
        if PurePath(filename).suffix.lower() == ".csv":
            return CSV
        return rdfio.rdf_format_for_file(filename).name
    known = ", ".join(known_formats())
    raise UnsupportedMediaType(messages={
        "en": "Cannot tell the format: give a Content-Type (e.g. text/turtle, text/csv), a file "
              f"name with its ending, or format= one of {known}.",
        "de": "Das Format ist nicht zu erkennen: geben Sie einen Content-Type (z. B. text/turtle, "
              f"text/csv), einen Dateinamen mit Endung oder format= eines von {known} an."})


def _by_name_or_type(value: str) -> str:
    key = value.split(";")[0].strip().lower()
    if key == CSV or key in CSV_MEDIA_TYPES:
        return CSV
    return rdfio.rdf_format(key).name


def read_input(data: bytes, fmt: str, *, source: str, max_bytes: int,
               template: str | None = None) -> Submission:
    rdfio.check_size(data, source, max_bytes)  # CSV and RDF alike
    if fmt == CSV:
        return read_csv(data, source=source, template=template)
    info = rdfio.rdf_format(fmt)
    quads = rdfio.parse(data, info, source=source)
    text = data.decode("utf-8", errors="replace")
    # Graph names do not matter for validation: a dataset is judged as the union of its graphs.
    triples = list(dict.fromkeys(q.triple for q in quads))
    return Submission(triples, source, LineIndex(text, info.name, declared_prefixes(text)))


# Only blanks within the line before the keyword, and no whitespace inside the IRI (Turtle allows
# none there): with `^\s*`, every line start rescanned all the blank lines after it, so 100 KB of
# empty lines took 43 s, holding the GIL; `<[^>]*` scanned to the end of the text for every `<`
# left open, e.g. in a long string. Each character is now looked at a bounded number of times.
_PREFIX = re.compile(r"^[^\S\n]*(?:@prefix|PREFIX)\s+([\w\-.]*):\s*<([^>\s]*)>",
                     re.MULTILINE | re.IGNORECASE)


def declared_prefixes(text: str) -> dict[str, str]:
    """The prefixes a Turtle or TriG text declares (for finding prefix:local subjects)."""
    return {m.group(1): m.group(2) for m in _PREFIX.finditer(text)}
