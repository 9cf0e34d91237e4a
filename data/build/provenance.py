"""The provenance layer (ontology/MODELLING.md, provenance pattern).

Every node the mapping types is `ikg:statedIn` the citations of the rows that introduced it. A
property whose values come from other rows than the node's gets an `ikg:PropertyAttribution`
naming node, property and those rows' citations. A citation is one reading of one source URL on
the date read, pinned to the fact file and row (`ikg:factFile`, `ikg:factRow`, `dct:identifier`).
Dates and periods (`time:Instant`, `time:Interval`) are values, not statements, and carry none.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, XSD

from builder import Builder, FileGraph
from sources import READ_DATE, SEED_ROW_ID, SourceRow
from vocab import IKG, TIME, concept, en, thing

VALUE_CLASSES = {TIME.Instant, TIME.Interval}
FACT_FILE_TITLES = {
    "municipalities": "Sourced fact base: municipalities.csv",
    "infrastructure": "Sourced fact base: infrastructure.csv",
    "organisations": "Sourced fact base: organisations.csv",
    "projects_events": "Sourced fact base: projects_events.csv",
    "batch3/municipalities": "Sourced fact base, batch 3: batch3/municipalities.csv",
    "batch3/infrastructure": "Sourced fact base, batch 3: batch3/infrastructure.csv",
}
# The fact base's own judgement of its sources (data/sources/facts/README.md, "How reliable").
RELIABILITY = {
    "high": ("dresden.de", "dortmund.de", "nuernberg.de", "moenchengladbach.de", "halle.de",
             "schwerin.de", "duesseldorf.de", "pol_viol"),
    "primary-self-reported": ("gleich-teilhaben.de", "bv-nemo.de", "samofa.de", "vmdo.de", "afropa.org",
                              "miso-netzwerk.de", "morgen-muenchen.de", "forum-der-kulturen.de",
                              "bruecke-der-kulturen.de", "hausderkulturen.eu", "verbund-ndmo.de",
                              "bim-rt.de", "vemo-halle.de", "moin-nbg.de"),
    "medium": ("nordstadtblogger.de", "rp-online.de", "br.de", "mz.de", "infranken.de", "ln-online.de",
               "lr-online.de", "wz.de", "mittelrhein-tageblatt.de"),
    "low": ("getbaito.com", "kiwit.org", "wikiless", "de-academic", "jakami", "blogspot", "yumpu",
            "cnmilf.com"),
}


def _host(url: str) -> str:
    return url.split("://", 1)[-1].split("/", 1)[0].lower().rstrip(".")


def reliability(url: str) -> str | None:
    host = _host(url)
    for level, needles in RELIABILITY.items():
        for needle in needles:
            if "." in needle and (host == needle or host.endswith("." + needle)):
                return level
            if "." not in needle and needle in url:
                return level
    return None


def citation_keys(row: SourceRow, key: str) -> list[tuple[URIRef, int]]:
    """Ledger key 'row' (all URLs of the row) or 'row#k' -> [(citation IRI, URL index)]."""
    if "#" in key:
        indices = [int(key.split("#")[1])]
    else:
        indices = list(range(1, len(row.urls) + 1))
    single = len(row.urls) == 1
    return [(thing("citation", row.row_id if single else f"{row.row_id}-{k}"), k) for k in indices]


def fact_file_nodes() -> list[URIRef]:
    return [thing("source-file", _file_key(stem)) for stem in FACT_FILE_TITLES]


def _file_key(stem: str) -> str:
    """'projects_events' -> 'projects-events'; 'batch3/infrastructure' -> 'batch3-infrastructure'."""
    return stem.replace("_", "-").replace("/", "-")


def add_provenance(builder: Builder) -> None:
    node_rows: dict[URIRef, set[str]] = defaultdict(set)
    typed_in: dict[URIRef, FileGraph] = {}
    for f in builder.files.values():
        for (s, p, o), keys in f.ledger.items():
            if p == RDF.type and o not in VALUE_CLASSES:
                node_rows[s].update(keys)
                typed_in.setdefault(s, f)
    used: set[str] = set()
    _attribute(builder, node_rows, used)
    for node, keys in node_rows.items():
        for key in keys:
            for citation, _ in citation_keys(builder.rows[key.split("#")[0]], key):
                typed_in[node].add(node, IKG.statedIn, citation)
        used.update(node_rows[node])
    _citations(builder, used)


def _attribute(builder: Builder, node_rows: dict, used: set[str]) -> None:
    """Property attributions where a property's values come from other rows than the node's.

    Per (node, property), over all files: if every value comes from exactly the node's rows, none.
    Otherwise one attribution for the property (the rows of its blank-node values, or the rows all its
    values share) and, for each IRI or literal value from other rows than that, one attribution naming
    the value (ikg:attributedValue), so that e.g. each note is cited to the row that says it. A
    derivation rule (FileGraph.derive) or an attribution note always gets the property's attribution.
    Each attribution is written into the file that holds the statement.
    """
    values_of: dict[tuple[URIRef, URIRef], dict] = defaultdict(lambda: defaultdict(set))
    file_of: dict[tuple, FileGraph] = {}
    for f in list(builder.files.values()):
        for (s, p, o), keys in list(f.ledger.items()):
            if p == RDF.type or s not in node_rows:
                continue
            values_of[(s, p)][o].update(keys)
            file_of.setdefault((s, p, o), f)
            file_of.setdefault((s, p), f)
    notes, rules = {}, {}
    for f in builder.files.values():
        for sp, note in getattr(f, "attribution_notes", {}).items():
            notes[sp] = note
            file_of[sp] = f
        for sp, rule in getattr(f, "derivations", {}).items():
            rules[sp] = rule
            file_of[sp] = f
    for (s, p), values in sorted(values_of.items()):
        own = node_rows[s]
        special = (s, p) in notes or (s, p) in rules
        if not special and all(keys == own for keys in values.values()):
            continue
        blank = [keys for o, keys in values.items() if isinstance(o, BNode)]
        plain = {o: keys for o, keys in values.items() if not isinstance(o, BNode)}
        if blank:
            shared = set().union(*blank)
        elif len({frozenset(keys) for keys in plain.values()}) == 1:
            shared = next(iter(plain.values()))
        else:
            shared = set().union(*plain.values()) if special else None
        default = own
        if shared is not None and (shared != own or special):
            f = file_of[(s, p)]
            node = _attribution(builder, f, s, p, None, shared)
            if (s, p) in notes:
                note_de, note_en = notes[(s, p)]
                f.add(node, SKOS.note, Literal(note_de, lang="de"))
                f.add(node, SKOS.note, en(note_en))
            if (s, p) in rules:
                f.add(node, IKG.derivationRule, concept("derivation-rule", rules[(s, p)]))
            default = shared
        for o, keys in sorted(plain.items()):
            if keys != default:
                _attribution(builder, file_of[(s, p, o)], s, p, o, keys)
        for keys in values.values():
            used.update(keys)


def _attribution(builder: Builder, f: FileGraph, s: URIRef, p: URIRef, value, keys: set[str]) -> URIRef:
    """An ikg:PropertyAttribution of (s, p) - of one value of it where `value` is given - to the rows' citations."""
    text = f"{s} {p}" if value is None else f"{s} {p} {value.n3()}"
    node = thing("attribution", hashlib.sha1(text.encode("utf-8")).hexdigest()[:12])
    f.add(node, RDF.type, IKG.PropertyAttribution)
    f.add(node, IKG.attributedNode, s)
    f.add(node, IKG.attributedProperty, p)
    f.add(node, IKG.attributedValue, value)
    for key in sorted(keys):
        for citation, _ in citation_keys(builder.rows[key.split("#")[0]], key):
            f.add(node, IKG.statedIn, citation)
    return node


def _citations(builder: Builder, used: set[str]) -> None:
    f = builder.file("sources", "Sources: the web pages and files cited, and each reading of them (citations)")
    read = Literal(READ_DATE, datatype=XSD.date)
    for key in sorted(used):
        row = builder.rows[key.split("#")[0]]
        for citation, k in citation_keys(row, key):
            url = URIRef(row.urls[k - 1])
            f.add(citation, RDF.type, IKG.Citation)
            f.add(citation, IKG.citedSource, url)
            f.add(citation, IKG.accessedOn, read)
            f.add(citation, DCTERMS.identifier, Literal(row.row_id))
            if row.row_id == SEED_ROW_ID:
                f.add(citation, IKG.locator, Literal(f"data/sources/{row.file}"))
            else:
                # the path below facts/: 'infrastructure.csv' for the first batches, 'batch3/infrastructure.csv'
                f.add(citation, IKG.factFile, Literal(row.file.removeprefix("facts/")))
                f.add(citation, IKG.factRow, Literal(row.number, datatype=XSD.integer))
                f.add(citation, DCTERMS.isPartOf, thing("source-file", _file_key(row.file.removeprefix("facts/")[:-4])))
            f.add(url, RDF.type, IKG.Source)
            level = reliability(str(url))
            if level:
                f.add(url, IKG.reliability, concept("source-reliability", level))
    for node, stem in zip(fact_file_nodes(), FACT_FILE_TITLES):
        f.add(node, RDF.type, IKG.Source)
        f.add(node, DCTERMS.title, en(FACT_FILE_TITLES[stem]))
        f.add(node, DCTERMS.identifier, Literal(f"data/sources/facts/{stem}.csv"))
