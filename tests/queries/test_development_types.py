"""The development-type rules (cq18, and kg.development_types over it) on the fictional fixture,
run as users run them: a store built by `kg load`, queries through the worker pool. One case per
type and one where too little is recorded; on every test date each answer follows the rules from
the facts it lists, labelled as the scheme labels its types."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from devtypes_rules import KINDS, NOT_ENOUGH, TYPE, labels, rule
from kg.catalog_runner import selector, site_catalog
from kg.development_types import FACT_KINDS, development_types
from test_cq import DATES, answer, by_id, close_public, open_public
from test_cq import date as date_term

F = "https://example.org/fictional/"


@pytest.fixture(scope="module")
def public(tmp_path_factory) -> Iterator:
    path = open_public(tmp_path_factory.mktemp("devtypes"))
    yield path
    close_public(path)


@pytest.fixture(scope="module")
def select(public):
    return selector(public.runner, site_catalog())


# (town, date, type or None for "not enough recorded", facts that must be listed, facts that must not
# be, kinds with nothing listed) — the fixture's records, read in tests/fixtures/fictional/*.ttl
CASES = [
    ("altenbrueck", "2024-06-30", "cooperative",
     {"commissionerPosts": {"post-altenbrueck"}, "advisoryBodies": {"body-altenbrueck"},
      "plansInForce": {"plan-altenbrueck-2022"}, "cooperations": {"coop-altenbrueck-stuetzpunkte"},
      "longTermFunding": {"funding-ki-altenbrueck"}},
     {"plansInForce": {"plan-altenbrueck-2015"}}, ()),  # 2015–2020, replaced
    ("neuwerder", "2024-06-30", "institutionalised",
     {"commissionerPosts": {"post-neuwerder"}, "advisoryBodies": {"body-neuwerder"},
      "plansInForce": {"plan-neuwerder-2024"}},
     {"advisoryBodies": {"body-neuwerder-old"}},  # dissolved in 2015
     ("longTermFunding",)),  # NeMiNe's institutional funding ended
    ("hohenfeld", "2024-06-30", "project-based", {"projects": {"site-lotsen-hohenfeld"}},
     {"cooperations": {"coop-hohenfeld-elternverein"}},  # ended 2018
     ("cooperations", "longTermFunding", "plansInForce")),
    ("neuwerder", "1990-01-01", "emerging",
     {"commissionerPosts": {"post-neuwerder"}, "advisoryBodies": {"body-neuwerder-old"}},
     {"advisoryBodies": {"body-neuwerder"}},  # founded 2015
     ("plansInForce", "cooperations", "projects")),
    ("altenbrueck", "1990-01-01", None,
     {"commissionerPosts": {"post-altenbrueck"}, "cooperations": {"coop-altenbrueck-beratung"}},
     {"advisoryBodies": {"body-altenbrueck"}},  # founded 2010
     ("advisoryBodies", "plansInForce")),
]


@pytest.mark.parametrize(("town", "day", "kind", "listed", "unlisted", "empty"), CASES,
                         ids=[f"{c[0]}-{c[1]}-{c[2]}" for c in CASES])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_each_type_with_the_facts_that_decided_it(select, town, day, kind, listed, unlisted, empty, lang):
    [found] = development_types(select, [F + town], date.fromisoformat(day), lang)
    assert found.municipality == F + town and found.date == date.fromisoformat(day)
    iris = {k: {fact.iri.removeprefix(F) for fact in facts} for k, facts in found.facts.items()}
    assert list(iris) == list(FACT_KINDS) == list(KINDS)
    for k, things in listed.items():
        assert things <= iris[k], (k, iris[k])
    for k, things in unlisted.items():
        assert not things & iris[k], (k, iris[k])
    assert all(not iris[k] for k in empty)
    if kind is None:
        assert not found.decided and found.type is None and found.type_link is None
        assert found.label == NOT_ENOUGH[lang]
    else:
        assert found.decided and found.type == TYPE + kind
        assert found.label == labels()[TYPE + kind][lang]
        assert found.type_link == f"/id/concept/development-type/{kind}"
    # facts are labelled as the fixture labels them; an IRI outside the project leads to itself
    for facts in found.facts.values():
        for fact in facts:
            assert fact.label and fact.label != fact.iri.removeprefix(F)
            assert fact.link == fact.iri


def test_every_answer_follows_the_rules_from_the_facts_it_lists(public):
    """On every test date and for every town: the type is the one the rules give for the facts
    listed, and its labels are the scheme's prefLabels (or "not enough recorded")."""
    query, by_type = by_id("cq18"), labels()
    seen = set()
    for day in [None, *DATES]:
        rows = answer(public, query, {"date": date_term(day)} if day else None)
        header = rows[0]
        assert len(rows) > 4
        for row in rows[1:]:
            cells = dict(zip(header, row))
            expected = rule({kind: cells[kind] for kind in KINDS})
            assert (cells["developmentType"] or None) == expected, (day, cells)
            names = by_type[expected] if expected else NOT_ENOUGH
            assert (cells["typeEn"], cells["typeDe"]) == (names["en"], names["de"]), (day, cells)
            seen.add(expected)
    # the fixture shows every type and the case of too little recorded
    assert seen == {None, *(TYPE + name for name in ("cooperative", "institutionalised", "project-based", "emerging"))}


def test_plans_in_force_are_those_cq03_finds_in_force(public):
    """Two queries, one reading of validity: cq18's plans in force are cq03's plans on the date."""
    for day in DATES:
        rows = answer(public, by_id("cq18"), {"date": date_term(day)})
        cq03 = answer(public, by_id("cq03"), {"date": date_term(day)})
        plans: dict[str, set[str]] = {}
        for row in cq03[1:]:
            cells = dict(zip(cq03[0], row))
            plans.setdefault(cells["municipality"], set()).add(cells["plan"])
        for row in rows[1:]:
            cells = dict(zip(rows[0], row))
            listed = {p for p in cells["plansInForce"].split("; ") if p}
            assert listed == plans.get(cells["municipality"], set()), (day, cells["municipalityLabel"])


def test_unknown_municipality_gives_no_entry(select):
    assert development_types(select, [F + "nowhere"], date(2024, 6, 30), "en") == []
