"""A submission's record (unpublished: status, uploads, who and when) and its published
provenance (PROV-O: who, when, file names, checksums, the version of the shapes).

The record is one JSON literal in the submission's record graph: it is read and written whole,
in the same store transaction as the data it describes, and nothing queries into it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field

import pyoxigraph as ox

from kg import iris
from kg.store.base import GraphLoad, Store

RECORD = ox.NamedNode(iris.SYSTEM + "submissionRecord")
ACCEPTED, REJECTED, WITHDRAWN, ERASED = "accepted", "rejected", "withdrawn", "erased"

PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD = "http://www.w3.org/2001/XMLSchema#"
SPDX = "http://spdx.org/rdf/terms#"


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass
class FileNote:
    name: str
    sha256: str
    bytes: int


@dataclass
class Upload:
    """One package sent for this submission (POST or PUT), accepted or rejected."""

    n: int
    outcome: str  # accepted | rejected
    at: str
    by: str  # the token's name
    files: list[FileNote]
    triples: int = 0
    shapes_version: str = ""
    conforms: bool = False
    revision_of: int | None = None  # the upload this one replaced

    @property
    def package_sha256(self) -> str:
        import hashlib
        return hashlib.sha256("\n".join(f"{f.name}\t{f.sha256}" for f in self.files)
                              .encode()).hexdigest()


@dataclass
class SubmissionRecord:
    id: str
    status: str
    created: str
    by: str
    municipalities: list[str] = field(default_factory=list)
    uploads: list[Upload] = field(default_factory=list)
    current: int | None = None  # the published upload
    updated: str = ""
    last_op: str = ""  # the journal entry whose store step wrote this record
    withdrawn: str | None = None
    erased: str | None = None
    reason: str | None = None  # of an erasure

    def upload(self, n: int) -> Upload:
        return next(u for u in self.uploads if u.n == n)

    def next_upload(self) -> int:
        return max((u.n for u in self.uploads), default=0) + 1

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> SubmissionRecord:
        data = json.loads(text)
        data["uploads"] = [Upload(**{**u, "files": [FileNote(**f) for f in u["files"]]})
                           for u in data.get("uploads", [])]
        return cls(**data)

    def summary(self, base: str = "") -> dict:
        """The JSON of GET /api/submissions: status, versions and links, no data."""
        out = {"id": self.id, "status": self.status, "created": self.created, "by": self.by,
               "updated": self.updated, "municipalities": self.municipalities,
               "current_version": self.current,
               "graph": iris.submission_graph(self.id) if self.status == ACCEPTED else None,
               "link": f"{base}api/submissions/{self.id}"}
        if self.status == ERASED:
            out.update(erased=self.erased, reason=self.reason, municipalities=[])
            return out
        out["withdrawn"] = self.withdrawn
        out["history"] = [{
            "version": u.n, "outcome": u.outcome, "at": u.at, "by": u.by, "triples": u.triples,
            "files": [asdict(f) for f in u.files], "shapes_version": u.shapes_version,
            "revision_of": u.revision_of,
            "state": _state(self, u),
            "graph": (iris.submission_version_graph(self.id, u.n) if u.outcome == ACCEPTED
                      else None),
            "report": f"{base}api/submissions/{self.id}/versions/{u.n}/report"}
            for u in self.uploads]
        return out


def _state(record: SubmissionRecord, upload: Upload) -> str:
    if upload.outcome == REJECTED:
        return "rejected"
    if upload.n == record.current and record.status == ACCEPTED:
        return "published"
    if record.status == WITHDRAWN and upload.n == record.current:
        return "withdrawn"
    return "superseded"


def record_load(record: SubmissionRecord) -> GraphLoad:
    graph = iris.submission_record_graph(record.id)
    triple = ox.Triple(ox.NamedNode(iris.submission_graph(record.id)), RECORD,
                       ox.Literal(record.to_json()))
    return GraphLoad(graph, [triple], source=f"submission {record.id} record", publish=False)


def read_records(store: Store) -> dict[str, SubmissionRecord]:
    graphs = [g for g in store.graphs() if g.startswith(iris.SUBMISSIONS) and g.endswith("/record")]
    if not graphs:
        return {}
    result = store.query(f"SELECT ?json WHERE {{ GRAPH ?g {{ ?s {RECORD} ?json }} }}",
                         default_graphs=[], named_graphs=graphs)
    records = [SubmissionRecord.from_json(row[0].value) for row in result.rows]
    return {r.id: r for r in records}


def read_record(store: Store, submission_id: str) -> SubmissionRecord | None:
    graph = iris.submission_record_graph(submission_id)
    result = store.query(f"SELECT ?json WHERE {{ GRAPH ?g {{ ?s {RECORD} ?json }} }}",
                         default_graphs=[], named_graphs=[graph])
    return SubmissionRecord.from_json(result.rows[0][0].value) if result.rows else None


def provenance(record: SubmissionRecord, upload: Upload, subject: str) -> list[ox.Triple]:
    """PROV of one version, about `subject` (the published graph, or its history copy)."""
    s = ox.NamedNode(subject)
    out: list[ox.Triple] = []

    def add(subj, pred: str, obj) -> None:
        out.append(ox.Triple(subj, ox.NamedNode(pred), obj))

    def when(text: str) -> ox.Literal:
        return ox.Literal(text, datatype=ox.NamedNode(XSD + "dateTime"))

    add(s, str(RDF_TYPE.value), ox.NamedNode(PROV + "Entity"))
    add(s, RDFS + "label", ox.Literal(
        f"Data of submission {record.id}, version {upload.n} ({upload.by}, {upload.at[:10]})"))
    add(s, DCT + "identifier", ox.Literal(record.id))
    add(s, PROV + "generatedAtTime", when(upload.at))
    agent = ox.BlankNode()
    activity = ox.NamedNode(iris.submission_activity(record.id, upload.n))
    add(s, PROV + "wasAttributedTo", agent)
    add(agent, str(RDF_TYPE.value), ox.NamedNode(PROV + "Agent"))
    add(agent, RDFS + "label", ox.Literal(upload.by))
    add(s, PROV + "wasGeneratedBy", activity)
    add(activity, str(RDF_TYPE.value), ox.NamedNode(PROV + "Activity"))
    add(activity, RDFS + "label", ox.Literal(
        f"Submission {record.id}, version {upload.n} ({upload.by}, {upload.at[:10]})"))
    add(activity, PROV + "generated", s)
    add(activity, PROV + "endedAtTime", when(upload.at))
    add(activity, PROV + "wasAssociatedWith", agent)
    shapes = ox.BlankNode()
    add(activity, PROV + "used", shapes)
    add(shapes, PROV + "specializationOf", ox.NamedNode(iris.SHAPES))
    add(shapes, DCT + "hasVersion", ox.Literal(upload.shapes_version))
    for note in upload.files:
        file, checksum = ox.BlankNode(), ox.BlankNode()
        add(s, PROV + "wasDerivedFrom", file)
        add(activity, PROV + "used", file)
        add(file, str(RDF_TYPE.value), ox.NamedNode(PROV + "Entity"))
        add(file, DCT + "title", ox.Literal(note.name))
        add(file, DCT + "extent", ox.Literal(str(note.bytes), datatype=ox.NamedNode(XSD + "integer")))
        add(file, SPDX + "checksum", checksum)
        add(checksum, SPDX + "algorithm", ox.NamedNode(SPDX + "checksumAlgorithm_sha256"))
        add(checksum, SPDX + "checksumValue", ox.Literal(note.sha256))
    if upload.revision_of is not None:
        add(s, PROV + "wasRevisionOf",
            ox.NamedNode(iris.submission_version_graph(record.id, upload.revision_of)))
    for ags in record.municipalities:
        # So that the municipality's page lists the submission among what links to it.
        add(s, DCT + "spatial", ox.NamedNode(iris.municipality_iri(ags)))
    return out
