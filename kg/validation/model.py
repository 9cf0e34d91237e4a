"""The report model: one result per problem, grouped by the record it concerns.

Every renderer (HTML, JSON, Turtle, text) reads this model and nothing else.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

SEVERITIES = ("Violation", "Warning", "Info")


@dataclass
class Result:
    severity: str  # "Violation" | "Warning" | "Info"
    message: str  # in the report's language
    focus: str  # the node the shape checked (IRI, or "_:id" for a blank node)
    path: str | None  # property IRI, or None for a node-level constraint
    path_label: str | None  # the property in words (its rdfs:label), else the compact IRI
    value: str | None  # the offending value as it reads ("1234", "ikg:Land", "[]")
    value_term: str | None  # the same in N-Triples syntax, for machines
    expected: str | None  # what is expected, in words, from the constraint's parameters
    component: str  # the engine's constraint component (IRI), e.g. sh:MinCountConstraintComponent
    shape: str | None  # the source shape (IRI), None for an anonymous shape
    constraint: str | None = None  # the SPARQL constraint node, where one reported it
    line: int | None = None  # input line of the focus node's first occurrence, where known

    def key(self) -> tuple[str, str | None, str, str]:
        """(focus, path, component, severity): what tests and the shape examples compare."""
        return (self.focus, self.path, self.component, self.severity)


@dataclass
class Record:
    """A thing described in the input, with the results about it or about its blank-node parts."""

    node: str  # IRI or "_:id"
    label: str  # its label in the report's language, else the compact IRI
    kind: str | None  # the label of its class, where it has one
    line: int | None
    results: list[Result] = field(default_factory=list)
    source: str | None = None  # when revalidating the store: the file or graph it lives in


@dataclass
class Report:
    conforms: bool  # no Violation; Warnings and Infos are reported but do not block
    lang: str
    source: str
    counts: dict[str, int]
    records: list[Record]
    triples: int = 0  # in the input
    context_triples: int = 0  # fetched from the store: what the input references
    shapes_files: list[str] = field(default_factory=list)

    @property
    def results(self) -> list[Result]:
        return [r for record in self.records for r in record.results]

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Report:
        """The report again from its to_dict() shape, e.g. as a server sent it."""
        records = [Record(**{**record, "results": [Result(**r) for r in record["results"]]})
                   for record in data["records"]]
        return cls(**{**data, "records": records})


def count_by_severity(results: list[Result]) -> dict[str, int]:
    return {s: sum(1 for r in results if r.severity == s) for s in SEVERITIES}
