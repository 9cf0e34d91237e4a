"""The search index: every name of every findable thing, folded, ranked by how it matches.

Pure data, built from the rows of the catalogue queries site-search-names and -places; kg.search.service
decides when to build it. It must stay fast for a national graph, where a word such as
"integrationsrat" is in tens of thousands of names, so no search walks all names in Python:

- the folded names are kept sorted, so the exact and the prefix matches are one range each,
  found by bisection;
- word-prefix and substring matches are looked for only when those give fewer things than
  asked for, in one string holding all names in the order their things are shown, so that the
  scan (str.find, in C) stops as soon as it has found enough: a word of every name costs as
  little as a rare one, and a query that matches nothing one pass over a few megabytes;
- the order within a tier (municipalities first, then the shorter label, then alphabetical) is
  worked out once per language at build time as one rank per thing, so a tier's best `limit`
  things are its smallest ranks.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kg.i18n import LANGUAGES, best_text
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
_AFTER_ALL = "\U0010ffff"  # sorts after any folded text: needle + it bounds the prefix range


@dataclass
class Thing:
    iri: str
    cls: str
    labels: dict[str, str] = field(default_factory=dict)  # language tag ("" none) -> label
    official: dict[str, str] = field(default_factory=dict)  # the same, of official names
    ags: str | None = None
    municipality: str | None = None
    names: list[int] = field(default_factory=list)  # its entries in the index's name list

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
    def __init__(self, names: Iterable[Mapping[str, object]],
                 places: Iterable[Mapping[str, object]] = ()) -> None:
        """From rows of site-search-names (thing, class, property, name, lang) and of
        site-search-places (thing, municipality)."""
        things: dict[str, Thing] = {}
        written: dict[tuple[str, str], str] = {}  # (folded name, thing) -> the name as written
        for row in names:
            iri, cls, name = str(row["thing"]), str(row["class"]), str(row["name"])
            lang = str(row.get("lang") or "")
            thing = things.get(iri)
            if thing is None:
                thing = things[iri] = Thing(iri, cls)
            elif _CLASS_ORDER[cls] < _CLASS_ORDER[thing.cls]:
                thing.cls = cls
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
                written.setdefault((folded, iri), name)
        for row in places:
            thing, place = things.get(str(row["thing"])), things.get(str(row["municipality"]))
            if thing is not None and place is not None and place.kind == "municipality" and (
                    thing.municipality is None or place.iri < thing.municipality):
                thing.municipality = place.iri  # the smallest, so that builds agree
        self.things = things
        self._things = list(things.values())
        number = {thing.iri: n for n, thing in enumerate(self._things)}
        ordered = sorted(written.items())
        self._folded = [folded for (folded, _), _ in ordered]
        self._written = [name for _, name in ordered]
        self._owner = [number[iri] for (_, iri), _ in ordered]
        for entry, owner in enumerate(self._owner):
            self._things[owner].names.append(entry)
        self._rank = {lang: self._ranks(lang) for lang in LANGUAGES}
        self._lines = {lang: self._joined(lang) for lang in LANGUAGES}

    def _joined(self, lang: str) -> tuple[str, list[int], list[int]]:
        """All folded names in one string, one a line, in the order of their things' ranks in
        `lang`, with where each line starts and the entry it is: scanning it from the start
        meets the things in the order they are shown, so the substring tier stops at `limit`."""
        rank = self._rank[lang][0]
        entries = sorted(range(len(self._folded)), key=lambda entry: rank[self._owner[entry]])
        starts, position = [], 0
        for entry in entries:
            starts.append(position)
            position += len(self._folded[entry]) + 1
        return "".join(self._folded[entry] + "\n" for entry in entries), starts, entries

    def _ranks(self, lang: str) -> tuple[list[int], list[int]]:
        """Each thing's place in the order results of one tier are shown in, in `lang`, and
        the thing at each place."""
        order = sorted(range(len(self._things)), key=lambda n: (
            KIND_ORDER.index(self._things[n].kind), len(self._things[n].label(lang)),
            self._things[n].label(lang), self._things[n].iri))
        rank = [0] * len(order)
        for place, n in enumerate(order):
            rank[n] = place
        return rank, order

    def __len__(self) -> int:
        return len(self.things)

    def municipality_label(self, iri: str | None, lang: str) -> str | None:
        thing = self.things.get(iri) if iri else None
        return thing.label(lang) if thing is not None else None

    def search(self, query: str, lang: str, limit: int) -> list[Hit]:
        """The things with a name matching `query`: the better match first; within a match,
        municipalities before other kinds, then the shorter label (the closer to what was typed)."""
        needle = fold(query)
        if not needle or limit < 1:
            return []
        rank, order = self._rank.get(lang) or self._rank[LANGUAGES[0]]
        chosen: list[tuple[int, int]] = []  # (thing, match)
        seen: set[int] = set()
        for match, candidates in self._tiers(needle):
            fresh = candidates - seen
            # Ranks are ints: map and nsmallest run in C, even for a tier of many things.
            for place in heapq.nsmallest(limit - len(chosen), map(rank.__getitem__, fresh)):
                chosen.append((order[place], match))
            seen |= fresh
        for match, pattern in ((WORD_PREFIX, " " + needle), (SUBSTRING, needle)):
            if len(chosen) >= limit:
                break
            chosen += [(n, match) for n in self._scan(pattern, lang, seen, limit - len(chosen))]
        return [Hit(self._things[n], match, self._matched_name(n, needle)) for n, match in chosen]

    def _tiers(self, needle: str):
        """(match, things) for the exact and the prefix tier: ranges of the sorted names."""
        folded, owner = self._folded, self._owner
        low = bisect_left(folded, needle)
        exact_end = bisect_right(folded, needle, lo=low)
        prefix_end = bisect_left(folded, needle + _AFTER_ALL, lo=exact_end)
        yield EXACT, set(owner[low:exact_end])
        yield PREFIX, set(owner[exact_end:prefix_end])

    def _scan(self, pattern: str, lang: str, seen: set[int], wanted: int) -> list[int]:
        """The first `wanted` things not yet seen, in rank order, with a name containing
        `pattern` (for a word prefix: a space and the query)."""
        text, starts, entries = self._lines.get(lang) or self._lines[LANGUAGES[0]]
        found: list[int] = []
        position = 0
        while len(found) < wanted and (position := text.find(pattern, position)) != -1:
            line = bisect_right(starts, position) - 1
            n = self._owner[entries[line]]
            if n not in seen:
                seen.add(n)
                found.append(n)
            position = starts[line] + len(self._folded[entries[line]]) + 1  # on to the next line
        return found

    def _matched_name(self, n: int, needle: str) -> str:
        best = max(self._things[n].names, key=lambda entry: _match(self._folded[entry], needle))
        return self._written[best]


def _match(folded: str, needle: str) -> int:
    if folded == needle:
        return EXACT
    if folded.startswith(needle):
        return PREFIX
    if (" " + folded).find(" " + needle) != -1:
        return WORD_PREFIX
    if needle in folded:
        return SUBSTRING
    return 0
