"""The search's parts on their own: folding, ranking, the checks on q and limit, and that the
index follows the store's writes."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.catalog_runner import site_catalog
from kg.errors import BadRequest
from kg.querying.runner import InProcessRunner
from kg.search import Search
from kg.search.folding import fold
from kg.search.index import SearchIndex
from kg.search.service import checked_limit, checked_query
from kg.store import GraphLoad

IKG = "https://w3id.org/integration-kg/ontology#"
ID = "https://w3id.org/integration-kg/id/"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


@pytest.mark.parametrize("written", ["Nürnberg", "Nuernberg", "NÜRNBERG", "nurnberg", " Nürnberg "])
def test_the_ways_of_writing_an_umlaut_fold_alike(written):
    assert fold(written) == "nurnberg"


def test_sharp_s_case_and_separators_fold():
    assert fold("Straße") == fold("STRASSE") == "strasse"
    assert fold("Inter-Kultur-Büro (KUF)") == "inter kultur buro kuf"


def row(thing, cls, name, lang="de", prop=LABEL):
    return {"thing": ID + thing, "class": IKG + cls, "property": prop, "name": name, "lang": lang}


def test_exact_before_prefix_before_word_prefix_before_substring():
    index = SearchIndex([
        row("a", "Plan", "Hausberger Plan"),         # substring of a word
        row("b", "Plan", "Plan für Berg"),           # a word starts with it
        row("c", "Plan", "Bergplan"),                # the name starts with it
        row("d", "AdvisoryBody", "Berg"),            # exact
        row("e", "Plan", "Tal"),                     # no match
    ])
    hits = index.search("berg", "de", 10)
    assert [(h.thing.iri[-1], h.score) for h in hits] == [
        ("d", 1.0), ("c", 0.75), ("b", 0.5), ("a", 0.25)]


def test_a_municipality_comes_first_on_a_tie_and_the_chosen_language_labels():
    index = SearchIndex([
        row("body/x", "AdvisoryBody", "Essen"),
        row("municipality/05113000", "Municipality", "Essen"),
        row("municipality/05113000", "Municipality", "05113000", lang="", prop=IKG + "ags"),
        row("plan/p", "Plan", "Integrationsplan"),
        row("plan/p", "Plan", "Integration plan", lang="en"),
    ], [{"thing": ID + "plan/p", "municipality": ID + "municipality/05113000"},
        {"thing": ID + "body/x", "municipality": ID + "land/05"}])
    assert [h.thing.kind for h in index.search("essen", "en", 10)] == ["municipality", "body"]
    assert index.search("05113000", "en", 10)[0].thing.ags == "05113000"
    plan = index.search("integration plan", "en", 10)[0].thing
    assert plan.label("en") == "Integration plan" and plan.label("de") == "Integrationsplan"
    assert index.municipality_label(plan.municipality, "en") == "Essen"
    assert index.things[ID + "body/x"].municipality is None  # a Land is no municipality


def test_a_word_inside_a_name_and_a_part_of_a_word_are_found():
    index = SearchIndex([row("plan/a", "Plan", "Leitlinien zur Integrationspolitik"),
                         row("plan/b", "Plan", "Integrationskonzept")])
    assert [(h.thing.iri[-1], h.match, h.name) for h in index.search("integrationspolitik", "de", 5)] == [
        ("a", 2, "Leitlinien zur Integrationspolitik")]
    assert [h.thing.iri[-1] for h in index.search("konzept", "de", 5)] == ["b"]
    assert [h.thing.iri[-1] for h in index.search("zur integ", "de", 5)] == ["a"]


def test_the_limit_cuts_the_ranked_list():
    index = SearchIndex([row(f"plan/{i}", "Plan", f"Plan {i}") for i in range(30)])
    assert len(index.search("plan", "de", 7)) == 7


@pytest.mark.parametrize("query", [None, "", " ", "a", "ü", "--", "a-"])
def test_a_query_under_two_letters_or_digits_is_a_bilingual_400(query):
    with pytest.raises(BadRequest) as caught:
        checked_query(query)
    assert caught.value.status == 400
    assert "2" in caught.value.text("en") and "Buchstaben" in caught.value.text("de")


def test_an_overlong_query_is_a_400():
    with pytest.raises(BadRequest):
        checked_query("x" * 201)


@pytest.mark.parametrize("limit, expected", [(None, 20), ("", 20), ("1", 1), ("100", 100)])
def test_limits_within_range(limit, expected):
    assert checked_limit(limit) == expected


@pytest.mark.parametrize("limit", ["0", "101", "-3", "x", "2.5", "1e3"])
def test_limits_out_of_range_are_a_bilingual_400(limit):
    with pytest.raises(BadRequest) as caught:
        checked_limit(limit)
    assert "100" in caught.value.text("en") and "ganze Zahl" in caught.value.text("de")


def municipality(ags: str, name: str) -> list[ox.Triple]:
    node = ox.NamedNode(ID + "municipality/" + ags)
    return [ox.Triple(node, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                      ox.NamedNode(IKG + "Municipality")),
            ox.Triple(node, ox.NamedNode(LABEL), ox.Literal(name, language="de")),
            ox.Triple(node, ox.NamedNode(IKG + "ags"), ox.Literal(ags))]


def test_the_index_is_rebuilt_after_a_write_and_only_then(store):
    graph = "https://w3id.org/integration-kg/graph/data/test"
    store.replace_graphs([GraphLoad(graph, municipality("14612000", "Dresden"))])
    search = Search(InProcessRunner(store), site_catalog(), store.stats)
    first = search.current(30)
    assert [r.label for r in search.find("dresden", "de")] == ["Dresden"]
    assert search.current(30) is first  # no write, no rebuild
    store.replace_graphs([GraphLoad(graph, municipality("09564000", "Nürnberg"))])
    second = search.current(30)
    assert second is not first
    assert search.find("dresden", "de") == []
    assert [r.ags for r in search.find("Nuernberg", "de")] == ["09564000"]


class SlowRunner:
    """A runner whose queries take `seconds`: an index build longer than a request may wait."""

    def __init__(self, store, seconds: float) -> None:
        self.inner, self.seconds = InProcessRunner(store), seconds

    def run(self, sparql, **kwargs):
        import time
        time.sleep(self.seconds)
        return self.inner.run(sparql, **kwargs)


def test_the_first_search_says_503_while_the_index_is_built_and_later_ones_use_the_old_one(store):
    from kg.errors import Unavailable

    graph = "https://w3id.org/integration-kg/graph/data/test"
    store.replace_graphs([GraphLoad(graph, municipality("14612000", "Dresden"))])
    search = Search(SlowRunner(store, 0.5), site_catalog(), store.stats, wait=0.05)
    with pytest.raises(Unavailable) as caught:
        search.find("dresden", "de")
    assert caught.value.status == 503 and "Minute" in caught.value.text("de")
    search.current(30)
    assert [r.label for r in search.find("dresden", "de")] == ["Dresden"]
    store.replace_graphs([GraphLoad(graph, municipality("09564000", "Nürnberg"))])
    # While the new index is built, searches answer from the one before the write.
    assert [r.label for r in search.find("dresden", "de")] == ["Dresden"]
    search.current(30)
    assert search.find("dresden", "de") == []
