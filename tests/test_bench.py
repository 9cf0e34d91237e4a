"""The benchmark harness (bench/): the synthetic graph is deterministic, in its own namespace,
parses and conforms to the shapes; bench/run.py answers --help and completes a tiny run with the
in-process engines. No timing is asserted here: figures are read off bench/results/."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

ROOT = Path(__file__).resolve().parents[1]
GENERATE = ROOT / "bench" / "generate.py"
RUN = ROOT / "bench" / "run.py"
SYNTHETIC = "https://w3id.org/integration-kg/synthetic/"
PROJECT = "https://w3id.org/integration-kg/"
# Terms of the real project the synthetic data may point to: the ontology and its concepts.
SHARED = (PROJECT + "ontology#", PROJECT + "id/concept/")


def generate(out: Path, scale: float = 0.002, seed: int = 1) -> None:
    subprocess.run([sys.executable, str(GENERATE), "--scale", str(scale), "--seed", str(seed), "--out", str(out)],
                   check=True, capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bench") / "tiny.nt"
    generate(out)
    return out


def test_the_same_arguments_give_the_same_bytes(tiny: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.nt"
    generate(again)
    assert again.read_bytes() == tiny.read_bytes()
    other = tmp_path / "other.nt"
    generate(other, seed=2)
    assert other.read_bytes() != tiny.read_bytes()


def test_it_parses_and_lives_in_its_own_namespace(tiny: Path) -> None:
    triples = [q.triple for q in ox.parse(path=str(tiny), format=ox.RdfFormat.N_TRIPLES)]
    assert len(triples) > 3000
    for t in triples:
        assert isinstance(t.subject, ox.BlankNode) or t.subject.value.startswith(SYNTHETIC), t
        if isinstance(t.object, ox.NamedNode) and t.object.value.startswith(PROJECT):
            assert t.object.value.startswith((SYNTHETIC, *SHARED)), t
    labels = [t.object for t in triples if t.predicate.value == "http://www.w3.org/2000/01/rdf-schema#label"]
    assert labels and all(label.language == "de" and "synthetisch" in label.value for label in labels)
    types = {t.object.value.rsplit("#", 1)[-1] for t in triples
             if t.predicate.value == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"}
    # the kinds of fact the competency queries ask about are all there
    assert {"Municipality", "Land", "PopulationObservation", "MunicipalAdministration", "AdministrativeUnit",
            "CommissionerPost", "Tenure", "AdvisoryBody", "Composition", "Plan", "MigrantOrganisation",
            "MigrantOrganisationNetwork", "FederalAssociation", "Membership", "CountObservation",
            "Cooperation", "Funding", "Project", "SiteParticipation", "Event", "Contribution",
            "Citation", "Source", "Instant", "Interval"} <= types


def test_it_conforms_to_the_shapes(tiny: Path, tmp_path: Path) -> None:
    """Exit 0: no violations (gaps, reported as Info, are part of the design)."""
    result = subprocess.run([sys.executable, "-m", "kg", "validate", str(tiny), "--store", str(tmp_path / "none")],
                            capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "0 violations, 0 warnings" in result.stdout


def test_run_has_help() -> None:
    result = subprocess.run([sys.executable, str(RUN), "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "--quick" in result.stdout and "rdflib-endpoint" in result.stdout and "kg-remote" in result.stdout


def test_a_tiny_run_with_the_in_process_engines(tmp_path: Path) -> None:
    out = tmp_path / "results.md"
    result = subprocess.run(
        [sys.executable, str(RUN), "--scale", "0.002", "--engines", "oxigraph,rdflib", "--queries", "cq01,cq11",
         "--bindings", "2", "--cap", "20", "--budget", "5", "--duration", "0.2", "--clients", "1",
         "--workdir", str(tmp_path / "work"), "--out", str(out)],
        capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    for heading in ("## Machine and versions", "## Load", "## Catalogue queries, warm", "## Throughput"):
        assert heading in text
    data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert set(data["queries"]) >= {"oxigraph", "rdflib"}
    for engine in ("oxigraph", "rdflib"):
        for key in ("cq01", "cq11"):
            series = data["queries"][engine][key]
            assert series["status"] == "ok" and len(series["warm"]) == 2, (engine, key, series)
        # both engines find the same answers
    assert data["queries"]["oxigraph"]["cq11"]["rows"] == data["queries"]["rdflib"]["cq11"]["rows"]
    assert data["queries"]["oxigraph"]["cq01"]["rows"] == data["queries"]["rdflib"]["cq01"]["rows"]
    assert not (tmp_path / "work" / "stores").exists(), "stores are removed after the run"


def processes_mentioning(text: str) -> list[str]:
    """Command lines of running processes that name `text` (the run's own folder)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue  # ended meanwhile, or not ours to read
        if text in cmdline:
            found.append(cmdline)
    return found


def test_a_tiny_run_of_kg_on_the_oxigraph_server_beside_the_server_alone(tmp_path: Path) -> None:
    """The column "kg on Oxigraph server" (`kg load --store URL` and `kg serve --store URL` over a
    real Oxigraph server) is measured, bounded by the cap, answers as the baseline does, is set
    against the server alone in the report, and leaves no process or store behind."""
    out, work, cap = tmp_path / "results.md", tmp_path / "work", 20.0
    result = subprocess.run(
        [sys.executable, str(RUN), "--scale", "0.002", "--engines", "oxigraph,kg-remote,oxigraph-server",
         "--queries", "cq01,cq08", "--bindings", "2", "--cap", str(cap), "--budget", "5", "--duration", "0.2",
         "--clients", "1", "--workdir", str(work), "--out", str(out)],
        capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert not data["failures"], data["failures"]
    assert data["engines"]["kg-remote"].startswith("integration-kg on the Oxigraph server")
    load = data["load"]["kg-remote"]
    assert load["triples"] == data["data"]["input_triples"] and 0 < load["seconds"] < 3600
    for key in ("cq01", "cq08", "cq08x2"):
        series = data["queries"]["kg-remote"][key]
        assert series["status"] == "ok" and len(series["warm"]) == 2, (key, series)
        assert 0 < series["cold"] <= cap * 1000 and all(0 < ms <= cap * 1000 for ms in series["warm"]), series
        # the same answers as pyoxigraph in-process and the server alone, binding for binding
        assert series["rows"] == data["queries"]["oxigraph"][key]["rows"] == data["queries"]["oxigraph-server"][key]["rows"]
    throughput = data["throughput"]["kg-remote"]["cheap"]["1"]
    assert throughput["completed"] > 0 and throughput["errors"] == 0
    assert data["memory"]["kg-remote"] > 0
    text = out.read_text(encoding="utf-8")
    load_rows = [line for line in text.splitlines() if line.startswith("| kg on Oxigraph server | `kg load --store URL`")]
    assert len(load_rows) == 1
    catalogue = text.split("## Catalogue queries, warm", 1)[1].split("\n## ", 1)[0]
    assert "| query | kg on Oxigraph server | pyoxigraph | Oxigraph server |" in catalogue
    assert "## kg on the Oxigraph server, side by side" in text and "vs Oxigraph server alone" in text
    assert "| cheap | " in text.split("Throughput (requests per second) of kg on the Oxigraph server", 1)[1]
    assert not processes_mentioning(str(work)), "the servers of the run are stopped"
    assert not (work / "stores").exists(), "stores are removed after the run"
