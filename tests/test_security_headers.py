"""What pages show, against a real `kg serve`: security headers on every route, no inline script
a literal could become, literals escaped in pages and in the structure SVG, CSV cells that a
spreadsheet would run as formulas defused, and links built from the configured base URL, never
from the Host header a client sends.

The data are the fictional fixture (tests/fixtures/fictional) with hostile names put in: a
municipality named `=Altenbrück </script><script>alert(2)</script> ]]>`, one more thing whose
label is `<script>alert(3)</script> ]]> & "q"`.
"""

from __future__ import annotations

import csv
import html.parser
import io
import json
import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest

import remote_backend
from support import ROOT, Server, start_server, stop_server

FIXTURE = ROOT / "tests" / "fixtures" / "fictional" / "fixture.ttl"
MUNICIPALITY = "https://w3id.org/integration-kg/id/municipality/"
HOSTILE_NAME = "=Altenbrück </script><script>alert(2)</script> ]]>"
HOSTILE_THING = "https://w3id.org/integration-kg/id/organisation/hostile-test"
HOSTILE_LABEL = '<script>alert(3)</script> ]]> & "q"'
EVIL = "evil.example"


def hostile_project(folder) -> None:
    """The fixture, its two fictional cities given municipality IRIs (so that their pages and
    pictures exist) and the first a hostile name."""
    (folder / "data").mkdir()
    (folder / "ontology").symlink_to(ROOT / "ontology")
    (folder / "shapes").symlink_to(ROOT / "shapes")
    text = FIXTURE.read_text(encoding="utf-8")
    text = re.sub(r"f:altenbrueck(?=[ ;.,])", f"<{MUNICIPALITY}91001000>", text)
    text = re.sub(r"f:neuwerder(?=[ ;.,])", f"<{MUNICIPALITY}91002000>", text)
    text = text.replace('rdfs:label "Altenbrück"@de', f'rdfs:label "{HOSTILE_NAME}"@de')
    escaped = HOSTILE_LABEL.replace('"', '\\"')
    text += f'\n<{HOSTILE_THING}> a org:Organization ; rdfs:label "{escaped}"@de .\n'
    (folder / "data" / "fixture.ttl").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-project")
    hostile_project(folder)
    return folder


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, project) -> Iterator[Server]:
    site = remote_backend.project_site(tmp_path_factory.mktemp("hostile"), project)
    server = start_server(site.store, *site.options)
    yield server
    stop_server(server)
    remote_backend.release(site)


def fetch(server: Server, path: str, **headers: str) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(server.url + path.lstrip("/"), headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


ROUTES = ["/", "/health", "/sparql", "/query", "/queries", "/search?q=Altenbr",
          "/id/municipality/91001000", "/id/municipality/91001000/structure.svg",
          "/compare?ags=91001000&ags=91002000", "/compare.csv?ags=91001000&ags=91002000",
          "/.well-known/void", "/api/openapi.json", "/static/site.css", "/validate",
          "/no/such/page", "/sparql?query=SELEC", "/api/admin/dump"]


@pytest.mark.parametrize("accept", ["text/html", "application/json"])
def test_every_route_sends_the_security_headers(hostile, accept):
    for path in ROUTES:
        status, headers, _ = fetch(hostile, path, Accept=accept)
        assert status < 500, path
        policy = headers.get("Content-Security-Policy", "")
        directives = dict((d.strip().split(" ", 1) + [""])[:2] for d in policy.split(";"))
        assert directives.get("script-src") == "'self'", (path, policy)
        assert directives.get("frame-ancestors") == "'none'", (path, policy)
        assert directives.get("object-src") == "'none'", (path, policy)
        assert headers.get("X-Content-Type-Options") == "nosniff", path
        assert headers.get("X-Frame-Options") == "DENY", path
        assert headers.get("Referrer-Policy") in ("no-referrer", "strict-origin"), path


class Scripts(html.parser.HTMLParser):
    """Each <script>'s attributes, and every inline event handler (on…=)."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict] = []
        self.handlers: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script":
            self.scripts.append(attributes)
        self.handlers += [f"{tag} {name}" for name in attributes if name.startswith("on")]


PAGES = ["/", "/query", "/queries", "/compare?ags=91001000&ags=91002000",
         "/id/municipality/91001000", "/id/organisation/hostile-test", "/search?q=Altenbr",
         "/validate", "/no/such/page"]


def test_no_page_holds_a_script_the_policy_would_have_to_allow_inline(hostile):
    for path in PAGES:
        _, _, body = fetch(hostile, path, Accept="text/html")
        parser = Scripts()
        parser.feed(body.decode("utf-8"))
        assert parser.handlers == [], path
        for script in parser.scripts:
            # Either a file of this site, or data that no browser runs.
            assert script.get("src", "").startswith("/static/") or script.get("type") in (
                "application/json", "application/ld+json"), (path, script)


def test_literals_are_escaped_in_pages(hostile):
    _, _, body = fetch(hostile, "/id/organisation/hostile-test", Accept="text/html")
    page = body.decode("utf-8")
    assert "alert(3)" in page  # the label is shown …
    assert "<script>alert(3)" not in page  # … but never as markup
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert json.loads(block.group(1))["name"] == HOSTILE_LABEL  # the data block reads the same
    _, _, body = fetch(hostile, "/id/municipality/91001000", Accept="text/html")
    page = body.decode("utf-8")
    assert "&lt;/script&gt;&lt;script&gt;alert(2)" in page
    assert "<script>alert(2)" not in page and "</script><script>" not in page


def test_literals_are_escaped_in_the_structure_svg(hostile):
    status, headers, body = fetch(hostile, "/id/municipality/91001000/structure.svg")
    assert status == 200 and headers["Content-Type"].startswith("image/svg+xml")
    root = ET.fromstring(body)  # well-formed despite "]]>" and "</script>"
    texts = " ".join(root.itertext())
    assert HOSTILE_NAME.lstrip("=") in texts
    assert not [e for e in root.iter() if e.tag.rsplit("}", 1)[-1] in ("script", "foreignObject")]


def test_compare_csv_defuses_formulas_in_every_cell(hostile):
    status, _, body = fetch(hostile, "/compare.csv?ags=91001000&ags=91002000")
    assert status == 200
    cells = [cell for row in csv.reader(io.StringIO(body.decode("utf-8"))) for cell in row]
    assert any(HOSTILE_NAME in cell for cell in cells)
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_the_host_header_is_never_reflected(hostile):
    for path, accept in (("/.well-known/void", "text/turtle"), ("/sparql", "text/turtle"),
                         ("/sparql", "text/html"), ("/query", "text/html"), ("/", "text/html"),
                         ("/api/queries", "application/json"),
                         ("/sparql?query=ASK%7B%7D", "text/html")):
        status, headers, body = fetch(hostile, path, Host=EVIL, Accept=accept)
        assert status < 500, path
        assert EVIL not in body.decode("utf-8"), path
        assert EVIL not in headers.get("Location", ""), path
    _, _, body = fetch(hostile, "/.well-known/void", Host=EVIL, Accept="text/turtle")
    assert f"<{hostile.url}sparql>" in body.decode("utf-8")


def test_links_use_the_configured_base_url(tmp_path, project):
    base = "https://kg.example.org/"
    site = remote_backend.project_site(tmp_path, project)
    server = start_server(site.store, *site.options, "--base-url", base)
    try:
        _, _, void = fetch(server, "/.well-known/void", Host=EVIL, Accept="text/turtle")
        assert f"<{base}sparql>" in void.decode("utf-8")
        _, _, page = fetch(server, "/query", Host=EVIL, Accept="text/html")
        page = page.decode("utf-8")
        assert (base + "sparql") in page.replace("\\/", "/") and EVIL not in page
    finally:
        stop_server(server)
        remote_backend.release(site)
