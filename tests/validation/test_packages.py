"""Packages: several files (RDF and CSV by template) or a zip, validated together in the context
of the published graph, in a query worker under the query deadline. Through the real paths: a
store built by `kg load`, the app's worker pool, and a real `kg serve` for the deadline."""

from __future__ import annotations

import io
import json
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest

from kg.errors import BadRequest, PayloadTooLarge, UnsupportedMediaType
from kg.querying.pool import WorkerPool
from kg.querying.remote import RemoteRunner
from kg.validation.package import PackageFile, files_from_zip, validate_package
import remote_backend
from support import start_server, stop_server

EXAMPLES = Path(__file__).parent / "examples"
ID = "https://w3id.org/integration-kg/id/"
IKG = "https://w3id.org/integration-kg/ontology#"

# A fictional new municipality (AGS 99000001, Land Sachsen from the published graph) and its plan
# in two files that reference each other: each alone lacks what the other gives.
MUNICIPALITY = f"""\
@prefix ikg: <{IKG}> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<{ID}municipality/99000001> a ikg:Municipality ;
    rdfs:label "Musterstadt"@de ; ikg:officialName "Musterstadt"@de ; ikg:ags "99000001" ;
    ikg:inLand <{ID}land/14> ;
    ikg:municipalityKind <{ID}concept/municipality-kind/kreisfreie-stadt> .
"""


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.fixture
def settings_for(loaded_store_path, tmp_path):
    return remote_backend.settings_on(loaded_store_path, tmp_path / "state", query_workers=1)


def test_a_package_is_judged_as_one_and_names_each_records_file(context_store, settings_for):
    files = [PackageFile(p.name, p.read_bytes()) for p in sorted(EXAMPLES.iterdir())]
    pool = (RemoteRunner(context_store, timeout=60) if remote_backend.remote()
            else WorkerPool(context_store, workers=1, timeout=60))
    try:
        result = validate_package(files, "de", store=context_store, settings=settings_for,
                                  runner=pool)
    finally:
        pool.close()
    assert [f.name for f in result.files] == [p.name for p in sorted(EXAMPLES.iterdir())]
    assert all(len(f.sha256) == 64 for f in result.files)
    assert {f.template for f in result.files if f.fmt == "csv"} == {"plans"}
    sources = {r.node: (r.source, r.line) for r in result.report.records}
    assert sources[ID + "municipality/99999999"] == ("musterstadt.ttl", 6)
    assert sources[ID + "plan/99999999-fiktiver-plan"] == ("plans.csv", 3)
    assert sources[ID + "membership/fictional-test"][0] == "membership-before-founding.ttl"
    assert len(result.triples) == sum(f.triples for f in result.files)
    assert not result.conforms


def test_blank_nodes_of_two_files_stay_apart(context_store, settings_for):
    one = b'<https://example.org/fictional/a> <https://example.org/fictional/p> _:b .\n'
    two = b'<https://example.org/fictional/c> <https://example.org/fictional/p> _:b .\n'
    result = validate_package([PackageFile("one.nt", one), PackageFile("two.nt", two)], "en",
                              store=context_store, settings=settings_for)
    assert len({t.object for t in result.triples}) == 2


@pytest.mark.parametrize("members, error", [
    ({"../evil.ttl": b""}, BadRequest),
    ({"/abs.ttl": b""}, BadRequest),
    ({"a.ttl": b"x" * 2000}, PayloadTooLarge),
])
def test_zip_guards(members, error):
    with pytest.raises(error):
        files_from_zip(_zip(members), max_bytes=1000)


def test_a_zip_bomb_is_refused_without_unpacking_it():
    bomb = _zip({"big.ttl": b"\0" * 50_000_000})  # about 50 KB packed
    started = time.perf_counter()
    with pytest.raises(PayloadTooLarge):
        files_from_zip(bomb, max_bytes=1_000_000)
    assert time.perf_counter() - started < 2


def test_zip_skips_folders_and_archiver_files():
    data = _zip({"pkg/": b"", "pkg/plans.csv": b"a", "__MACOSX/pkg/._plans.csv": b"",
                 ".DS_Store": b""})
    assert [f.name for f in files_from_zip(data, max_bytes=1000)] == ["pkg/plans.csv"]


def test_not_a_zip_is_400():
    with pytest.raises(BadRequest):
        files_from_zip(b"PK but not really", max_bytes=1000)


def test_unknown_ending_in_a_package_is_415(context_store, settings_for):
    with pytest.raises(UnsupportedMediaType):
        validate_package([PackageFile("a.ttl", MUNICIPALITY.encode()), PackageFile("b.xyz", b"")],
                         "en", store=context_store, settings=settings_for)


def test_api_takes_several_files_in_one_multipart_request(client_on_loaded):
    data = {"file": [(io.BytesIO((EXAMPLES / "musterstadt.ttl").read_bytes()), "musterstadt.ttl"),
                     (io.BytesIO((EXAMPLES / "plans.csv").read_bytes()), "plans.csv")]}
    response = client_on_loaded.post("/api/validate?lang=de", data=data,
                                     content_type="multipart/form-data")
    assert response.status_code == 200
    report = response.get_json()
    assert {r["source"] for r in report["records"]} == {"musterstadt.ttl", "plans.csv"}
    assert report["source"] == "musterstadt.ttl, plans.csv"


def test_api_takes_a_zip_as_body_and_as_upload(client_on_loaded):
    data = _zip({"pkg/musterstadt.ttl": (EXAMPLES / "musterstadt.ttl").read_bytes(),
                 "pkg/plans.csv": (EXAMPLES / "plans.csv").read_bytes()})
    body = client_on_loaded.post("/api/validate", data=data, content_type="application/zip")
    upload = client_on_loaded.post("/api/validate", data={"file": (io.BytesIO(data), "pkg.zip")},
                                   content_type="multipart/form-data")
    for response in (body, upload):
        assert response.status_code == 200
        sources = {r["source"] for r in response.get_json()["records"]}
        assert sources == {"pkg/musterstadt.ttl", "pkg/plans.csv"}


def test_api_zip_with_a_bad_name_is_400(client_on_loaded):
    response = client_on_loaded.post("/api/validate?lang=de", data=_zip({"../x.ttl": b""}),
                                     content_type="application/zip")
    assert response.status_code == 400
    assert "'..'" in response.get_json()["message"]


def test_a_new_municipality_and_its_plan_validate_together(client_on_loaded):
    """Each file references the other; the Land comes from the published graph."""
    plan_csv = ("key,label,municipality_ags,kind,adopted_on,adopted_by,valid_from,valid_until,"
            "source_url,accessed_on\n99000001-integrationskonzept,Integrationskonzept "
            "Musterstadt,99000001,integration-concept,2020,,2020,2025,"
            "https://example.org/fictional/source,2026-11-25\n")
    data = {"file": [(io.BytesIO(MUNICIPALITY.encode()), "musterstadt.ttl"),
                     (io.BytesIO(plan_csv.encode()), "plans.csv")]}
    response = client_on_loaded.post("/api/validate?lang=de", data=data,
                                     content_type="multipart/form-data")
    report = response.get_json()
    assert response.status_code == 200 and report["triples"] > 0
    # the plan's municipality is in the package, not in the store: no "reference" violation
    plan = ID + "plan/99000001-integrationskonzept"
    assert [r for rec in report["records"] for r in rec["results"]
            if rec["node"] == plan and r["severity"] == "Violation"] == []
    # and alone, without the municipality's file, the reference is one
    alone = client_on_loaded.post("/api/validate?lang=de", data={"file": [
        (io.BytesIO(plan_csv.encode()), "plans.csv")]}, content_type="multipart/form-data")
    assert [r["path"] for rec in alone.get_json()["records"] for r in rec["results"]
            if rec["node"] == plan and r["severity"] == "Violation"] == [IKG + "municipality"]


def test_a_validation_past_the_deadline_is_503_and_the_server_still_answers(loaded_store_path):
    # A package big enough to take well over 0.3 s even on a fast machine.
    rows = "".join(
        f'<{ID}municipality/99{i:06d}> a <{IKG}Municipality> ; '
        f'<http://www.w3.org/2000/01/rdf-schema#label> "Fiktiv {i}"@de ; <{IKG}ags> "{i}" .\n'
        for i in range(20_000))
    server = start_server(loaded_store_path, "--query-timeout", "0.3", "--query-workers", "1")
    try:
        request = urllib.request.Request(server.url + "api/validate?lang=de", data=rows.encode(),
                                         headers={"Content-Type": "text/turtle"})
        started = time.perf_counter()
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(request, timeout=60)
        assert time.perf_counter() - started < 20
        assert caught.value.code == 503
        body = json.loads(caught.value.read())
        assert body["error"] == "query-timeout"
        assert "Die Prüfung lief länger als 0.3 s" in body["message"]
        with urllib.request.urlopen(server.url + "health", timeout=10) as health:
            assert health.status == 200
    finally:
        stop_server(server)
