"""/query: the SPARQL editor page. It runs nothing itself: the page's script sends the query to
/sparql (kg.web.sparql), as any SPARQL client would, and draws the answer.

What the page is handed: the catalogue's queries as examples (parameters bound to their
defaults), and what the editor completes: our prefixes and the classes and properties the
published graphs declare, named in the page's language.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template, request, url_for

from kg import iris
from kg.catalog import Query
from kg.dumps.state import publication_state
from kg.i18n import best_text
from kg.results import RESULT_FORMATS
from kg.vocabulary import Term, declared_terms
from kg.web.context import get_select, get_store, request_language
from kg.web.queries import public_catalog
from kg.web.sparql import GRAPH_FORMATS, TRUNCATED_HEADER, endpoint_url

bp = Blueprint("editor", __name__)

TERMS_KEY = "kg.editor_terms"
# What the editor holds when the URL names no query: short, quick, and shows our prefix at work.
DEFAULT_QUERY = """PREFIX ikg: <https://w3id.org/integration-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?municipality ?name
WHERE {
  ?municipality a ikg:Municipality ;
                rdfs:label ?name .
  FILTER (LANG(?name) = "de")
}
ORDER BY ?name
LIMIT 100
"""
# Where our IRIs are shown on this server (kg.iris.local_path): the page links them there.
LOCAL_NAMESPACES = (iris.ID, iris.GRAPH, iris.BASE + "ontology", iris.SHAPES)


@bp.get("/query")
def page() -> Response:
    lang = request_language()
    query = request.args.get("query", "")
    given = bool(query.strip())
    response = Response(render_template(
        "query_editor.html", lang=lang, query=query if given else DEFAULT_QUERY,
        endpoint=endpoint_url(),
        examples=[example(q, lang) for q in public_catalog()],
        setup={"endpoint": url_for("sparql.endpoint"),
               "page": url_for("editor.page"),
               "lang": lang,
               "run": given and request.args.get("run") == "1",
               "base": iris.BASE,
               "local": list(LOCAL_NAMESPACES),
               "prefixes": iris.PREFIXES,
               "root": request.script_root,
               "tableFormats": [[f.name, f.extension] for f in RESULT_FORMATS],
               "graphFormats": [[f.name, f.extensions[0]] for f in GRAPH_FORMATS],
               "truncatedHeader": TRUNCATED_HEADER,
               "completions": completions(lang)}),
        content_type="text/html; charset=utf-8")
    response.vary.add("Accept-Language")
    return response


def example(query: Query, lang: str) -> dict[str, str]:
    """A catalogue query as the editor loads it: defaults bound (a required parameter its example),
    its `#+` header left out (the catalogue page shows title and description)."""
    text = query.bind({**{p.name: p.default for p in query.params if p.default},
                       **{p.name: p.example_value() for p in query.params if p.required}})
    lines = text.splitlines(keepends=True)
    while lines and lines[0].startswith("#+"):
        lines.pop(0)
    return {"id": query.id, "title": query.titles.get(lang) or query.titles["en"],
            "query": "".join(lines)}


def completions(lang: str) -> list[dict[str, str]]:
    """Prefix declarations, then the terms, each as the editor's completion option."""
    options = [{"label": f"PREFIX {prefix}: <{namespace}>", "detail": "PREFIX", "type": "keyword"}
               for prefix, namespace in iris.PREFIXES.items()]
    for term in terms():
        options.append({"label": term.name, "type": term.kind,
                        "detail": best_text(term.labels, lang) or "",
                        "info": "\n".join(filter(None, (term.iri, best_text(term.definitions, lang))))})
    return options


def terms() -> list[Term]:
    """The declared terms, gathered once per publication state (they change only with a load)."""
    state = publication_state(get_store()).fingerprint
    cached = current_app.extensions.get(TERMS_KEY)
    if cached is None or cached[0] != state:
        cached = current_app.extensions[TERMS_KEY] = (state, declared_terms(get_select()))
    return cached[1]
