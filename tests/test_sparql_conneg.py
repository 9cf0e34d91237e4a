"""The content-negotiation table: Accept header + offered types -> chosen type, or 406."""

from __future__ import annotations

import pytest

from kg.errors import NotAcceptable
from kg.web.conneg import negotiate

TABLE = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv",
         "text/tab-separated-values"]
RDF = ["text/turtle", "application/ld+json", "text/html", "application/n-triples"]


@pytest.mark.parametrize("accept,offered,chosen", [
    (None, TABLE, "application/sparql-results+json"),
    ("", TABLE, "application/sparql-results+json"),
    ("*/*", TABLE, "application/sparql-results+json"),
    ("text/csv", TABLE, "text/csv"),
    ("TEXT/CSV", TABLE, "text/csv"),
    ("text/*", TABLE, "text/csv"),
    ("text/*;q=0.5, application/sparql-results+xml", TABLE, "application/sparql-results+xml"),
    ("application/sparql-results+json;q=0.2, text/tab-separated-values;q=0.9", TABLE,
     "text/tab-separated-values"),
    ("text/csv;q=0, */*;q=0.1", TABLE, "application/sparql-results+json"),
    ("text/*;q=0.9, text/csv;q=0.1", TABLE, "text/tab-separated-values"),
    ("application/sparql-results+xml; charset=utf-8", TABLE, "application/sparql-results+xml"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", RDF, "text/html"),
    ("application/ld+json, text/turtle", RDF, "text/turtle"),  # equal q: our preference
    ("application/ld+json;q=1.0, text/turtle;q=0.99", RDF, "application/ld+json"),
    ("garbage", RDF, "text/turtle"),  # nothing readable: as if no Accept was sent
    ("text/turtle;q=bad, application/n-triples", RDF, "application/n-triples"),
    ("text/html;level=1;q=0.5, text/turtle;q=0.4", RDF, "text/html"),
    ("text/*, application/ld+json", RDF, "application/ld+json"),  # the more specific range
    ("*/*;q=0.1, application/n-triples;q=0.1", RDF, "application/n-triples"),
])
def test_negotiate(accept, offered, chosen):
    assert negotiate(accept, offered) == chosen


@pytest.mark.parametrize("accept,offered", [
    ("image/png", TABLE),
    ("text/turtle", TABLE),
    ("text/csv;q=0", TABLE),
    ("application/*;q=0, text/*;q=0", TABLE),
])
def test_negotiate_406_lists_what_is_offered(accept, offered):
    with pytest.raises(NotAcceptable) as info:
        negotiate(accept, offered)
    assert info.value.status == 406
    assert info.value.detail["offered"] == offered
    assert all(m in info.value.message for m in offered)
    assert info.value.text("de").startswith(f"Keiner der Medientypen in Accept: {accept} ist "
                                            "hier verfügbar. Angeboten: ")
