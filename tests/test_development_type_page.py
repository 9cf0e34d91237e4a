"""The development type on a municipality's page, from a real `kg serve` over a store that `kg load`
built from the shipped data: the type and every deciding fact that cq18 gives through /sparql, with
links to the facts' pages, labelled as this project's classification, in German and English."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

import pytest

from devtypes_rules import KINDS, NOT_ENOUGH, labels
from kg.catalog import load_catalog
from kg.i18n import ui
from test_pages import get, sparql

MUNICIPALITY = "https://w3id.org/integration-kg/id/municipality/"


class Section(HTMLParser):
    """The #development-type section: its data-type, text, and the data-iri and href of each fact
    by the data-kind of its <dd>."""

    def __init__(self) -> None:
        super().__init__()
        self.depth, self.kind, self.type = 0, None, None
        self.text: list[str] = []
        self.facts: dict[str, list[tuple[str, str | None]]] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth:
            self.depth += 1
        elif attrs.get("id") == "development-type":
            self.depth, self.type = 1, attrs.get("data-type")
        if not self.depth:
            return
        if tag == "dd":
            self.kind = attrs["data-kind"]
            self.facts[self.kind] = []
        elif "data-iri" in attrs and self.kind:
            self.facts[self.kind].append((attrs["data-iri"], attrs.get("href")))

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def section(html: str) -> Section:
    parser = Section()
    parser.feed(html)
    return parser


def cq18(server, ags: str) -> dict[str, str]:
    text = load_catalog().get("cq18").bind({"municipality": [MUNICIPALITY + ags], "date": date.today().isoformat()})
    [row] = sparql(server, text)
    return row


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("ags", ["14612000", "05913000"])  # Dresden is decided, Dortmund is not (cq18)
def test_the_page_shows_the_type_and_the_facts_cq18_gives(server, ags, lang):
    status, kind, html = get(server, f"id/municipality/{ags}", lang=lang)
    assert status == 200 and kind == "text/html"
    shown, row = section(html), cq18(server, ags)
    text = " ".join("".join(shown.text).split())
    assert ui("devtype_own_classification", lang) in text
    assert ui("devtype_heading", lang).format(date=date.today().isoformat()) in text
    assert shown.type == row.get("developmentType", "")
    label = labels()[row["developmentType"]][lang] if row.get("developmentType") else NOT_ENOUGH[lang]
    assert label == row["typeEn" if lang == "en" else "typeDe"] and label in text
    assert ui("devtype_intro" if shown.type else "devtype_not_enough_intro", lang) in text
    assert list(shown.facts) == list(KINDS)
    for kind in KINDS:
        expected = set(filter(None, row.get(kind, "").split("; ")))
        assert {iri for iri, _ in shown.facts[kind]} == expected, kind
        for iri, href in shown.facts[kind]:
            assert href == "/" + iri.removeprefix("https://w3id.org/integration-kg/") + f"?lang={lang}"
        if not expected:
            assert ui("devtype_none_recorded", lang) in text


def test_a_fact_link_leads_to_the_fact(server):
    shown = section(get(server, "id/municipality/14612000", lang="en")[2])
    iri, href = shown.facts["advisoryBodies"][0]
    status, _, html = get(server, href)
    assert status == 200 and iri in html
