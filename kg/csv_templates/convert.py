"""CSV by templates: one template per main kind of record, each mapped to RDF by a CSVW metadata
file in kg/csv_templates/ (the declared mapping; the downloadable CSV is made from it).

Why our own reader of CSVW metadata and not a library: the `csvw` package (4.x) reads and
type-checks CSVW tables but converts only to JSON, not RDF, pulls in 14 packages, and follows
links to metadata and dialect files over the network; morph-kgc needs RML mappings and pandas and
reports problems per mapping, not per cell. Stewards need "row 7, column founded: …". So the
mapping stays standard CSVW (aboutUrl, propertyUrl, valueUrl, datatype, lang, separator, required,
virtual and suppressOutput columns) and this module implements that part of CSV-to-RDF, plus two
datatypes of our own (declared in each metadata file): `csv:date`, a date at the precision the
source gives (YYYY, YYYY-MM or YYYY-MM-DD) that becomes a time:Instant with earliest/latest
bounds, and `csv:periodStart`/`csv:periodEnd`, the two ends of one time:Interval.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pyoxigraph as ox

from kg.csv_templates.values import CellError, expand, literal, stated_date
from kg.errors import NotFound, ParseError
from kg.i18n import best_text
from kg.parsed_input import RowIndex, Submission

FOLDER = Path(__file__).resolve().parent
CSV_NS = "https://w3id.org/integration-kg/csv#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
MAX_ERRORS = 50


@dataclass(frozen=True)
class Template:
    name: str
    metadata: dict

    def title(self, lang: str) -> str:
        return best_text(self.metadata.get("dc:title", {}), lang) or self.name

    @cached_property
    def columns(self) -> list[dict]:
        return self.metadata["tableSchema"]["columns"]

    @cached_property
    def headers(self) -> list[str]:
        return [c["titles"] for c in self.columns if not c.get("virtual")]

    def description(self, lang: str) -> str:
        return best_text(self.metadata.get("dc:description", {}), lang) or ""

    def column_description(self, title: str, lang: str) -> str:
        for column in self.columns:
            if column.get("titles") == title:
                return best_text(column.get("dc:description", {}), lang) or ""
        return ""

    @cached_property
    def examples(self) -> list[list[str]]:
        """The example rows: a column's schema:example is one value, or a list of one per row
        (a template whose example refers to a second record of its own kind needs two)."""
        cells = [c.get("schema:example", "") for c in self.columns if not c.get("virtual")]
        count = max((len(v) for v in cells if isinstance(v, list)), default=1)
        return [[(v[i] if i < len(v) else "") if isinstance(v, list) else v for v in cells]
                for i in range(count)]

    def csv_text(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(self.headers)
        writer.writerows(self.examples)
        return out.getvalue()

    def metadata_text(self) -> str:
        return json.dumps(self.metadata, ensure_ascii=False, indent=2) + "\n"


def _load_templates() -> tuple[Template, ...]:
    found = []
    for path in sorted(FOLDER.glob("*.csv-metadata.json")):
        found.append(Template(path.name.removesuffix(".csv-metadata.json"),
                              json.loads(path.read_text(encoding="utf-8"))))
    return tuple(found)


TEMPLATES = _load_templates()


def template_by_name(name: str) -> Template:
    for template in TEMPLATES:
        if template.name == name:
            return template
    known = ", ".join(t.name for t in TEMPLATES)
    raise NotFound(messages={"en": f"No CSV template {name!r}; known: {known}.",
                             "de": f"Keine CSV-Vorlage {name!r}; vorhanden: {known}."})


def choose_template(header: list[str], name: str | None, source: str) -> Template:
    if name:
        return template_by_name(name)
    given = {h.strip() for h in header if h.strip()}
    for template in TEMPLATES:
        required = {c["titles"] for c in template.columns if c.get("required") and not c.get("virtual")}
        if required <= given and given <= set(template.headers):
            return template
    columns = ", ".join(sorted(given))
    raise ParseError(messages={
        "en": f"the header row matches no template; download one from /validate (columns: "
              f"{columns}).",
        "de": f"die Kopfzeile passt zu keiner Vorlage; laden Sie eine unter /validate herunter "
              f"(Spalten: {columns})."}, source=source, line=1)


def read_csv(data: bytes, *, source: str, template: str | None = None) -> Submission:
    """A Submission from CSV bytes; every cell error names its row (line) and column."""
    text = _decode(data, source)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        raise ParseError(messages={
            "en": "the file is empty; it needs a header row and one row per record.",
            "de": "die Datei ist leer; sie braucht eine Kopfzeile und eine Zeile je Datensatz."},
            source=source, line=1)
    chosen = choose_template(rows[0], template, source)
    triples, index = convert(chosen, rows, source)
    return Submission(triples, source, RowIndex(index))


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(messages={
            "en": f"not UTF-8 text (byte {exc.start}); save the CSV as UTF-8.",
            "de": f"kein UTF-8-Text (Byte {exc.start}); speichern Sie die CSV-Datei als UTF-8."},
            source=source) from None


def convert(template: Template, rows: list[list[str]], source: str
            ) -> tuple[list[ox.Triple], dict[str, int]]:
    header = [h.strip() for h in rows[0]]
    _check_header(template, header, source)
    triples: list[ox.Triple] = []
    index: dict[str, int] = {}
    errors: list[CellError] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)}
        cells["_row"] = str(number)
        row_triples, row_errors = convert_row(template, cells, number)
        errors.extend(row_errors)
        triples.extend(row_triples)
        for t in row_triples:
            if isinstance(t.subject, ox.NamedNode):
                index.setdefault(t.subject.value, number)
    if errors:
        raise _cell_errors(errors, header, source)
    return list(dict.fromkeys(triples)), index


def _check_header(template: Template, header: list[str], source: str) -> None:
    unknown = [h for h in header if h and h not in template.headers]
    missing = [c["titles"] for c in template.columns
               if c.get("required") and not c.get("virtual") and c["titles"] not in header]
    if unknown or missing:
        columns = ", ".join(template.headers)
        texts = {}
        for lang, words in _HEADER_WORDS.items():
            parts = ([f"{words['unknown']} {', '.join(unknown)}"] if unknown else []) + \
                    ([f"{words['missing']} {', '.join(missing)}"] if missing else [])
            texts[lang] = (f"{words['template']} {template.name}: {'; '.join(parts)}. "
                           f"{words['columns']}: {columns}.")
        raise ParseError(messages=texts, source=source, line=1)


_HEADER_WORDS = {
    "en": {"template": "template", "unknown": "unknown column(s)", "missing": "missing column(s)",
           "columns": "The columns are"},
    "de": {"template": "Vorlage", "unknown": "unbekannte Spalte(n)", "missing": "fehlende Spalte(n)",
           "columns": "Die Spalten sind"},
}


def convert_row(template: Template, cells: dict[str, str], number: int
                ) -> tuple[list[ox.Triple], list[CellError]]:
    out: list[ox.Triple] = []
    errors: list[CellError] = []
    intervals: dict[tuple[str, str], ox.BlankNode] = {}
    row_about = template.metadata["tableSchema"].get("aboutUrl")
    for column in template.columns:
        try:
            out.extend(_column_triples(column, cells, row_about, intervals))
        except CellError as exc:
            errors.append(exc.at(number, column.get("titles", "")))
    return out, errors


def _column_triples(column: dict, cells: dict[str, str], row_about: str | None,
                    intervals: dict) -> list[ox.Triple]:
    value = "" if column.get("virtual") else cells.get(column["titles"], "")
    if not column.get("virtual") and not value:
        if column.get("required"):
            raise CellError({"en": "a value is required here", "de": "hier ist ein Wert nötig"})
        return []
    if column.get("suppressOutput"):
        literal(value, column)  # still checked
        return []
    subject = expand(column.get("aboutUrl") or row_about, cells)
    predicate = expand(column.get("propertyUrl"), cells)
    if subject is None or predicate is None:
        return []
    values = value.split(column["separator"]) if column.get("separator") and value else [value]
    out = []
    for one in (v.strip() for v in values):
        out.extend(_objects(column, one, cells, ox.NamedNode(subject), ox.NamedNode(predicate), intervals))
    return out


def _objects(column: dict, value: str, cells: dict[str, str], subject: ox.NamedNode,
             predicate: ox.NamedNode, intervals: dict) -> list[ox.Triple]:
    datatype = (column.get("datatype") or {}).get("@id", "") if isinstance(column.get("datatype"), dict) else ""
    if datatype == CSV_NS + "date":
        node, triples = stated_date(value)
        return [ox.Triple(subject, predicate, node), *triples]
    if datatype in (CSV_NS + "periodStart", CSV_NS + "periodEnd"):
        return _period_end(datatype, value, subject, predicate, intervals)
    if "valueUrl" in column:
        cells = {**cells, column.get("titles", ""): value}
        target = expand(column["valueUrl"], cells)
        return [ox.Triple(subject, predicate, ox.NamedNode(target))] if target else []
    return [ox.Triple(subject, predicate, literal(value, column))]


def _period_end(datatype: str, value: str, subject: ox.NamedNode, predicate: ox.NamedNode,
                intervals: dict) -> list[ox.Triple]:
    # Both ends of one period (same subject and property) share one time:Interval node.
    key = (subject.value, predicate.value)
    out = []
    if key not in intervals:
        intervals[key] = ox.BlankNode()
        out += [ox.Triple(subject, predicate, intervals[key]),
                ox.Triple(intervals[key], ox.NamedNode(RDF_TYPE),
                          ox.NamedNode("http://www.w3.org/2006/time#Interval"))]
    end = "hasBeginning" if datatype.endswith("periodStart") else "hasEnd"
    node, triples = stated_date(value)
    out += [ox.Triple(intervals[key], ox.NamedNode("http://www.w3.org/2006/time#" + end), node), *triples]
    return out


def _cell_errors(errors: list[CellError], header: list[str], source: str) -> ParseError:
    first = errors[0]
    texts = {}
    for lang, more in _MORE.items():
        lines = [e.text(lang) for e in errors[:MAX_ERRORS]]
        if len(errors) > MAX_ERRORS:
            lines.append(more.format(count=len(errors) - MAX_ERRORS))
        texts[lang] = "; ".join(lines)
    column = header.index(first.column) + 1 if first.column in header else None
    # The rows and columns are in the text already; line/column go to the detail for machines.
    error = ParseError(messages=texts, source=source)
    error.detail.update(line=first.row, column=column, errors=[e.to_dict() for e in errors[:MAX_ERRORS]])
    return error


_MORE = {"en": "… and {count} more", "de": "… und {count} weitere"}
