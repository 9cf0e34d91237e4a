"""The search index: every name of every findable thing, folded, ranked by how it matches.

Pure data, built from the rows of the catalogue query site-search-entries; kg.search.service
decides when to build it. A search scans one string holding all folded names (str.find runs in
C), so it costs a few milliseconds even for a national graph's hundreds of thousands of names;
only names that contain the query are looked at in Python.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kg.i18n import best_text
from kg.search.folding import fold

ONTOLOGY = "https://w3id.org/integration-kg/ontology#"
# Names a thing is shown by; an official name or title only where it has none of these
# (Dresden's label is "Dresden", its official name "Dresden, Stadt").
LABELS = {"http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel",
          "http://xmlns.com/foaf/0.1/name"}
AGS = ONTOLOGY + "ags"
# The kind a class is shown as; the first class in this order wins for a thing with several.
KINDS: dict[str, str] = {
    ONTOLOGY + "Municipality": "municipality",
    ONTOLOGY + "AdvisoryBody": "body",
    ONTOLOGY + "Plan": "plan",
    ONTOLOGY + "CommissionerPost": "post",
    ONTOLOGY + "AdministrativeUnit": "office",
    ONTOLOGY + "Event": "event",
    ONTOLOGY + "Election": "event",
    **{ONTOLOGY + name: "organisation" for name in (
        "MigrantOrganisationNetwork", "MigrantOrganisation", "Network", "FederalAssociation",
        "WelfareAssociation", "ResearchInstitution", "CivilSocietyOrganisation", "PublicBody")},
}
KIND_ORDER = ("municipality", "body", "plan", "post", "office", "organisation", "event")
_CLASS_ORDER = {iri: rank for rank, iri in enumerate(KINDS)}

# How a name matches the query, best first, and the score each gives (the JSON's `score`).
EXACT, PREFIX, WORD_PREFIX, SUBSTRING = 4, 3, 2, 1
SCORES = {EXACT: 1.0, PREFIX: 0.75, WORD_PREFIX: 0.5, SUBSTRING: 0.25}
MATCHES = {EXACT: "exact", PREFIX: "prefix", WORD_PREFIX: "word-prefix", SUBSTRING: "substring"}


@dataclass
class Thing:
    iri: str
    cls: str
    labels: dict[str, str] = field(default_factory=dict)  # language tag ("" none) -> label
    official: dict[str, str] = field(default_factory=dict)  # the same, of official names
    ags: str | None = None
    municipality: str | None = None

    @property
    def kind(self) -> str:
        return KINDS[self.cls]

    def label(self, lang: str) -> str:
        return (best_text(self.labels, lang) or best_text(self.official, lang) or self.ags
                or self.iri)


@dataclass(frozen=True)
class Hit:
    thing: Thing
    match: int  # EXACT … SUBSTRING
    name: str  # the name that matched, as the data write it

    @property
    def score(self) -> float:
        return SCORES[self.match]


class SearchIndex:
    def __init__(self, rows: Iterable[Mapping[str, object]]) -> None:
        """From rows of site-search-entries: thing, class, property, name, lang, municipality."""
        things: dict[str, Thing] = {}
        names: dict[tuple[str, str], str] = {}  # (folded name, thing) -> the name as written
        for row in rows:
            iri, cls, name = str(row["thing"]), str(row["class"]), str(row["name"])
            lang, municipality = str(row.get("lang") or ""), row.get("municipality")
            thing = things.get(iri)
            if thing is None:
                thing = things[iri] = Thing(iri, cls)
            elif _CLASS_ORDER[cls] < _CLASS_ORDER[thing.cls]:
                thing.cls = cls
            if municipality and (thing.municipality is None or str(municipality) < thing.municipality):
                thing.municipality = str(municipality)  # the smallest, so that builds agree
            if str(row["property"]) == AGS:
                thing.ags = name
            else:
                # One name per language; the shortest, as the plainest of several.
                shown = thing.labels if str(row["property"]) in LABELS else thing.official
                held = shown.get(lang)
                if held is None or (len(name), name) < (len(held), held):
                    shown[lang] = name
            folded = fold(name)
            if folded:
                names.setdefault((folded, iri), name)
        self.things = things
        ordered = sorted(names.items())
        self._folded = [folded for (folded, _), _ in ordered]
        self._owners = [things[iri] for (_, iri), _ in ordered]
        self._written = [written for _, written in ordered]
        # All folded names in one string, each followed by a newline (folding leaves none).
        self._text = "".join(f + "\n" for f in self._folded)
        self._starts, position = [], 0
        for folded in self._folded:
            self._starts.append(position)
            position += len(folded) + 1

    def __len__(self) -> int:
        return len(self.things)

    def municipality_label(self, iri: str | None, lang: str) -> str | None:
        thing = self.things.get(iri) if iri else None
        return thing.label(lang) if thing is not None else None

    def search(self, query: str, lang: str, limit: int) -> list[Hit]:
        """The things with a name matching `query`, best match first; on a tie municipalities
        before other kinds, then the shorter label (the closer to what was typed)."""
        needle = fold(query)
        if not needle:
            return []
        best: dict[str, Hit] = {}
        text, find, position = self._text, self._text.find, 0
        while (position := find(needle, position)) != -1:
            index = bisect_right(self._starts, position) - 1
            folded, thing = self._folded[index], self._owners[index]
            match = _match(folded, needle)
            held = best.get(thing.iri)
            if held is None or match > held.match:
                best[thing.iri] = Hit(thing, match, self._written[index])
            position = self._starts[index] + len(folded) + 1  # on to the next name
            if position >= len(text):
                break
        ranked = sorted(best.values(), key=lambda hit: (
            -hit.match, KIND_ORDER.index(hit.thing.kind), len(hit.thing.label(lang)),
            hit.thing.label(lang), hit.thing.iri))
        return ranked[:limit]


def _match(folded: str, needle: str) -> int:
    if folded == needle:
        return EXACT
    if folded.startswith(needle):
        return PREFIX
    if (" " + folded).find(" " + needle) != -1:
        return WORD_PREFIX
    return SUBSTRING
