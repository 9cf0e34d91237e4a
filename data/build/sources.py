"""The fact files and the seed report as citable source rows, each with a stable identifier.

A row's identifier is `{file stem}-{NNN}`: the stem of its fact file and its 1-based position
among the data rows (the header is not counted). The fact files are copied unchanged from the
compiled fact base, so positions do not move; `data/sources/rows.csv` pins each identifier to a
checksum of the row's text, and the tests fail if a file changes under an identifier.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

SOURCES_DIR = Path(__file__).resolve().parent.parent / "sources"
FACTS_DIR = SOURCES_DIR / "facts"
SEED_FILE = SOURCES_DIR / "seed" / "000_ef7cfff06aff2f5f.txt"
FACT_FILES = ("municipalities", "infrastructure", "organisations", "projects_events",
              "batch3/municipalities", "batch3/infrastructure")

# The seed report is published on the project's website; this URL is how the fact files cite it.
SEED_URL = (
    "https://gleich-teilhaben.de/integration-gemeinsam-gestalten-kommunale-verantwortung-"
    "und-migrantische-perspektiven-im-dialog"
)
SEED_ROW_ID = "seed-000"
# The date the fact files (and the seed) were read for this dataset.
READ_DATE = "2026-11-25"


@dataclass(frozen=True)
class SourceRow:
    """One data row of a fact file, or the seed report as a whole."""

    row_id: str
    file: str  # path relative to data/sources/
    number: int  # 1-based data row; 0 for the seed
    fields: dict[str, str]
    urls: tuple[str, ...]

    @property
    def text(self) -> str:
        """The row's values joined by ' | ', in column order: what a reader sees in the file."""
        return " | ".join(self.fields.values())

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def row_id(stem: str, number: int) -> str:
    """'batch3/municipalities', 7 -> 'batch3-municipalities-007': a later batch's folder prefixes the stem, so
    the first batches' identifiers stay as they were."""
    return f"{stem.replace('/', '-')}-{number:03d}"


def read_fact_file(stem: str) -> list[SourceRow]:
    path = FACTS_DIR / f"{stem}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))
    rows = []
    for number, record in enumerate(records, start=1):
        url_field = record.get("source_url") or record.get("sources") or ""
        rows.append(
            SourceRow(
                row_id=row_id(stem, number),
                file=f"facts/{stem}.csv",
                number=number,
                fields=dict(record),
                urls=tuple(url_field.split()),
            )
        )
    return rows


def seed_row() -> SourceRow:
    text = SEED_FILE.read_text(encoding="utf-8")
    return SourceRow(
        row_id=SEED_ROW_ID,
        file=f"seed/{SEED_FILE.name}",
        number=0,
        fields={"text": text},
        urls=(SEED_URL,),
    )


def read_all() -> dict[str, SourceRow]:
    """Every source row by identifier, fact files first, in file order, then the seed."""
    rows: dict[str, SourceRow] = {}
    for stem in FACT_FILES:
        for row in read_fact_file(stem):
            rows[row.row_id] = row
    seed = seed_row()
    rows[seed.row_id] = seed
    return rows


def write_manifest(rows: dict[str, SourceRow], path: Path) -> None:
    """`rows.csv`: row_id, file, row number, sha256 of the row text."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["row_id", "file", "row", "sha256"])
        for row in rows.values():
            writer.writerow([row.row_id, row.file, row.number, row.checksum])
