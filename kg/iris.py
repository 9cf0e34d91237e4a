"""The project's IRIs: namespaces, named graphs and how files map to graphs."""

from __future__ import annotations

from pathlib import PurePosixPath

BASE = "https://w3id.org/integration-kg/"
ONTOLOGY = BASE + "ontology#"
ID = BASE + "id/"
GRAPH = BASE + "graph/"
# Bookkeeping about graphs (publication, load records). Lives in SYSTEM_GRAPH, never published.
SYSTEM = BASE + "system#"
SYSTEM_GRAPH = GRAPH + "system"

# Folders whose files are loaded, each file into its own graph, and published.
SOURCE_FOLDERS = ("ontology", "shapes", "data")


def graph_for_file(relative_path: str) -> str:
    """`data/dresden.ttl` -> `…/graph/data/dresden`: one graph per file, named by folder and stem."""
    path = PurePosixPath(relative_path)
    return GRAPH + str(path.with_suffix(""))


def submission_graph(submission_id: str, version: int) -> str:
    return f"{GRAPH}submission/{submission_id}/v{version}"
