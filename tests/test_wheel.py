"""A wheel works, not only the editable install: built from the sources and installed with its
dependencies into a fresh virtual environment, it loads the project's files and serves them.

The installed copy must be what runs: the commands start in an empty folder, without
PYTHONPATH, and `kg` must be imported from the new environment. What is served is compared with
the project's files as rdflib reads them, not as kg does.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS

from support import ROOT, free_port

ONTOLOGY_IRI = rdflib.URIRef("https://w3id.org/integration-kg/ontology")
ONTOLOGY_FILES = sorted((ROOT / "ontology").glob("*.ttl"))
CSV_TEMPLATES = sorted(p.name.removesuffix(".csv-metadata.json")
                       for p in (ROOT / "kg" / "csv_templates").glob("*.csv-metadata.json"))


@dataclass
class Installed:
    venv: Path
    cwd: Path  # an empty folder: nothing of the source tree is importable from it
    env: dict[str, str]

    def bin(self, name: str) -> str:
        return str(self.venv / "bin" / name)

    def run(self, *args: str) -> str:
        done = subprocess.run(args, cwd=self.cwd, env=self.env, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
        return done.stdout


def _run(args: list[str]) -> None:
    done = subprocess.run(args, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{args}: {done.stdout[-3000:]}\n{done.stderr[-3000:]}"


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    tmp = tmp_path_factory.mktemp("wheel")
    # Built from a copy of what the build reads: nothing (build/, *.egg-info) lands in the
    # working tree, and a file left out of the package data cannot slip in from beside it.
    source = tmp / "source"
    shutil.copytree(ROOT / "kg", source / "kg", ignore=shutil.ignore_patterns("__pycache__"))
    # The catalogue: pyproject.toml maps queries/ into the package as kg.queries.
    shutil.copytree(ROOT / "queries", source / "queries", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    _run(pip + ["wheel", "--quiet", "--no-deps", "--wheel-dir", str(tmp / "dist"), str(source)])
    (wheel,) = (tmp / "dist").glob("integration_kg-*.whl")
    venv = tmp / "venv"
    # The project's pip installs into it (--python): quicker than bootstrapping a pip of its own.
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    _run(pip + ["--python", str(venv / "bin" / "python"), "install", "--quiet", str(wheel)])
    cwd = tmp / "elsewhere"
    cwd.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return Installed(venv.resolve(), cwd, env)


def test_kg_is_imported_from_the_wheel_not_the_sources(installed):
    paths = installed.run(installed.bin("python"), "-c",
                          "import kg, kg.web, kg.ontology_docs; print(kg.__file__)")
    kg_file = Path(paths.strip()).resolve()
    assert kg_file.is_relative_to(installed.venv), kg_file
    assert not kg_file.is_relative_to(ROOT)


@dataclass
class Served:
    url: str

    def get(self, path: str, **headers: str) -> tuple[int, str, str]:
        request = urllib.request.Request(self.url + path, headers=headers)
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode()


@pytest.fixture(scope="module")
def served(installed, tmp_path_factory) -> Iterator[Served]:
    store = tmp_path_factory.mktemp("wheel-store") / "store"
    installed.run(installed.bin("kg"), "load", "--store", str(store), "--root", str(ROOT))
    port = free_port()
    process = subprocess.Popen(
        [installed.bin("kg"), "serve", "--store", str(store), "--root", str(ROOT),
         "--port", str(port), "--query-workers", "1"],
        cwd=installed.cwd, env=installed.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail("kg serve (wheel) exited: " + process.stdout.read().decode(errors="replace"))
            try:
                with urllib.request.urlopen(url + "health", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("kg serve (wheel) did not answer /health in 60 s")
                time.sleep(0.3)
        yield Served(url)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _ontology() -> rdflib.Graph:
    graph = rdflib.Graph()
    for path in ONTOLOGY_FILES:
        graph.parse(path, format="turtle")
    return graph


def test_ontology_page_from_the_wheel(served):
    status, content_type, body = served.get("ontology", Accept="text/html", **{"Accept-Language": "en"})
    assert (status, content_type.split(";")[0]) == (200, "text/html")
    ontology = _ontology()
    titles = [str(t) for t in ontology.objects(ONTOLOGY_IRI, DCTERMS.title) if t.language == "en"]
    assert len(titles) == 1
    assert f"<h1>{html.escape(titles[0], quote=False)}</h1>" in body
    # Every class of the ontology's own namespace is shown, under its English label.
    classes = sorted(c for c in ontology.subjects(RDF.type, OWL.Class) if c.startswith(ONTOLOGY_IRI + "#"))
    assert classes  # the loop below must check something
    for cls in classes:
        label = next(str(l) for l in ontology.objects(cls, RDFS.label) if l.language == "en")
        assert html.escape(label, quote=False) in body, cls


def test_ontology_turtle_from_the_wheel_is_the_ontology_files(served):
    status, content_type, body = served.get("ontology", Accept="text/turtle")
    assert (status, content_type.split(";")[0]) == (200, "text/turtle")
    assert isomorphic(rdflib.Graph().parse(data=body, format="turtle"), _ontology())


def test_validate_page_from_the_wheel_offers_the_form_and_every_csv_template(served):
    status, content_type, body = served.get("validate", **{"Accept-Language": "en"})
    assert (status, content_type.split(";")[0]) == (200, "text/html")
    assert 'enctype="multipart/form-data"' in body and 'name="file"' in body
    assert len(CSV_TEMPLATES) == 11
    for name in CSV_TEMPLATES:
        assert f"{name}.csv-metadata.json" in body
    status, content_type, csv_text = served.get(f"validate/templates/{CSV_TEMPLATES[0]}.csv")
    assert (status, content_type.split(";")[0]) == (200, "text/csv")
    assert csv_text.count("\n") >= 1


def test_query_from_the_wheel_runs_in_a_worker(served):
    # Public queries run in worker processes started with PYTHONPATH set from kg's location:
    # from a wheel that is the new environment's site-packages.
    graph = "https://w3id.org/integration-kg/graph/ontology/integration"
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    status, _, body = served.get("sparql?" + urllib.parse.urlencode({"query": query}),
                                 Accept="application/sparql-results+json")
    assert status == 200
    expected = len(rdflib.Graph().parse(ROOT / "ontology" / "integration.ttl", format="turtle"))
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) == expected


def test_query_catalogue_from_the_wheel(served, installed):
    """The wheel carries the catalogue: /api/queries lists every query of queries/, read from the
    installed package, and one of them runs with a parameter."""
    where = installed.run(installed.bin("python"), "-c", "from kg.catalog import QUERIES; print(QUERIES)")
    assert Path(where.strip()).resolve().is_relative_to(installed.venv)
    status, content_type, body = served.get("api/queries", Accept="application/json")
    assert (status, content_type.split(";")[0]) == (200, "application/json")
    ids = sorted(path.name.split("-")[0] for path in (ROOT / "queries").rglob("*.rq"))
    assert [query["id"] for query in json.loads(body)] == ids
    dresden = "https://w3id.org/integration-kg/id/municipality/14612000"
    status, _, body = served.get("api/queries/cq08?" + urllib.parse.urlencode({"municipality": dresden}),
                                 Accept="application/json")
    assert status == 200
    assert [row["municipality"] for row in json.loads(body)["rows"]] == [dresden]
