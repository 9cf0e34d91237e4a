"""A Strukturbild's cited source becomes a link on the city page only when it is a web address
(http or https): an IRI such as `javascript:alert(1)` is shown as text, never put into href.
On a store built here of a made-up municipality (AGS 99999999, example.org sources: no real
place), served by the app with its real worker pool."""

from __future__ import annotations

from html.parser import HTMLParser

import pyoxigraph as ox
import pytest

from kg import iris
from kg.store import GraphLoad
from kg.web import QUERY_RUNNER_KEY, create_app
from remote_backend import open_store, own_store, release, settings_on

AGS = "99999999"
EVIL = "javascript:alert(1)"
GOOD = "https://example.org/fictional/strukturbild-source"
TURTLE = f"""
@prefix ikg: <https://w3id.org/integration-kg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<{iris.municipality_iri(AGS)}> a ikg:Municipality ; ikg:ags "{AGS}" ;
    rdfs:label "Fiktivstadt"@de ; ikg:inLand <https://example.org/fictional/land> ;
    ikg:statedIn [ ikg:citedSource <{EVIL}> ] .
<https://example.org/fictional/land> ikg:officialName "Fiktivland" .
<https://example.org/fictional/strukturbild> a ikg:Strukturbild ; rdfs:label "Fiktives Bild"@de ;
    ikg:municipality <{iris.municipality_iri(AGS)}> ;
    ikg:statedIn [ ikg:citedSource <{EVIL}> ] , [ ikg:citedSource <{GOOD}> ] .
"""


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []  # the links inside the sources (<dd class="source">)
        self.sources: list[str] = []  # the text of each
        self._in_source = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self._in_source and "href" in attrs:
            self.hrefs.append(attrs["href"])
        if tag == "dd" and attrs.get("class") == "source":
            self._in_source = True
            self.sources.append("")

    def handle_endtag(self, tag):
        if tag == "dd":
            self._in_source = False

    def handle_data(self, data):
        if self._in_source:
            self.sources[-1] += data


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("source-links")
    path = own_store(folder)
    store = open_store(path, folder / "state")
    triples = list(ox.parse(TURTLE.encode(), format=ox.RdfFormat.TURTLE))
    store.replace_graphs([GraphLoad("https://example.org/fictional/graph", triples, source="test")])
    app = create_app(settings_on(path, folder / "state", query_workers=1), store=store)
    yield app.test_client()
    app.extensions[QUERY_RUNNER_KEY].close()
    store.close()
    release(path)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_only_web_addresses_among_the_sources_become_links(client, lang):
    response = client.get(f"/id/municipality/{AGS}?lang={lang}")
    assert response.status_code == 200, response.data[:500]
    page = _Links()
    page.feed(response.get_data(as_text=True))
    assert sorted(s.strip() for s in page.sources) == sorted([EVIL, GOOD])  # both are shown
    assert page.hrefs == [GOOD]


class _AllLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.hrefs += [value for name, value in attrs if name == "href" and value]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_no_link_on_the_city_page_leads_to_a_script(client, lang):
    """The statements' sources and the values' sources as well (municipality.html, _values.html)."""
    response = client.get(f"/id/municipality/{AGS}?lang={lang}")
    text = response.get_data(as_text=True)
    page = _AllLinks()
    page.feed(text)
    assert page.hrefs and not [h for h in page.hrefs if h.strip().lower().startswith("javascript:")]
    assert text.count(EVIL) >= 2  # shown as text where it is cited
