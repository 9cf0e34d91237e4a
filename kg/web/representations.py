"""HTML for people or RDF for machines at one URL: the choice /ontology and the /id/… pages share."""

from __future__ import annotations

from kg.rdfio import RdfFormatInfo
from kg.web.conneg import negotiate
from kg.web.sparql import GRAPH_FORMATS, choose_format

HTML = "text/html"


def html_or_rdf(param: str | None, accept: str | None) -> RdfFormatInfo | None:
    """None for HTML, else the RDF format: by `format=` (html or an RDF format), else by Accept.

    One negotiation over one offer, HTML first (no Accept is a browser's case). text/plain,
    which N-Triples could claim, is left out: a browser's plain-text wish is not a wish for RDF.
    """
    if param:
        return None if param.lower() in ("html", HTML) else choose_format(param, graph_form=True)
    offered = [HTML] + [m for f in GRAPH_FORMATS for m in f.media_types if m != "text/plain"]
    chosen = negotiate(accept, offered)
    return None if chosen == HTML else next(f for f in GRAPH_FORMATS if chosen in f.media_types)
