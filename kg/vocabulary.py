"""The classes and properties the published graphs declare, as short names (`ikg:Municipality`)
with their labels and definitions by language: what the SPARQL editor completes."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg import iris
from kg.catalog_runner import Iri, Select


@dataclass
class Term:
    iri: str
    name: str  # prefixed, with kg.iris.PREFIXES
    kind: str  # "class" or "property"
    labels: dict[str, str] = field(default_factory=dict)  # by language tag, "" for none
    definitions: dict[str, str] = field(default_factory=dict)


def declared_terms(select: Select) -> list[Term]:
    """Every declared class and property that one of our prefixes can name, by name."""
    terms: dict[str, Term] = {}
    for row in select("site-editor-terms"):
        iri = row["term"]
        name = compact(iri) if isinstance(iri, Iri) else None
        if name is None:
            continue
        term = terms.setdefault(iri, Term(str(iri), name, "property"))
        if str(row["type"]).endswith("Class"):
            term.kind = "class"
        for texts, text, lang in ((term.labels, row["label"], row["labelLang"]),
                                  (term.definitions, row["definition"], row["definitionLang"])):
            if text is not None:
                texts.setdefault(str(lang or ""), str(text))
    return sorted(terms.values(), key=lambda t: t.name)


def compact(iri: str) -> str | None:
    """`ikg:Municipality` for the ontology's IRI; None where no prefix of ours fits."""
    for prefix, namespace in iris.PREFIXES.items():
        local = iri[len(namespace):]
        if iri.startswith(namespace) and local and all(c.isalnum() or c in "_-" for c in local):
            return f"{prefix}:{local}"
    return None
