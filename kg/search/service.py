"""Search as the site offers it: the checks on what was asked, and one index per state of the
published data.

The index is built from the catalogue queries site-search-names and site-search-places, run
through the query runner like every public query (so they read the checkpoint the workers
read). What tells a write is the store's StoreStats: the store makes it anew after each
committed write and keeps it until the next (as /health's counts), so the same object means
the same published data, and comparing it costs nothing per request.

Building takes long at national scale (about 20 s for the synthetic national graph, nearly all
of it the two queries), so it runs in a thread of its own and never under a request's deadline:
after a write, searches keep using the previous index until the new one is ready, and only the
very first search waits for one (up to `wait` seconds, then a 503 that says to try again).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from kg.catalog import Catalog
from kg.catalog_runner import plain
from kg.errors import BadRequest, Unavailable
from kg.querying.runner import QueryRunner
from kg.search.index import MATCHES as MATCH_NAMES, SearchIndex

NAMES_QUERY, PLACES_QUERY = "site-search-names", "site-search-places"
_log = logging.getLogger(__name__)
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
    def __init__(self, runner: QueryRunner, catalog: Catalog, state: Callable[[], object], *,
                 wait: float = 30.0) -> None:
        """`state()` returns an object that stays the same exactly while the data do."""
        self._runner, self._catalog, self._state, self._wait = runner, catalog, state, wait
        self._lock = threading.Lock()
        self._index: SearchIndex | None = None
        self._built_for: object = None
        self._building: threading.Thread | None = None
        self._ready = threading.Event()

    def index(self) -> SearchIndex:
        """The newest index there is; starts building one for the current data if it is older."""
        self._refresh()
        if self._index is None:
            self._ready.wait(self._wait)
        index = self._index
        if index is None:
            raise Unavailable(messages={
                "en": "The search index is still being built (the first search after the server "
                      "starts builds it). Try again in a minute.",
                "de": "Der Suchindex wird noch gebaut (die erste Suche nach dem Start des Servers "
                      "baut ihn). Versuchen Sie es in einer Minute erneut."})
        return index

    def current(self, timeout: float | None = None) -> SearchIndex:
        """The index of the data as they are now, waiting for its build (for tests, which
        must not see a stale one)."""
        building = self._refresh()
        if building is not None:
            building.join(timeout)
        return self.index()

    def _refresh(self) -> threading.Thread | None:
        """Start building an index of the current data unless there is one; the running build."""
        with self._lock:
            state = self._state()
            if state is not self._built_for and self._building is None:
                if self._index is None:
                    self._ready.clear()  # a failed first build set it: wait for this one
                self._building = threading.Thread(target=self._build, args=(state,),
                                                  name="kg-search-index", daemon=True)
                self._building.start()
            return self._building

    def _build(self, state: object) -> None:
        # `state` was taken before these queries run: data newer than it cost one more build.
        try:
            # No deadline and no row cap: a trusted query of the site, which needs every name.
            names, places = (self._rows(query_id) for query_id in (NAMES_QUERY, PLACES_QUERY))
            index = SearchIndex(names, places)
        except Exception:  # noqa: BLE001 — logged; the next search tries again
            _log.exception("Building the search index failed")
            with self._lock:
                self._building = None
            self._ready.set()
            return
        with self._lock:
            self._index, self._built_for, self._building = index, state, None
        self._ready.set()

    def _rows(self, query_id: str) -> list[dict]:
        result = self._runner.run(self._catalog.get(query_id).bind(None), timeout=0, row_cap=0)
        return [{name: plain(term) for name, term in zip(result.variables, row)}
                for row in result.rows]

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
