"""What the embedded store keeps where.

The public dataset is kept twice over, on purpose. Each published graph stays a named graph of
its own (for `GRAPH ?g`, `FROM NAMED`, provenance), and the RDF merge of all published graphs is
kept materialised, as a set, in the store's default graph, which public queries use as their
default graph. Measured with pyoxigraph 0.5.13 on the shipped data (DESIGN.md): a list of the
published graphs as default graph made queries 4–8× slower than one graph and counted a triple
once per graph holding it (oxigraph#1919). Every write updates both in the same transaction.
"""

from __future__ import annotations

import pyoxigraph as ox

from kg import iris

SYSTEM_GRAPH = ox.NamedNode(iris.SYSTEM_GRAPH)
PUBLISHED = ox.NamedNode(iris.SYSTEM + "published")
TRUE = ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
# The public merge is the default graph (None).
MERGES = (None,)
# Marks a store whose default graph holds the merge of the published graphs. Stores written
# before that layout have none, and get their merge built once when opened for writing.
LAYOUT = ox.NamedNode(iris.SYSTEM + "layout")
LAYOUT_MERGED = ox.Literal("merged-default-graph/1")
# A graph that never holds anything: the default graph of a query whose dataset names none
# (FROM NAMED alone). Oxigraph reads an empty default graph list as "the store's default
# graph", which is now the public merge.
EMPTY_GRAPH = ox.NamedNode(iris.SYSTEM + "empty")
