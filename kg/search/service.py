"""Search as the site offers it: the checks on what was asked, and one index per state of the
published data.

The index is built from the catalogue query site-search-entries, run through the query runner
like every public query (so it reads the checkpoint the workers read), and rebuilt on the
first search after a write. What tells a write is the store's StoreStats: the store makes it
anew after each committed write and keeps it until the next (as /health's counts), so the same
object means the same published data, and comparing it costs nothing per request.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from kg.catalog import Catalog
from kg.catalog_runner import plain
from kg.errors import BadRequest
from kg.querying.runner import QueryRunner
from kg.search.index import MATCHES as MATCH_NAMES, SearchIndex

QUERY_ID = "site-search-entries"
MIN_CHARACTERS = 2
MAX_QUERY_LENGTH = 200
DEFAULT_LIMIT, MAX_LIMIT = 20, 100

KIND_LABELS = {
    "municipality": {"de": "Kommune", "en": "Municipality"},
    "body": {"de": "Gremium", "en": "Advisory body"},
    "plan": {"de": "Plan", "en": "Plan"},
    "post": {"de": "Beauftragtenstelle", "en": "Commissioner post"},
    "office": {"de": "Amt oder Stelle", "en": "Office or unit"},
    "organisation": {"de": "Organisation", "en": "Organisation"},
    "event": {"de": "Ereignis", "en": "Event"},
}


@dataclass(frozen=True)
class Result:
    iri: str
    label: str
    kind: str  # a key of KIND_LABELS
    kind_label: str
    cls: str  # the class IRI
    ags: str | None
    municipality: str | None  # the IRI of the municipality it belongs to
    municipality_label: str | None
    score: float
    match: str  # exact, prefix, word-prefix or substring
    matched: str  # the name that matched, as the data write it


class Search:
    def __init__(self, runner: QueryRunner, catalog: Catalog, state: Callable[[], object]) -> None:
        """`state()` returns an object that stays the same exactly while the data do."""
        self._runner, self._catalog, self._state = runner, catalog, state
        self._lock = threading.Lock()
        self._index: SearchIndex | None = None
        self._built_for: object = None

    def index(self) -> SearchIndex:
        with self._lock:
            # Taken before the query: data newer than the token only cause one more build.
            state = self._state()
            if self._index is None or state is not self._built_for:
                self._index, self._built_for = self._build(), state
            return self._index

    def _build(self) -> SearchIndex:
        # No row cap: the index needs every name, and the query's size is bounded by the data.
        result = self._runner.run(self._catalog.get(QUERY_ID).bind(None), row_cap=0)
        return SearchIndex({name: plain(term) for name, term in zip(result.variables, row)}
                           for row in result.rows)

    def find(self, query: str | None, lang: str, limit: str | int | None = None) -> list[Result]:
        text, count = checked_query(query), checked_limit(limit)
        index = self.index()
        return [Result(iri=hit.thing.iri, label=hit.thing.label(lang), kind=hit.thing.kind,
                       kind_label=KIND_LABELS[hit.thing.kind][lang], cls=hit.thing.cls,
                       ags=hit.thing.ags, municipality=hit.thing.municipality,
                       municipality_label=index.municipality_label(hit.thing.municipality, lang),
                       score=hit.score, match=MATCH_NAMES[hit.match], matched=hit.name)
                for hit in index.search(text, lang, count)]


def checked_query(query: str | None) -> str:
    text = (query or "").strip()
    if sum(c.isalnum() for c in text) < MIN_CHARACTERS:
        raise BadRequest(messages={
            "en": f"The search needs at least {MIN_CHARACTERS} letters or digits (q=…), such as "
                  "q=Nürnberg or an AGS such as q=14612000.",
            "de": f"Die Suche braucht mindestens {MIN_CHARACTERS} Buchstaben oder Ziffern (q=…), "
                  "etwa q=Nürnberg oder einen AGS wie q=14612000."},
            detail={"q": text, "min_characters": MIN_CHARACTERS})
    if len(text) > MAX_QUERY_LENGTH:
        raise BadRequest(messages={
            "en": f"The search text has {len(text)} characters; at most {MAX_QUERY_LENGTH} are "
                  "accepted. Search for a part of the name.",
            "de": f"Der Suchtext hat {len(text)} Zeichen; höchstens {MAX_QUERY_LENGTH} werden "
                  "angenommen. Suchen Sie nach einem Teil des Namens."},
            detail={"max_characters": MAX_QUERY_LENGTH})
    return text


def checked_limit(limit: str | int | None) -> int:
    if limit is None or limit == "":
        return DEFAULT_LIMIT
    try:
        count = int(limit)
    except ValueError:
        count = None
    if count is None or not 1 <= count <= MAX_LIMIT:
        raise BadRequest(messages={
            "en": f"limit={limit} is not possible: give a whole number from 1 to {MAX_LIMIT} "
                  f"(without limit, {DEFAULT_LIMIT} results are given).",
            "de": f"limit={limit} ist nicht möglich: geben Sie eine ganze Zahl von 1 bis "
                  f"{MAX_LIMIT} an (ohne limit gibt es {DEFAULT_LIMIT} Treffer)."},
            detail={"limit": str(limit), "max_limit": MAX_LIMIT})
    return count
