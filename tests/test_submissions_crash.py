"""Atomic and durable: a real `kg serve` ends itself at each named step of accept, reject (of a
replacement: a new package that does not conform is refused with nothing to make atomic),
replace, withdraw and erase (KG_CRASH_AT=op:step); after reconciliation (what the next start
does; for one step of each operation by actually starting `kg serve` again) the store, the kept
files and the journal agree, the operation happened entirely or not at all, and the submission
accepted before is intact: same status, same quads, same file checksums.

One store is built by `kg load` and gets one accepted submission (through the command line);
each case works on a copy of it. On the remote backend the store is an Oxigraph server and each
operation also ends between its staging graphs and the one update that moves them into place
(remote-store:after-staging, kg.store.remote): the restart drops the staging graphs, and the
operation did not happen.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest

from kg import iris
from kg.config import Settings
from kg.running import read_record
from kg.store.remote import STAGING_PREFIX
from kg.submissions import OPERATOR, Submissions
from kg.submissions.journal import CRASH_EXIT_CODE, STEPS
import remote_backend
from remote_backend import Site, copy_folder, copy_of, release
from support import ROOT, start_server, stop_server

FIXTURES = ROOT / "tests" / "fixtures" / "submissions"
CASES = [(op, step) for op, steps in STEPS.items() for step in steps]
# Between the journal's steps: the remote store's staging graphs are on the server, its one
# update has not run.
STAGED = "remote-store:after-staging"
if remote_backend.remote():
    CASES += [(op, STAGED) for op in STEPS]
# One step of each operation restarts a real `kg serve`, which reconciles as it starts.
SERVED = {("accept", "after-files"), ("reject", "after-store"), ("replace", "after-files"),
          ("withdraw", "after-journal"), ("erase", "after-store"),
          *((op, STAGED) for op in STEPS)}


def kg(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env={**__import__("os").environ, **(env or {})})


def settings_for(site: Site) -> Settings:
    return site.settings(tokens_file=str(site.folder / "tokens.json"))


def snapshot(site: Site) -> dict:
    """Every submission's record, its graphs' quad counts and its kept files' checksums."""
    opened = site.open()
    try:
        service = Submissions(opened, settings_for(site))
        records = {r.id: r for r in service.list(OPERATOR)}
        graphs = {g: opened.quad_count([g]) for g in opened.graphs()
                  if g.startswith(iris.SUBMISSIONS)}
        published = {g for g in opened.published_graphs() if g.startswith(iris.SUBMISSIONS)}
        triples = opened.stats().triples
    finally:
        opened.close()
    files = {str(p.relative_to(service.root)): hashlib.sha256(p.read_bytes()).hexdigest()
             for p in service.root.rglob("*") if p.is_file() and p.parent.name == "files"}
    return {"records": {k: (r.status, r.current, [u.n for u in r.uploads])
                        for k, r in records.items()},
            "graphs": graphs, "published": published, "files": files, "triples": triples}


def reconcile_and_check(site: Site) -> list[str]:
    opened = site.open()
    try:
        service = Submissions(opened, settings_for(site))
        service.reconcile()
        return service.check()
    finally:
        opened.close()


@pytest.fixture(scope="module")
def base(loaded_store_path, tmp_path_factory) -> Iterator[dict]:
    folder = tmp_path_factory.mktemp("crash-base")
    site = copy_of(loaded_store_path, folder)
    made = kg("token", "add", "leipzig", "--scope", "14713000", "--tokens-file",
              str(folder / "tokens.json"))
    token = made.stdout.strip()
    files = [str(p) for p in sorted((FIXTURES / "leipzig").iterdir())]
    submitted = kg("submit", *files, "--store", site.store, *site.options, "--root", str(ROOT),
                   "--tokens-file", str(folder / "tokens.json"), "--token", token)
    assert submitted.returncode == 0, submitted.stderr
    before = snapshot(site)
    (earlier,) = before["records"]
    yield {"site": site, "token": token, "earlier": earlier, "before": before}
    release(site)


def _send(url: str, op: str, earlier: str, token: str, admin: str) -> None:
    def files(folder: str, bad: bool = False) -> tuple[bytes, str]:
        parts = []
        for path in sorted((FIXTURES / folder).iterdir()):
            data = path.read_bytes().replace(b"integration-concept", b"no-such-kind") if bad \
                else path.read_bytes()
            parts.append(f'--b\r\nContent-Disposition: form-data; name="file"; '
                         f'filename="{path.name}"\r\n\r\n'.encode() + data + b"\r\n")
        return b"".join(parts) + b"--b--\r\n", "multipart/form-data; boundary=b"

    requests = {
        "accept": ("POST", "api/submissions", *files("leipzig-v2"), token),
        "reject": ("PUT", f"api/submissions/{earlier}", *files("leipzig-v2", bad=True), token),
        "replace": ("PUT", f"api/submissions/{earlier}", *files("leipzig-v2"), token),
        "withdraw": ("DELETE", f"api/submissions/{earlier}", None, None, token),
        "erase": ("POST", f"api/admin/submissions/{earlier}/erase",
                  json.dumps({"reason": "crash test"}).encode(), "application/json", admin),
    }
    method, path, body, content_type, secret = requests[op]
    headers = {"Authorization": f"Bearer {secret}"}
    if content_type:
        headers["Content-Type"] = content_type
    request = urllib.request.Request(url + path, data=body, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            raise AssertionError(f"the server answered {response.status} instead of ending")
    except (urllib.error.URLError, ConnectionError, OSError) as exc:
        if isinstance(exc, urllib.error.HTTPError):
            raise AssertionError(f"the server answered {exc.code}: {exc.read()[:500]!r}") from None


@pytest.mark.parametrize("op, step", CASES, ids=[f"{o}:{s}" for o, s in CASES])
def test_a_crash_at_each_step_leaves_everything_consistent(base, tmp_path, op, step):
    site = copy_folder(base["site"], tmp_path / "case")
    try:
        check_a_crash(base, site, op, step)
    finally:
        release(site)


def check_a_crash(base: dict, site: Site, op: str, step: str) -> None:
    options = [*site.options, "--tokens-file", str(site.folder / "tokens.json"),
               "--query-workers", "1"]
    crash_at = step if step == STAGED else f"{op}:{step}"
    server = start_server(site.store, *options, env={"KG_CRASH_AT": crash_at}, timeout=120)
    try:
        _send(server.url, op, base["earlier"], base["token"], read_record(str(site.local)).token)
        assert server.process.wait(timeout=120) == CRASH_EXIT_CODE
    finally:
        if server.process.poll() is None:
            stop_server(server)

    if step == STAGED:
        assert staging_graphs(site), "the staging graphs are there until the restart"
    if (op, step) in SERVED:
        restarted = start_server(site.store, *options, timeout=120)
        stop_server(restarted)
        opened = site.open()
        try:
            assert Submissions(opened, settings_for(site)).check() == []
        finally:
            opened.close()
    else:
        assert reconcile_and_check(site) == []
    if site.peer is not None:
        assert staging_graphs(site) == []

    after = snapshot(site)
    before, earlier = base["before"], base["earlier"]
    # Once journaled an erasure is finished; anything else counts from its store step on.
    committed = op == "erase" or step not in ("after-journal", "after-files", STAGED)
    new = set(after["records"]) - set(before["records"])
    if op == "accept":
        # the earlier submission is untouched, whatever happened to the new one
        assert after["records"][earlier] == before["records"][earlier]
        for graph, count in before["graphs"].items():
            assert after["graphs"][graph] == count
        assert {k: v for k, v in after["files"].items() if k.startswith(earlier)} == before["files"]
        if committed:
            (sid,) = new
            status = after["records"][sid][0]
            assert status == "accepted" and iris.submission_graph(sid) in after["published"]
        else:
            assert not new and after["graphs"] == before["graphs"]
            assert after["files"] == before["files"] and after["triples"] == before["triples"]
        return
    assert not new
    status = after["records"][earlier][0]
    if not committed:
        assert after == before
    elif op == "replace":
        assert after["records"][earlier] == ("accepted", 2, [1, 2])
        assert after["graphs"][iris.submission_version_graph(earlier, 1)] == \
            before["graphs"][iris.submission_version_graph(earlier, 1)]
    elif op == "reject":  # version 2 in the history, rejected; version 1 still published
        assert after["records"][earlier] == ("accepted", 1, [1, 2])
        data = {g: n for g, n in after["graphs"].items() if not g.endswith("/record")}
        assert data == {g: n for g, n in before["graphs"].items() if not g.endswith("/record")}
        assert after["published"] == before["published"]
    elif op == "withdraw":
        assert status == "withdrawn" and iris.submission_graph(earlier) not in after["published"]
        assert after["files"] == before["files"]
    else:  # erase: finished by the reconciliation, whatever step it stopped at
        assert status == "erased" and not after["files"]
        assert not any(g.startswith(iris.submission_graph(earlier)) and not g.endswith("/record")
                       for g in after["graphs"])
        assert after["triples"] < before["triples"]


def staging_graphs(site: Site) -> list[str]:
    """Asked of the Oxigraph server itself: the store never lists its staging graphs."""
    query = (f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
             f"FILTER(STRSTARTS(STR(?g), \"{STAGING_PREFIX}\")) }}")
    request = urllib.request.Request(site.store + "?" + urllib.parse.urlencode({"query": query}),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return [b["g"]["value"] for b in json.loads(response.read())["results"]["bindings"]]
