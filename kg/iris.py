"""The project's IRIs: namespaces, named graphs and how files map to graphs."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

BASE = "https://w3id.org/integration-kg/"
ONTOLOGY = BASE + "ontology#"
ID = BASE + "id/"
GRAPH = BASE + "graph/"
# Bookkeeping about graphs (publication, load records). Lives in SYSTEM_GRAPH, never published.
SYSTEM = BASE + "system#"
SYSTEM_GRAPH = GRAPH + "system"

# Prefixes for readable Turtle and TriG output (dumps, /ontology); never needed for meaning.
PREFIXES = {
    "ikg": ONTOLOGY,
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dct": "http://purl.org/dc/terms/",
    "vann": "http://purl.org/vocab/vann/",
    "org": "http://www.w3.org/ns/org#",
    "cpov": "http://data.europa.eu/m8g/",
    "prov": "http://www.w3.org/ns/prov#",
    "time": "http://www.w3.org/2006/time#",
    "qb": "http://purl.org/linked-data/cube#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "sh": "http://www.w3.org/ns/shacl#",
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
}

# Folders whose files are loaded, each file into its own graph, and published.
SOURCE_FOLDERS = ("ontology", "shapes", "data")


def graph_for_file(relative_path: str) -> str:
    """`data/dresden.ttl` -> `…/graph/data/dresden`: one graph per file, named by folder and stem."""
    path = PurePosixPath(relative_path)
    return GRAPH + str(path.with_suffix(""))


SUBMISSIONS = GRAPH + "submission/"


def submission_graph(submission_id: str) -> str:
    """The published graph of a submission's current version."""
    return f"{SUBMISSIONS}{submission_id}"


def submission_version_graph(submission_id: str, upload: int) -> str:
    """An unpublished copy of one accepted version (its history), kept after replacement and
    withdrawal until the submission is erased."""
    return f"{SUBMISSIONS}{submission_id}/v{upload}"


def submission_activity(submission_id: str, upload: int) -> str:
    """The act of submitting one version (prov:Activity): what the query catalogue (cq12) names
    as the submission that brought a statement in."""
    return f"{ID}submission/{submission_id}/v{upload}"


def submission_record_graph(submission_id: str) -> str:
    """The unpublished record of a submission: status, versions, files, who and when."""
    return f"{SUBMISSIONS}{submission_id}/record"


MUNICIPALITY = ID + "municipality/"
# An AGS (Amtlicher Gemeindeschlüssel), the key of a municipality's IRI: 8 digits.
AGS = re.compile(r"\d{8}")


def municipality_iri(ags: str) -> str:
    return MUNICIPALITY + ags


SHAPES = BASE + "shapes"


def local_path(iri: str) -> str | None:
    """The path under which this server shows `iri` (the w3id rules in ontology/w3id/.htaccess
    redirect each to the same path here), or None for an IRI outside the project."""
    if iri.startswith(ID) or iri.startswith(GRAPH):
        return "/" + iri[len(BASE):]
    if iri.startswith(BASE + "ontology") or iri.startswith(SHAPES):
        return "/" + iri[len(BASE):]
    return None
