"""Secrets land in owner-only files whatever was there before; `kg load` drops graphs only when
told to; a command's errors are one line and an exit code, never a traceback.

Measured before (issue 16, finding 6): the token file kept an existing file's mode and followed
a symlink (the token landed in 0644 and 0666 files); `kg load --root` on a partial tree
silently dropped 14 graphs with exit 0; `kg load` printed a traceback and exited 1 when the
server closed the connection although the load had committed.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import threading
import urllib.parse
from pathlib import Path

import pytest

from kg.running import ServerRecord, read_record, record_path, write_record
from kg.submissions import TokenBook
from support import ROOT, start_server, stop_server

TTL = '@prefix ex: <https://example.org/fictional/> .\nex:town ex:name "{}" .\n'


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_the_tokens_file_is_0600_over_a_loose_existing_file(tmp_path):
    path = tmp_path / "tokens.json"
    path.write_text('{"tokens": []}')
    path.chmod(0o666)
    book = TokenBook(path)
    secret = book.add("amt", ["14612000"])
    assert mode(path) == 0o600 and book.authenticate(secret).name == "amt"
    assert [p.name for p in tmp_path.iterdir()] == ["tokens.json"]  # no temporary left


def test_the_tokens_file_never_writes_through_a_symlink(tmp_path):
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text('{"tokens": []}')
    elsewhere.chmod(0o644)
    path = tmp_path / "tokens.json"
    path.symlink_to(elsewhere)
    TokenBook(path).add("amt", ["*"])
    assert not path.is_symlink() and mode(path) == 0o600
    assert elsewhere.read_text() == '{"tokens": []}' and mode(elsewhere) == 0o644


def test_the_server_record_is_0600_and_never_follows_a_symlink(tmp_path):
    store = str(tmp_path / "store")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_text("")
    elsewhere.chmod(0o666)
    record_path(store).symlink_to(elsewhere)
    write_record(store, ServerRecord("http://127.0.0.1:1/", os.getpid(), "secret-token"))
    path = record_path(store)
    assert not path.is_symlink() and mode(path) == 0o600
    assert elsewhere.read_text() == ""
    assert read_record(store).token == "secret-token"


@pytest.fixture
def project(tmp_path):
    (tmp_path / "project" / "data").mkdir(parents=True)
    for name, town in (("towns", "Musterstadt"), ("villages", "Beispieldorf")):
        (tmp_path / "project" / "data" / f"{name}.ttl").write_text(TTL.format(town))
    return tmp_path / "project"


def store_options(site) -> list[str]:
    return ["--store", site.store, *site.options]


def test_load_of_a_partial_tree_keeps_what_it_lacks_unless_pruned(empty_site, project):
    store = store_options(empty_site)
    assert kg("load", *store, "--root", str(project)).returncode == 0
    (project / "data" / "villages.ttl").unlink()
    out = kg("load", *store, "--root", str(project))
    assert out.returncode == 0, out.stderr
    assert "0 graph(s) of removed files dropped" in out.stdout
    assert "Kept 1 graph(s)" in out.stderr and "graph/data/villages" in out.stderr
    assert "--prune" in out.stderr
    dump = kg("dump", *store).stdout
    assert "Beispieldorf" in dump
    out = kg("load", *store, "--root", str(project), "--prune")
    assert out.returncode == 0 and "1 graph(s) of removed files dropped" in out.stdout
    assert "Beispieldorf" not in kg("dump", *store).stdout


class CuttingProxy:
    """Passes one request on to the real server, reads its whole answer, and closes the
    client's connection without sending it: a proxy or network that fails after the work."""

    def __init__(self, upstream: str) -> None:
        parts = urllib.parse.urlsplit(upstream)
        self.upstream = (parts.hostname, parts.port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/"
        self.answered = threading.Event()
        threading.Thread(target=self._serve_one, daemon=True).start()

    def _serve_one(self) -> None:
        client, _ = self.listener.accept()
        with client, socket.create_connection(self.upstream, timeout=60) as server:
            data = b""
            while b"\r\n\r\n" not in data:
                data += client.recv(65536)
            head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").lower()
            length = int(next(line.split(":", 1)[1] for line in head.split("\r\n")
                              if line.startswith("content-length:")))
            while len(data) - len(head) - 4 < length:
                data += client.recv(65536)
            server.sendall(data)
            answer = b""
            while chunk := server.recv(65536):  # urllib asks for Connection: close
                answer += chunk
            self.answered.set()
        self.listener.close()


def test_load_cut_off_after_the_server_committed_is_one_line_and_exit_3(empty_site, project):
    store, local = store_options(empty_site), str(empty_site.local)
    assert kg("load", *store, "--root", str(project)).returncode == 0
    server = start_server(empty_site.store, *empty_site.options)
    try:
        record = read_record(local)
        proxy = CuttingProxy(server.url)
        write_record(local, ServerRecord(proxy.url, record.pid, record.token))
        (project / "data" / "more.ttl").write_text(TTL.format("Neustadt"))
        out = kg("load", *store, "--root", str(project))
        assert proxy.answered.wait(10)
        assert out.returncode == 3, out.stderr
        assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1
        assert "closed the connection" in out.stderr and "may have completed" in out.stderr
        write_record(local, record)
        # The load did commit: the server publishes the new file's triple.
        dumped = kg("dump", *store).stdout
        assert "Neustadt" in dumped
    finally:
        stop_server(server)


def test_an_operating_system_error_is_one_line(tmp_path, project, empty_site):
    blocker = tmp_path / "store"
    blocker.write_text("a file where a folder should be")
    if not empty_site.options:  # the embedded store's folder is that file
        out = kg("load", "--store", str(blocker), "--root", str(project))
    else:  # a remote store keeps no folder here: a dump into a folder that is that file
        assert kg("load", *store_options(empty_site), "--root", str(project)).returncode == 0
        out = kg("dump", *store_options(empty_site), "-o", str(blocker / "dump.nq"))
    assert out.returncode == 2
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1
