"""The graphs the remote store keeps on the server.

Layout on the server, as in the embedded store: each published graph is a named graph of its
own, the RDF merge of the published graphs (a set) is the server's default graph, and the
publication state and load records live in the system graph (iris.SYSTEM_GRAPH). One more graph
holds a second copy of the merge under a private name (MERGE_GRAPH). The SPARQL Protocol has no
way to name the default graph in `default-graph-uri`, and giving `named-graph-uri` alone makes
the default graph empty (so says the Recommendation, and Oxigraph does so): a public query
therefore names the merge copy as its default graph and the published graphs as its named
graphs, which keeps staging graphs, withdrawn versions and the system graph out of `GRAPH ?g`
on any server. The default-graph copy is what other clients of the server see without a dataset
(and what bench/ queries as "the server alone").
"""

from __future__ import annotations

from kg import iris

SYS = iris.SYSTEM
PUBLISHED = SYS + "published"
MERGE_GRAPH = SYS + "merge"
# Both copies of the public merge: the default graph (None) and the private one.
MERGES = (None, MERGE_GRAPH)
STAGING_PREFIX = SYS + "staging/"
# Private graphs of this layout, never listed by graphs().
PRIVATE = (iris.SYSTEM_GRAPH, MERGE_GRAPH)
