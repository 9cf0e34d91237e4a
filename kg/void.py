"""The VoID description of the published dataset, computed from the store.

Every number is asked of the store with the same kind of query, through the same runner and over
the same published dataset as /sparql answers, so that `void:triples` is exactly what
`SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }` returns there.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from urllib.parse import quote

import pyoxigraph as ox

from kg import iris
from kg.service_description import DCTERMS, RDF_TYPE, SD, iri_node
from kg.store.base import QueryResult

VOID = "http://rdfs.org/ns/void#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
WIKIDATA_ENDPOINT = "https://query.wikidata.org/sparql"
# Wikidata's property "German municipality key": the AGS, by which our municipalities join.
WIKIDATA_AGS = WIKIDATA_ENTITY + "P439"
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")

PREFIXES = {"void": VOID, "sd": SD, "dcterms": DCTERMS, "rdfs": RDFS, "owl": OWL}

# Runs one query over the published dataset (default: union of published graphs).
QueryFunction = Callable[[str], QueryResult]

COUNT_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
_TOTALS = """SELECT (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?o) AS ?objects)
                    (COUNT(DISTINCT ?p) AS ?properties) WHERE { ?s ?p ?o }"""
_CLASSES = """SELECT ?class (COUNT(DISTINCT ?s) AS ?n)
              WHERE { ?s a ?class } GROUP BY ?class ORDER BY ?class"""
_PROPERTIES = "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY ?p"
_GRAPHS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
# The data's own description (data/'s metadata) names the licence; we repeat it, never invent it.
_LICENCES = """PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?licence ?dataset WHERE {
  VALUES ?type { <http://rdfs.org/ns/void#Dataset> <http://www.w3.org/ns/dcat#Dataset> }
  ?dataset a ?type ; dcterms:license ?licence .
  FILTER(isIRI(?licence))
} ORDER BY ?licence ?dataset"""
_SAME_AS_WIKIDATA = f"""SELECT (COUNT(*) AS ?n) WHERE {{
  ?s <{OWL}sameAs> ?o FILTER(STRSTARTS(STR(?o), "{WIKIDATA_ENTITY}")) }}"""
_AGS = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s <{iris.ONTOLOGY}ags> ?ags }}"


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=XSD_INTEGER)


def _number(result: QueryResult, name: str = "n") -> int:
    value = result.rows[0][result.variables.index(name)] if result.rows else None
    return int(value.value) if value is not None else 0


# The URL of the dump files of a graph (None: of the whole dataset); see kg.dumps.
DumpUrls = Callable[[str | None], list[str]]


def build(run: QueryFunction, *, document: str, endpoint: str,
          dumps: DumpUrls | None = None) -> list[ox.Triple]:
    """VoID for the published dataset; `document` is the URL of the VoID document itself."""
    dataset = iri_node(document + "#dataset")
    totals = run(_TOTALS)
    triples = [
        ox.Triple(dataset, RDF_TYPE, iri_node(VOID + "Dataset")),
        ox.Triple(dataset, iri_node(DCTERMS + "title"),
                  ox.Literal("integration-kg: published dataset", language="en")),
        ox.Triple(dataset, iri_node(VOID + "sparqlEndpoint"), iri_node(endpoint)),
        ox.Triple(dataset, iri_node(VOID + "uriSpace"), ox.Literal(iris.ID)),
        ox.Triple(dataset, iri_node(VOID + "vocabulary"), iri_node(iris.ONTOLOGY)),
        ox.Triple(dataset, iri_node(VOID + "triples"), _int(_number(run(COUNT_TRIPLES)))),
        ox.Triple(dataset, iri_node(VOID + "distinctSubjects"), _int(_number(totals, "subjects"))),
        ox.Triple(dataset, iri_node(VOID + "distinctObjects"), _int(_number(totals, "objects"))),
        ox.Triple(dataset, iri_node(VOID + "properties"), _int(_number(totals, "properties"))),
    ]
    triples += _licences(run, dataset)
    triples += _partitions(run, dataset)
    triples += _subsets(run, dataset, document, endpoint, dumps)
    triples += _data_dumps(dataset, dumps, None)
    triples += _linksets(run, dataset, document)
    return triples


def _linksets(run: QueryFunction, dataset: ox.NamedNode, document: str) -> list[ox.Triple]:
    """The links to Wikidata, as linksets: the sourced owl:sameAs links, and the AGS, which
    joins by identifier (Wikidata holds it as P439). Each only when the data hold such links."""
    wikidata = iri_node(document + "#wikidata")
    linksets = [
        (_number(run(_SAME_AS_WIKIDATA)), "sameAs", OWL + "sameAs",
         {"en": "Sourced owl:sameAs links from our resources to Wikidata items.",
          "de": "Belegte owl:sameAs-Verknüpfungen unserer Ressourcen mit Wikidata-Objekten."}),
        (_number(run(_AGS)), "ags", iris.ONTOLOGY + "ags",
         {"en": "Join by identifier: a municipality's ikg:ags equals the value of Wikidata's "
                "P439 (German municipality key) of its item.",
          "de": "Verknüpfung über die Kennung: ikg:ags einer Gemeinde ist gleich dem Wert von "
                "Wikidatas P439 (Amtlicher Gemeindeschlüssel) ihres Objekts."}),
    ]
    triples: list[ox.Triple] = []
    for count, name, predicate, description in linksets:
        if not count:
            continue
        linkset = iri_node(f"{document}#linkset=wikidata-{name}")
        triples += [ox.Triple(linkset, RDF_TYPE, iri_node(VOID + "Linkset")),
                    ox.Triple(linkset, iri_node(VOID + "subjectsTarget"), dataset),
                    ox.Triple(linkset, iri_node(VOID + "objectsTarget"), wikidata),
                    ox.Triple(linkset, iri_node(VOID + "linkPredicate"), iri_node(predicate)),
                    ox.Triple(linkset, iri_node(VOID + "triples"), _int(count))]
        triples += [ox.Triple(linkset, iri_node(DCTERMS + "description"),
                              ox.Literal(text, language=lang))
                    for lang, text in description.items()]
        if name == "ags":
            triples.append(ox.Triple(linkset, iri_node(RDFS + "seeAlso"), iri_node(WIKIDATA_AGS)))
    if triples:
        triples += [ox.Triple(wikidata, RDF_TYPE, iri_node(VOID + "Dataset")),
                    ox.Triple(wikidata, iri_node(DCTERMS + "title"), ox.Literal("Wikidata")),
                    ox.Triple(wikidata, iri_node(VOID + "sparqlEndpoint"),
                              iri_node(WIKIDATA_ENDPOINT)),
                    ox.Triple(wikidata, iri_node(VOID + "uriSpace"), ox.Literal(WIKIDATA_ENTITY))]
    return triples


def _data_dumps(dataset: ox.NamedNode, dumps: DumpUrls | None,
                graph: str | None) -> list[ox.Triple]:
    return [ox.Triple(dataset, iri_node(VOID + "dataDump"), iri_node(url))
            for url in (dumps(graph) if dumps else [])]


def _licences(run: QueryFunction, dataset: ox.NamedNode) -> list[ox.Triple]:
    result = run(_LICENCES)
    licences = dict.fromkeys(row[0] for row in result.rows)
    described = dict.fromkeys(row[1] for row in result.rows if isinstance(row[1], ox.NamedNode))
    return ([ox.Triple(dataset, iri_node(DCTERMS + "license"), lic) for lic in licences]
            + [ox.Triple(dataset, iri_node(RDFS + "seeAlso"), d) for d in described])


def _partitions(run: QueryFunction, dataset: ox.NamedNode) -> list[ox.Triple]:
    triples: list[ox.Triple] = []
    classes = run(_CLASSES).rows
    triples.append(ox.Triple(dataset, iri_node(VOID + "classes"), _int(len(classes))))
    for index, (cls, count) in enumerate(classes):
        node = ox.BlankNode(f"class{index}")
        triples += [ox.Triple(dataset, iri_node(VOID + "classPartition"), node),
                    ox.Triple(node, iri_node(VOID + "class"), cls),
                    ox.Triple(node, iri_node(VOID + "entities"), _int(int(count.value)))]
    for index, (prop, count) in enumerate(run(_PROPERTIES).rows):
        node = ox.BlankNode(f"property{index}")
        triples += [ox.Triple(dataset, iri_node(VOID + "propertyPartition"), node),
                    ox.Triple(node, iri_node(VOID + "property"), prop),
                    ox.Triple(node, iri_node(VOID + "triples"), _int(int(count.value)))]
    return triples


def _subsets(run: QueryFunction, dataset: ox.NamedNode, document: str,
             endpoint: str, dumps: DumpUrls | None) -> list[ox.Triple]:
    """One subset per published graph, named by the graph (sd:name) and with its size."""
    triples: list[ox.Triple] = []
    for graph, count in run(_GRAPHS).rows:
        subset = iri_node(f"{document}#graph={quote(graph.value, safe='')}")
        triples += [ox.Triple(dataset, iri_node(VOID + "subset"), subset),
                    ox.Triple(subset, RDF_TYPE, iri_node(VOID + "Dataset")),
                    ox.Triple(subset, RDF_TYPE, iri_node(SD + "NamedGraph")),
                    ox.Triple(subset, iri_node(SD + "name"), graph),
                    ox.Triple(subset, iri_node(VOID + "triples"), _int(int(count.value))),
                    ox.Triple(subset, iri_node(VOID + "sparqlEndpoint"), iri_node(endpoint))]
        triples += _data_dumps(subset, dumps, graph.value)
    return triples


class CountsCache:
    """The answers of build()'s queries, kept per write generation of the store.

    Six aggregate queries over the whole dataset per call made VoID cost seconds at national
    scale, and anyone may call it; between two writes the answers cannot change. A generation
    that is odd (a write under way) or moved while the queries ran is never kept (the store's
    seqlock, see EmbeddedStore.write_generation)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._generation: int | None = None
        self._answers: dict[str, QueryResult] = {}

    def runner(self, generation: Callable[[], int], run: QueryFunction) -> QueryFunction:
        """`run`, answering from the cache those queries asked since the last write."""
        def cached(sparql: str) -> QueryResult:
            before = generation()
            with self._lock:
                if self._generation != before:
                    self._generation, self._answers = before, {}
                answer = self._answers.get(sparql)
            if answer is not None:
                return answer
            answer = run(sparql)
            if before % 2 == 0 and generation() == before:
                with self._lock:
                    if self._generation == before:
                        self._answers[sparql] = answer
            return answer

        return cached
