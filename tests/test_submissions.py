"""Submissions through a real `kg serve` on a store built by `kg load`: a token scoped to Leipzig
(AGS 14713000) submits a package of CSV templates about Leipzig (facts from the shared facts
files, with their sources: tests/fixtures/submissions/), replaces it and withdraws it; refusals
(401, 403, 400/413/415, 422) leave the store and the published data as they were.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from kg.running import read_record
from remote_backend import copy_of, release
from support import ROOT, start_server, stop_server

FIXTURES = ROOT / "tests" / "fixtures" / "submissions"
LEIPZIG = "https://w3id.org/integration-kg/id/municipality/14713000"
BODY = "https://w3id.org/integration-kg/id/body/14713000-migrantenbeirat-der-stadt-leipzig"
BODY_CITATION = ("https://w3id.org/integration-kg/id/citation/csv-advisory-bodies-"
                 "14713000-migrantenbeirat-der-stadt-leipzig")
LATER_PLAN_CITATION = ("https://w3id.org/integration-kg/id/citation/csv-plans-14713000-"
                       "gesamtkonzept-zur-integration-der-migrantinnen-und-migranten")
GRAPH = "https://w3id.org/integration-kg/graph/submission/"


def package(folder: str) -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in sorted((FIXTURES / folder).iterdir())]


def multipart(files: list[tuple[str, bytes]]) -> tuple[bytes, str]:
    boundary = "test" + secrets.token_hex(8)
    body = b"".join(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                    f'filename="{name}"\r\n\r\n'.encode() + data + b"\r\n" for name, data in files)
    return body + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def call(server, method: str, path: str, token: str | None = None, *, files=None,
         body: bytes | None = None, content_type: str | None = None, accept="application/json"):
    headers = {"Accept": accept}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    if files is not None:
        body, content_type = multipart(files)
    if content_type:
        headers["Content-Type"] = content_type
    request = urllib.request.Request(server.url + path.lstrip("/"), data=body, headers=headers,
                                     method=method)
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def add_token(tokens: Path, name: str, scope: str) -> str:
    made = subprocess.run([sys.executable, "-m", "kg", "token", "add", name, "--scope", scope,
                           "--tokens-file", str(tokens)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=True)
    return made.stdout.strip()


def leipzig_site(loaded_store_path: Path, folder: Path, *extra: str):
    """A `kg serve` on a copy of the shipped store with a token scoped to Leipzig
    (`server.token`): what a steward of Leipzig meets."""
    copy = copy_of(loaded_store_path, folder)
    tokens = folder / "tokens.json"
    token = add_token(tokens, "leipzig", "14713000")
    server = start_server(copy.store, *copy.options, "--tokens-file", str(tokens),
                          "--query-workers", "1", *extra, timeout=120)
    server.token = token
    return server


@pytest.fixture(scope="module")
def site(loaded_store_path, tmp_path_factory):
    folder = tmp_path_factory.mktemp("submissions")
    copy = copy_of(loaded_store_path, folder)
    tokens = folder / "tokens.json"
    secrets_ = {"leipzig": add_token(tokens, "leipzig", "14713000"),
                "dresden": add_token(tokens, "dresden", "14612000"),
                "revoked": add_token(tokens, "revoked", "14713000")}
    subprocess.run([sys.executable, "-m", "kg", "token", "revoke", "revoked", "--tokens-file",
                    str(tokens)], cwd=ROOT, check=True, capture_output=True, timeout=120)
    server = start_server(copy.store, *copy.options, "--tokens-file", str(tokens),
                          "--max-upload-bytes", "200000", "--query-workers", "1", timeout=120)
    server.tokens = secrets_
    server.tokens["admin"] = read_record(str(copy.local)).token
    server.copy = copy
    server.workspace = Path(str(copy.local) + ".submissions")
    yield server
    stop_server(server)
    release(copy)


def state(site) -> dict:
    """What a refused request must leave as it was: the published data, every submission's
    record, and the kept files."""
    _, _, health = call(site, "GET", "health")
    _, _, listing = call(site, "GET", "api/submissions", site.tokens["admin"])
    files = sorted(str(p.relative_to(site.workspace)) for p in site.workspace.rglob("*")
                   if p.is_file() and p.name != "audit.jsonl") if site.workspace.exists() else []
    health = json.loads(health)
    return {"triples": health["published_triples"], "graphs": health["published_graphs"],
            "records": json.loads(listing)["submissions"], "files": files}


def turtle(site, path: str) -> str:
    status, _, body = call(site, "GET", path, accept="text/turtle")
    assert status == 200, (path, status)
    return body.decode()


def audit(site) -> list[dict]:
    return [json.loads(line) for line in
            (site.workspace / "audit.jsonl").read_text().splitlines() if line.strip()]


@pytest.mark.parametrize("token, why", [(None, "need a token"), ("wrong", "not valid"),
                                        ("revoked", "not valid")])
def test_no_wrong_or_revoked_token_is_a_401_that_changes_nothing(site, token, why):
    before = state(site)
    secret = site.tokens.get(token, token)
    status, headers, body = call(site, "POST", "api/submissions", secret, files=package("leipzig"))
    assert status == 401
    assert headers["WWW-Authenticate"].startswith("Bearer")
    assert why in json.loads(body)["message"]
    assert state(site) == before


def test_out_of_scope_is_a_403_naming_the_first_thing(site):
    before = state(site)
    status, _, body = call(site, "POST", "api/submissions?lang=de", site.tokens["dresden"],
                           files=package("leipzig"))
    assert status == 403
    error = json.loads(body)
    # the first thing the package describes: advisory-bodies.csv comes first
    assert error["detail"]["thing"] == BODY
    assert BODY in error["message"] and "Bereichs" in error["message"]
    assert state(site) == before


@pytest.mark.parametrize("files, content_type, body, status", [
    (None, "text/turtle", b"", 400),  # nothing sent
    ([("plans.csv", b"key,label\n1,2\n")], None, None, 400),  # matches no template
    ([("data.xyz", b"hello")], None, None, 415),  # a format not read here
    ([("big.ttl", b"#" * 250_000)], None, None, 413),  # over --max-upload-bytes
])
def test_unusable_input_is_refused_like_validation_and_changes_nothing(site, files, content_type,
                                                                        body, status):
    before = state(site)
    got, _, answer = call(site, "POST", "api/submissions", site.tokens["leipzig"], files=files,
                          body=body, content_type=content_type)
    assert got == status, answer
    assert json.loads(answer)["message"]
    assert state(site) == before


def test_a_new_package_that_does_not_conform_leaves_only_an_audit_line(site):
    before = state(site)
    logged = len(audit(site)) if (site.workspace / "audit.jsonl").exists() else 0
    bad = [(name, data.replace(b"integration-concept", b"no-such-kind"))
           for name, data in package("leipzig")]
    status, headers, body = call(site, "POST", "api/submissions?lang=de", site.tokens["leipzig"],
                                 files=bad)
    assert status == 422, body
    answer = json.loads(body)
    assert answer["report"]["conforms"] is False and answer["report"]["counts"]["Violation"]
    assert answer["id"] is None and answer["version"] is None and "Location" not in headers
    assert "nichts aufbewahrt" in answer["message"]
    # no record, no kept files, no journal entry left (state lists every file but the
    # audit log), the published data as they were
    assert state(site) == before
    # what the audit needs: who, when, the files' checksums, how many triples, the shapes'
    # version and the counts; no submission, no file names, no data, no token
    (line,) = audit(site)[logged:]
    assert line["op"] == "refuse" and line["submission"] is None and line["by"] == "leipzig"
    assert line["sha256"] == [hashlib.sha256(data).hexdigest() for _, data in bad]
    assert line["triples"] > 0 and line["counts"]["Violation"] == answer["report"]["counts"]["Violation"]
    assert line["shapes_version"].startswith("sha256:")
    text = json.dumps(line)
    assert all(name not in text for name, _ in bad) and "Leipzig" not in text
    assert all(secret not in text for secret in site.tokens.values())


def test_leipzig_submits_replaces_and_withdraws(site):
    token = site.tokens["leipzig"]
    before = state(site)

    # -- accept ------------------------------------------------------------------------
    status, headers, body = call(site, "POST", "api/submissions", token, files=package("leipzig"))
    assert status == 201, body
    answer = json.loads(body)
    sid = answer["id"]
    assert headers["Location"].endswith(f"/api/submissions/{sid}")
    assert answer["status"] == "accepted" and answer["report"]["conforms"]
    assert answer["municipalities"] == ["14713000"]
    graph = GRAPH + sid
    assert answer["graph"] == graph
    data = turtle(site, f"graph/submission/{sid}")
    for name, content in package("leipzig"):
        assert name in data
        assert __import__("hashlib").sha256(content).hexdigest() in data
    assert "prov:wasAttributedTo" in data and '"leipzig"' in data
    assert re.search(r'"sha256:[0-9a-f]{64}"', data), "the version of the shapes"
    assert state(site)["triples"] > before["triples"]
    # the municipality's page shows the submitted statements with their sources
    status, _, page = call(site, "GET", "id/municipality/14713000?lang=en", accept="text/html")
    assert status == 200
    assert "Der-Stadtrat-tagte-Integrationskonzept-fuer-Migrant-innen-beschlossen-314703" in page.decode()
    # and the query catalogue names the graph and the submission that brought them in
    _, _, rows = call(site, "GET", f"api/queries/cq12?municipality={LEIPZIG}")
    brought = {(r["graph"], r["submission"]) for r in json.loads(rows)["rows"]
               if r.get("graph") == graph}
    assert brought == {(graph, f"https://w3id.org/integration-kg/id/submission/{sid}/v1")}
    assert turtle(site, "id/citation/csv-advisory-bodies-14713000-migrantenbeirat-der-stadt-leipzig")
    kept = site.workspace / sid / "1"
    assert sorted(e["name"] for e in json.loads((kept / "manifest.json").read_text())) == \
        ["advisory-bodies.csv", "plans.csv"]

    # -- a bad replacement loses nothing -------------------------------------------------
    published = state(site)
    bad = [("plans.csv", (FIXTURES / "leipzig" / "plans.csv").read_bytes()
            .replace(b"integration-concept", b"no-such-kind"))]
    status, headers, body = call(site, "PUT", f"api/submissions/{sid}", token, files=bad)
    assert status == 422, body
    rejected = json.loads(body)
    assert rejected["report"]["conforms"] is False and rejected["report"]["counts"]["Violation"]
    assert rejected["messages"]["de"]
    assert state(site)["triples"] == published["triples"]
    assert turtle(site, f"graph/submission/{sid}") == data  # still version 1, unchanged
    assert (site.workspace / sid / "2" / "files" / "0").read_bytes() == bad[0][1]  # kept anyway
    status, _, report = call(site, "GET", f"api/submissions/{sid}/versions/2/report", token)
    assert status == 200 and json.loads(report)["conforms"] is False

    # -- replace -------------------------------------------------------------------------
    status, _, body = call(site, "PUT", f"api/submissions/{sid}", token, files=package("leipzig-v2"))
    assert status == 200, body
    replaced = json.loads(body)
    assert replaced["current_version"] == 3
    new = turtle(site, f"graph/submission/{sid}")
    assert f"prov:wasRevisionOf <{GRAPH}{sid}/v1>" in new
    assert LATER_PLAN_CITATION in new and BODY_CITATION not in new
    status, _, _ = call(site, "GET", "id/citation/csv-advisory-bodies-14713000-migrantenbeirat-der-stadt-leipzig",
                        accept="text/turtle")
    assert status == 404  # only version 1 said it, and version 1 is no longer published
    states = {v["version"]: v["state"] for v in replaced["history"]}
    assert states == {1: "superseded", 2: "rejected", 3: "published"}

    # -- withdraw ------------------------------------------------------------------------
    status, _, body = call(site, "DELETE", f"api/submissions/{sid}", token)
    assert status == 200, body
    assert json.loads(body)["status"] == "withdrawn"
    assert call(site, "GET", f"graph/submission/{sid}", accept="text/turtle")[0] == 404
    assert call(site, "GET", "id/citation/" + LATER_PLAN_CITATION.rsplit("/", 1)[1],
                accept="text/turtle")[0] == 404
    # the shipped data still say what the submission said too
    assert "Migrantenbeirat der Stadt Leipzig" in turtle(site, "id/body/14713000-migrantenbeirat-der-stadt-leipzig")
    assert state(site)["triples"] == before["triples"]
    status, _, body = call(site, "GET", f"api/submissions/{sid}", token)
    history = {v["version"]: v["state"] for v in json.loads(body)["history"]}
    assert history == {1: "superseded", 2: "rejected", 3: "withdrawn"}
    assert call(site, "DELETE", f"api/submissions/{sid}", token)[0] == 409

    # -- the record of all of it, without tokens ------------------------------------------
    ops = [(e["op"], e.get("version")) for e in audit(site) if e["submission"] == sid]
    assert ops == [("accept", 1), ("reject", 2), ("replace", 3), ("withdraw", 3)]
    log = (site.workspace / "audit.jsonl").read_text()
    assert all(secret not in log for secret in site.tokens.values())


def test_other_tokens_do_not_see_or_change_leipzigs_submissions(site):
    token = site.tokens["leipzig"]
    status, _, body = call(site, "POST", "api/submissions", token, files=package("leipzig"))
    assert status == 201
    sid = json.loads(body)["id"]
    _, _, listing = call(site, "GET", "api/submissions", site.tokens["dresden"])
    assert sid not in {r["id"] for r in json.loads(listing)["submissions"]}
    assert call(site, "GET", f"api/submissions/{sid}", site.tokens["dresden"])[0] == 404
    assert call(site, "DELETE", f"api/submissions/{sid}", site.tokens["dresden"])[0] == 404
    assert call(site, "GET", f"graph/submission/{sid}", accept="text/turtle")[0] == 200
    _, _, listing = call(site, "GET", "api/submissions", token)
    assert sid in {r["id"] for r in json.loads(listing)["submissions"]}


def test_the_command_line_goes_through_the_running_server(site, tmp_path):
    def kg(*args):
        return subprocess.run([sys.executable, "-m", "kg", *args, "--store", site.copy.store,
                               *site.copy.options, "--root", str(ROOT)], cwd=ROOT, capture_output=True, text=True,
                              timeout=300, env={**__import__("os").environ,
                                                "KG_TOKEN": site.tokens["leipzig"]})

    # A file name no other submission has: it is in the provenance, so it shows where the
    # submission's traces are.
    marker = f"erase-me-{secrets.token_hex(6)}"
    files = []
    for path in sorted((FIXTURES / "leipzig").iterdir()):
        files.append(tmp_path / f"{marker}-{path.name}")
        files[-1].write_bytes(path.read_bytes())
    submitted = kg("submit", *(str(p) for p in files))
    assert submitted.returncode == 0, submitted.stderr
    sid = re.search(r"submission (\d{8}-[0-9a-f]{8})", submitted.stdout).group(1)
    listed = kg("submissions")
    assert listed.returncode == 0 and sid in listed.stdout
    withdrawn = kg("withdraw", sid)
    assert withdrawn.returncode == 0, withdrawn.stderr
    shown = json.loads(kg("submissions", sid).stdout)
    assert shown["status"] == "withdrawn"
    assert [v["state"] for v in shown["history"]] == ["withdrawn"]

    # published again (a new submission of the same files), and in the public dumps
    again = kg("submit", *(str(p) for p in files))
    assert again.returncode == 0, again.stderr
    second = re.search(r"submission (\d{8}-[0-9a-f]{8})", again.stdout).group(1)
    assert call(site, "GET", "dumps/dataset.trig", accept="*/*")[0] == 200
    # A remote server's own files are its business (what it keeps of dropped graphs, until it
    # compacts, too); ours are beside the local store.
    places = [Path(str(site.copy.local) + suffix) for suffix in ("", ".checkpoints", ".dumps",
                                                                 ".submissions")]

    def traces() -> list[str]:
        return [str(p) for place in places for p in place.rglob("*")
                if p.is_file() and marker.encode() in p.read_bytes()]

    assert any(".dumps" in t for t in traces()) and any(".submissions" in t for t in traces())
    # the operator erases both: data, history, files, dumps and checkpoints let go of them
    for target in (sid, second):
        erased = subprocess.run([sys.executable, "-m", "kg", "erase", target, "--reason",
                                 "test of the right to erasure", "--store", site.copy.store,
                                 *site.copy.options],
                                cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert erased.returncode == 0, erased.stderr
        assert not (site.workspace / target).exists()
    assert traces() == []
    assert call(site, "GET", f"graph/submission/{second}", accept="text/turtle")[0] == 404
    _, _, body = call(site, "GET", f"api/submissions/{sid}", site.tokens["admin"])
    record = json.loads(body)
    assert record["status"] == "erased" and record["reason"] == "test of the right to erasure"
    assert "history" not in record
    assert [e["op"] for e in audit(site) if e["submission"] == sid] == ["accept", "withdraw", "erase"]
    assert marker not in (site.workspace / "audit.jsonl").read_text()
    # the server goes on answering from the rewritten store
    assert call(site, "GET", "id/municipality/14713000?lang=en", accept="text/html")[0] == 200


def test_the_page_for_stewards(site):
    boundary = "pagetest"
    fields = [("token", site.tokens["leipzig"].encode()), ("action", b"submit")]
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n'.encode() + v + b"\r\n"
             for k, v in fields]
    parts += [f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{n}"\r\n\r\n'
              .encode() + d + b"\r\n" for n, d in package("leipzig")]
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    status, _, page = call(site, "POST", "submit?lang=de", body=body, accept="text/html",
                           content_type=f"multipart/form-data; boundary={boundary}")
    text = page.decode()
    assert status == 201, text[:2000]
    assert 'data-accepted="true"' in text and "Angenommen und veröffentlicht" in text
    assert 'id="history"' in text and "veröffentlicht" in text
    status, _, page = call(site, "GET", "submit?lang=en", accept="text/html")
    assert status == 200 and "Submit data" in page.decode()
    status, _, page = call(site, "POST", "submit?lang=en", body=b"token=nope&action=list",
                           content_type="application/x-www-form-urlencoded", accept="text/html")
    assert status == 401 and "not valid" in page.decode()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_page_says_a_refused_package_was_neither_published_nor_kept(site, lang):
    from kg.i18n import ui

    before = state(site)
    boundary = "refusedtest"
    fields = [("token", site.tokens["leipzig"].encode()), ("action", b"submit")]
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n'.encode() + v + b"\r\n"
             for k, v in fields]
    parts += [f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{n}"\r\n\r\n'
              .encode() + d.replace(b"integration-concept", b"no-such-kind") + b"\r\n"
              for n, d in package("leipzig")]
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    status, _, page = call(site, "POST", f"submit?lang={lang}", body=body, accept="text/html",
                           content_type=f"multipart/form-data; boundary={boundary}")
    text = page.decode()
    assert status == 422, text[:2000]
    assert 'data-accepted="false"' in text and 'data-id=""' in text
    assert ui("submit_refused", lang) in text
    assert state(site) == before
