"""The search series: /api/search of a running `kg serve`, over the synthetic graph.

Twenty searches as people type them: names as written, in capitals with umlauts spelt out
(ue for ü), AGS, the first letters of a name, and words that many names share or hold inside
a longer word (`beirat` in `Ausländerbeirat`). The first search after the server starts
builds the index (kg.search): the time until it answers is reported on its own; the rest
are warm.
"""

from __future__ import annotations

import json
import random
import statistics
import time
import urllib.error
import urllib.parse
import urllib.request

IKG = "https://w3id.org/integration-kg/ontology#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
WORDS = ("integrationskonzept", "leitlinien", "beirat", "synthetisch")
REPEATS = 5


def _get(url: str, timeout: float) -> tuple[float, dict]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=timeout) as response:
        body = json.loads(response.read())
    return (time.perf_counter() - started) * 1000, body


def _municipalities(base: str, timeout: float) -> list[tuple[str, str]]:
    query = (f"SELECT ?ags ?name WHERE {{ ?m a <{IKG}Municipality> ; <{IKG}ags> ?ags ; "
             f"<{RDFS_LABEL}> ?name }} ORDER BY ?ags")
    request = urllib.request.Request(base + "sparql?" + urllib.parse.urlencode({"query": query}),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        rows = json.loads(response.read())["results"]["bindings"]
    # As a person would type it: without the "(synthetisch)" every synthetic label carries.
    return [(row["ags"]["value"], row["name"]["value"].split(" (")[0]) for row in rows]


def search_terms(municipalities: list[tuple[str, str]], seed: int) -> list[str]:
    rng = random.Random(seed)
    chosen = rng.sample(municipalities, min(14, len(municipalities)))
    spelt_out = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
    terms = [name for _, name in chosen[:6]]
    terms += [name.lower().translate(spelt_out).upper() for _, name in chosen[6:10]]
    terms += [ags for ags, _ in chosen[10:13]]
    terms += [chosen[13][1][:4]] if len(chosen) > 13 else []
    terms += [*WORDS, "Integrationsrat", "plan"]
    return terms[:20]


def measure_search(port: int, seed: int, cap: float) -> dict:
    base = f"http://127.0.0.1:{port}/"
    terms = search_terms(_municipalities(base, cap + 60), seed)

    def url(term: str) -> str:
        return base + "api/search?" + urllib.parse.urlencode({"q": term, "limit": 20})

    # The first search starts building the index; until it is ready the server says 503.
    started = time.perf_counter()
    while True:
        try:
            _get(url(terms[0]), cap + 600)
            break
        except urllib.error.HTTPError as exc:
            if exc.code != 503 or time.perf_counter() - started > 1800:
                raise
            time.sleep(0.5)
    first_ms = (time.perf_counter() - started) * 1000
    warm: list[float] = []
    found = 0
    for term in terms:
        for _ in range(REPEATS):
            ms, body = _get(url(term), cap + 2)
            warm.append(ms)
        found += body["count"] > 0
    ordered = sorted(warm)
    return {"terms": terms, "first_ms": first_ms, "warm": warm, "found": found,
            "median_ms": statistics.median(warm),
            "p95_ms": ordered[max(0, round(0.95 * len(ordered)) - 1)]}
