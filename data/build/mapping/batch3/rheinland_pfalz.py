"""Batch 3, Rheinland-Pfalz: Frankenthal (Pfalz), Kaiserslautern, Koblenz, Landau in der Pfalz, Ludwigshafen am
Rhein, Mainz, Neustadt an der Weinstraße, Pirmasens, Speyer, Trier, Worms, Zweibrücken (70 rows of
batch3/infrastructure.csv). Every clause read and given a disposition.

The Land's bodies are all Beiräte für Migration und Integration (§ 56 GemO RLP, since 2009). Where a row says the
Beirat *replaced* an Ausländerbeirat (Mainz, Ludwigshafen's committee, Worms) the older body is a node of its own;
where it says the Beirat was *converted* (Koblenz: "Beirat since July 1983 … converted"), the rows treat it as one
continuing body, and so does the graph. Members "appointed by the Stadtrat" are not said to be councillors, so
they get no selection method (appointed-from-council would claim that): their seats stay in a note.
"""

from __future__ import annotations

from rdflib.namespace import RDF

import model
from mapping.batch3.api import (election_node, list_result, unit_kind, votes_cast, Ctx, Election, Fact, _checked, _d, _date_check, _election_checks, _election_values,
                                adopted, body, chair, classifies, constituted, election, established, inferred_year,
                                keep, legal_basis, members_count, note, noted, office_holder, on, one, publication,
                                rest, row, term, valid)
from mapping.registry import REG
from model import undated
from model.nodes import local_name
from vocab import IKG, thing

LANDS = ("Rheinland-Pfalz",)

MZ_BMI = "Beirat für Migration und Integration der Landeshauptstadt Mainz"
MZ_ABR = "Ausländerbeirat (Mainz)"
MZ_PLAN = 'Handlungsplan "Migration und Integration in Mainz"'
MZ_BUERO = "Büro für Migration und Integration (Landeshauptstadt Mainz)"
LU_BMI = "Beirat für Migration und Integration (BMI) Ludwigshafen"
LU_AUSSCHUSS = "Integrations- und Migrationsausschuss (Ludwigshafen)"
KO_BMI = "Beirat für Migration und Integration der Stadt Koblenz"
TR_BMI = "Beirat für Migration und Integration der Stadt Trier"
KL_BMI = "Beirat für Migration und Integration der Stadt Kaiserslautern"
WO_BMI = "Beirat für Migration und Integration der Stadt Worms"
WO_ABR = "Ausländerbeirat (Worms)"
SP_BMI = "Beirat für Migration und Integration der Stadt Speyer"
LD_BMI = "Beirat für Migration und Integration der Stadt Landau"
NW_BMI = "Beirat für Migration und Integration der Stadt Neustadt an der Weinstraße"
PS_BMI = "Beirat für Migration und Integration der Stadt Pirmasens"
ZW_BMI = "Beirat für Migration und Integration der Stadt Zweibrücken"
FT_BMI = "Beirat für Migration und Integration der Stadt Frankenthal"

ELECTED = "elected-by-migrant-residents"
COUNCIL = "appointed-from-council"
AGGREGATOR = "news aggregator"


# ------------------------------------------------------------------ local facts (api.py's patterns)

def _election_node(e: Election, c: Ctx, row_no: int | None = None) -> object:
    """The election node `e` makes in this row, or in row `row_no` (an election another row dates)."""
    if row_no is None:
        return election_node(e, c)
    node = thing("election", f"{local_name(c.node)}-batch3-infrastructure-{row_no:03d}-{_d(e.when).value}")
    if (node, RDF.type, IKG.Election) not in c.f.triples:
        raise SystemExit(f"{c.row.row_id}: row {row_no} made no election {node}")
    return node


def at_election(e: Election, row_no: int, **stated) -> Fact:
    """Values for the election that row `row_no` dates (e is that row's Election): this row gives no date of its
    own but is about the same election (its property column names the year)."""
    def write(c: Ctx) -> None:
        node = _election_node(e, c, row_no)
        _election_values(c.f, node, stated)
        c.made.append(node)
    return _checked(write, *_election_checks(stated))


def chair_during(name: str, start, end=None, role: str = "chair") -> Fact:
    """A person in a role from `start` ("since …", "elected …") to `end`, as the clause dates it: the period of the
    membership, not a reference time."""
    def write(c: Ctx) -> None:
        c.made.append(model.membership(c.f, REG.person(c.f, name), c.node, _d(start), role=role, end=_d(end),
                                       name=f"{name} ({role})", key=f"{local_name(c.node)}-{c.key}"))
    return _checked(write, ("person", name), _date_check(start), _date_check(end))


def _agent(c: Ctx, name: str, actor_type: str):
    return c.x.actor(c.f, c.city, actor_type, name)


def drafted_by(name: str, actor_type: str, as_written: str) -> Fact:
    """The plan was drawn up by the actor `name` (the clause calls it `as_written`)."""
    def write(c: Ctx) -> None:
        c.f.add(c.node, IKG.draftedBy, _agent(c, name, actor_type))
    return _checked(write, ("name", as_written))


def endorsed_by(name: str, actor_type: str, as_written: str) -> Fact:
    """The body `name` (the clause calls it `as_written`) approved the plan."""
    def write(c: Ctx) -> None:
        c.f.add(c.node, IKG.endorsedBy, _agent(c, name, actor_type))
    return _checked(write, ("name", as_written))


def lead(*facts: Fact) -> Fact:
    """The facts, whose statement nodes become the row's first (the one ikg:conflictsWith links), where the
    conflicting statement is not in the row's first clause."""
    def write(c: Ctx) -> None:
        before = len(c.made)
        for fact in facts:
            fact(c)
        c.made[:] = c.made[before:] + c.made[:before]
    return _checked(write, *(ch for fact in facts for ch in getattr(fact, "checks", ())))


# ------------------------------------------------------------------ elections of more than one clause

E189 = election("2019-10")
E190 = election("2024-11-10", mode="postal")
E252 = election("2019-10-27", eligible=62000, turnout="8.2", mode="postal")
E253 = election("2024-11-10", mode="postal")
E254 = election("2024-10-10")
E385 = election("2014-11-23", eligible=9636, turnout="9.2")
E397 = election(inferred_year("2014"))
E398 = election(inferred_year("2019"), seats=13)
E399 = election("2024-12-08", eligible=28000, mode="postal")
E475 = election("2023-03-26", mode="postal")
E479 = election("2024-11-10", eligible=7718, mode="postal")

ROWS = {
    # --- Mainz
    186: row(keep(1, established("2009", predecessor=MZ_ABR), on(MZ_ABR, election("1987")),
                  rest("the Ausländerbeirat was first elected 1987 and replaced in 2009; the row's page is a "
                       "search-engine snippet of mainz.de (a copy)")),
             note(2)),  # "elected representation": no seat numbers or groups, so no composition
    187: one(members_count(56, when="2019-10"),
             rest("56 members with advisory vote in committees, as SWR reported in October 2019; another source "
                  "gives 56 as the number of candidates in 2019")),
    188: row(note(1, "about 30,000 eligible, turnout just under 8% (the row's property names the 2014 election; "
                     "the value itself gives no date, so no election is dated from it)")),
    189: row(keep(1, E189, rest("held together with the election of the Oberbürgermeister; the 8th election of "
                                "the body; the cited page reports the preliminary result")),
             keep(2, E189.more(turnout="11.2"), votes_cast(E189, 6200), rest("more than 55,000 eligible")),
             keep(3, E189.more(candidates=56), rest("56 candidates on 6 lists")),
             keep(4, list_result(E189, "Viva Vielfalt", share="38.1")),
             conflicts=(187,)),
    190: row(keep(1, E190, rest("postal vote only; the row's page is a mirror of mainz.de (gutenberg.de copy)")),
             note(2),   # the number of lists: no property
             note(3)),  # "for over 35 years": no founding date
    191: row(keep(1, at_election(E190, 190, eligible=65449),
                  rest("65,449 eligible in the 2024 election; the row's page is an aggregator citing sensor "
                       "magazin")),
             keep(2, at_election(E190, 190, turnout="9.3"), election("2019", turnout="11.2")),
             note(3)),  # the result's publication, as another source (sensor magazin) reports it
    192: one(office_holder("Carlos Wittmer", "2019"), office_holder("Carlos Wittmer", "2024")),
    605: row(keep(1, drafted_by(MZ_BUERO, "office", "Büro für Migration und Integration")),
             keep(2, endorsed_by(MZ_BMI, "advisory_council", "Beirat für Migration und Integration"),
                  rest("endorsed unanimously by the Beirat für Migration und Integration and by the city's "
                       "bodies (no date of an adoption given)"))),
    606: one(publication(MZ_PLAN, "2011"),
             rest("the document of the Handlungsplan, 'Stand: 2011', with a foreword by OB Jens Beutel (document "
                  "copy)")),
    607: noted(),  # an update in progress (since the end of 2023): neither adoption nor validity
    608: row(keep(1, unit_kind("staff-unit", "Stabsstelle"),
                  rest("a Stabsstelle of the Oberbürgermeister, headed by the city's Integrationsbeauftragter")),
             note(2)),  # the Beirat's office inside the Büro: no node of its own
    # --- Ludwigshafen am Rhein
    249: row(note(1),  # "Ausländerbeiräte" (plural) since 1989: no one body named
             keep(2, established("2009", predecessor=LU_AUSSCHUSS),
                  rest("BMI since 2009 after the RLP reform law (passed 2008-11-12, in force 2009-01-01), replacing "
                       "the Integrations- und Migrationsausschuss and the Integrations- und Migrationsbeirat"))),
    250: row(keep(1, members_count(33, (22, ELECTED), (11, COUNCIL)), classifies()),
             keep(2, term(5)),
             keep(3, legal_basis("§ 56 GemO RLP"))),
    251: row(keep(1, chair_during("Joannis Chorosis", "2020-01-30")),
             keep(2, chair("Ibrahim Yetkin", undated(), role="deputy-chair")),
             conflicts=(687,)),
    252: row(keep(1, E252, rest("about 62,000 eligible (an approximate figure)")),
             keep(2, list_result(E252, "SPD", seats=7), list_result(E252, "CDU", seats=4),
                  list_result(E252, "Greens", seats=4), list_result(E252, "Türkische Liste", seats=3),
                  rest("the seats of the other lists are not given")),
             keep(3, constituted("2020-01-30"))),
    253: row(keep(1, E253, rest("2024-11-10 is the deadline of the postal vote")),
             keep(2, E253.more(eligible=74000), rest("about 74,000 eligible (an approximate figure)")),
             note(3)),  # the number of lists: no property
    254: row(keep(1, E254.more(turnout="8.0"), election("2019", turnout="8.2")),
             keep(2, E254, rest("the election dated 10 October 2024 on this party website (the Greens' Ludwigshafen "
                                "council group); other sources give 10 November")),
             conflicts=(253,)),
    255: one(election("2014-11-23", mode="postal"),
             rest("the postal vote was decided on 2014-08-20 by the election committee")),
    # the BMI "located in" the Sozialdezernat (a body is no part of a unit), Beate Steeg named with it: a note
    256: noted(),
    684: row(keep(1, office_holder("Hannele Jalonen")),
             note(2),   # responsible "since 2005": not the post's founding
             note(3)),  # the Arbeitskreis Integration: not modelled as a body
    685: row(note(1),  # recognising the Nationaler Integrationsplan: no adoption of a plan of the city
             keep(2, adopted("2011-06-21"),
                  rest("the 'Ludwigshafener Erklärung' was signed at the 2nd Integrationsgipfel; the city was a model "
                       "site of the federal project on integration agreements, to end 2012"))),
    686: row(keep(1, valid("2018-10"), rest("an administration project that started in October 2018 with the "
                                            "ChancenCheckLU self-check")),
             note(2)),
    687: one(chair("Cem Cantekin", "2019-09"),
             rest("chair in the 2014–2019 term; announced in September 2019 he would not stand again")),
    688: noted(),  # the Beirat's office assigned to the Abteilung Integration: no node for the office
    # --- Koblenz: one continuing body (the rows: "Beirat since July 1983 … converted")
    382: row(keep(1, established("1983-07")),
             keep(2, lead(election("1991")),
                  rest("directly elected by foreign residents for five years since 1991")),
             note(3)),  # the conversion by the RLP reform (in force 2009-01-01): the old name is not given
    383: one(constituted("1984-03-12"), rest("the constitutive session of the Ausländerbeirat")),
    384: one(election("1994"),
             rest("the Ausländerbeirat first elected in 1994, on an SPD politician's page (partisan); the city page "
                  "gives direct election since 1991"), conflicts=(382,)),
    385: row(keep(1, E385),
             keep(2, E385.more(seats=12), list_result(E385, "GEMEINSAM", seats=6),
                  list_result(E385, "Arbeitsgruppe türkischer Migranten", seats=5),
                  list_result(E385, "Jüdische Kultusgemeinde", seats=1), classifies(),
                  rest("12 elected members plus 5 Stadtrat members")),
             note(3)),  # "term to 2019": no property for a term's end
    386: row(keep(1, chair_during("Serkan Genc", "2015-01")),
             keep(2, chair_during("Vito Contento", "1999", "2014"))),
    731: row(note(1), note(2), note(3), note(4)),  # presented May 2007 (not adopted), the commissioner post
    # created without a date, the steering group, the Land's recognition (minutes of another council)
    732: noted(),  # an update in development
    733: noted(),  # debated in a committee, as Rhein-Zeitung reported (another source)
    # an agreement: a document, not an organisation; signed by the time of a report of 2014-01-08 (no signing date)
    734: noted(actor_type="research"),
    735: one(members_count(None, (12, ELECTED), (5, COUNCIL), when="2014-11-23"), classifies(),
             rest("after the 2014-11-23 election (archived city page)")),
    # --- Trier
    396: one(members_count(13), term(5), conflicts=(727,)),
    397: row(keep(1, E397, rest("on 23 November; the fourth Trier Beirat since 1999")),
             keep(2, E397.more(eligible=8700), rest("about 8,700 eligible (an approximate figure)")),
             note(3)),
    398: row(keep(1, E398, rest("on 27 October; three lists")),
             note(2)),  # postal and ballot-box vote: the voting modes alone are no checkable value
    399: row(keep(1, E399, votes_cast(E399, 2357),
                  rest("the first pure postal vote, ending 2024-12-08; about 28,000 eligible")),
             keep(2, list_result(E399, "DIL", seats=4), list_result(E399, "TFA", seats=3),
                  list_result(E399, "Bunte Liste", seats=3), list_result(E399, "Migrationsbrücke", seats=3),
                  rest("4 lists"))),
    400: row(keep(1, classifies(), rest("after a Satzung change in March (year not stated) the Stadtrat no longer "
                                         "sends members")),
             keep(2, chair("Artur Karas", undated()), rest("elected chair on 15 December (year not stated)"))),
    724: row(keep(1, adopted("2011-12-13", by="Stadtrat"),
                  rest("with decisive input from the Beirat für Migration und Integration")),
             note(2)),  # five fields of action, not named
    725: row(note(1), note(2), note(3)),  # the second phase in preparation: evaluation, kick-off, working groups
    726: row(note(1), note(2)),  # a kick-off event and a draft aimed for: no adoption
    727: row(keep(1, members_count(18, (13, ELECTED), (5, COUNCIL)),
                  rest("at its constituent session: 13 elected \"in November of the previous year\" by residents "
                       "with migration background plus 5 from the Stadtrat groups")),
             keep(2, chair("Maria de Jesus dos Santos Duran Kremer", undated())),
             note(3)),  # the OB's start of the integration concept, as the undated article (c. 2009) says
    # --- Kaiserslautern
    420: one(established("2009"), election("2009"),
             rest("since 2009, first elected 2009 (news aggregator, mittelhessen.app)")),
    421: one(members_count(15, (15, ELECTED)), classifies(),
             rest("15 members elected for five years (news aggregator, mittelhessen.app)")),
    422: row(keep(1, election("2024-11-10")), note(2), note(3)),
    423: row(keep(1, election("2024-11", candidates=21), chair("Ali Bayar", undated()),
                  rest("Ali Bayar re-elected chair at the constitutive session after the November 2024 election")),
             note(2)),  # the end of the previous term: no property
    424: row(keep(1, chair_during("Maher Saleh", "2015-01-22"), rest("elected chair with 7 of 13 votes")),
             keep(2, chair("Artur Harutyunyan", undated()), rest("the chair before Maher Saleh"))),
    # --- Worms
    434: row(keep(1, on(WO_ABR, established("1979"))),
             keep(2, established("2009"), rest("it replaced the first Ausländerbeirat"))),
    435: row(keep(1, on(WO_ABR, election("1990-10-07"))),
             note(2)),  # a founding member of AGARP: no membership node for it
    436: row(keep(1, members_count(16, (11, ELECTED)),
                  rest("16 members: 11 elected and 5 appointed by the Stadtrat (not said to be councillors)")),
             note(2)),
    437: row(keep(1, election("2009-11"), rest("the first election of the Beirat für Migration und Integration")),
             note(2)),  # the term's start: no property
    438: row(keep(1, election("2019-10-27")),
             keep(2, chair("Sumera Nizami-Jeckel", undated()), rest("re-elected chair at the constitutive session"))),
    439: row(keep(1, constituted(inferred_year("2024")), rest("on 26 November")),
             keep(2, chair("Jürgen Lorenz", undated()), rest("chair: Dr. Jürgen Lorenz"))),
    440: row(note(1),
             keep(2, office_holder("Lara Böllhoff"), rest("named as the new Beauftragte"))),
    # --- Speyer
    466: row(keep(1, members_count(11), rest("11 members, five-year term")),
             keep(2, chair("Nadja Hattab", "2024"), rest("chair in the term ending 2024"))),
    467: row(note(1),  # an election planned for 2024-11-10, which was not held
             note(2)),
    468: noted(),  # "to be set up by appointment": planned
    # --- Landau in der Pfalz
    469: one(election("2009-11-08"), rest("the first election")),
    470: row(keep(1, members_count(12, when="2020-01")),
             keep(2, chair("Orhan Yilmaz", undated()), rest("re-elected chair")),
             note(3)),
    471: one(election("2024-11-10"),
             rest("applications until 23 Sept; candidates with or without migration background")),
    # --- Neustadt an der Weinstraße
    472: row(keep(1, members_count(12), rest("12 members listed for 2019-2024")),
             keep(2, chair_during("Barbara Kupper", "2019-12"),
                  chair_during("Michael Landgraf", "2019-12", role="deputy-chair"))),
    473: row(keep(1, election("2024-11", candidates=14, seats=7)),
             keep(2, classifies())),
    # --- Pirmasens
    474: row(keep(1, members_count(9), rest("9 members, five-year term")),
             note(2)),  # "existed about 20 years (2023)": no founding date
    475: one(E475, election("2019", candidates=11), chair("Akgül Yazici", undated()),
             rest("an early election because only 3 of 9 members remained; Akgül Yazici was the last chair")),
    476: row(keep(1, at_election(E475, 475, eligible=5000), rest("almost 5,000 eligible from 116 nations")),
             keep(2, at_election(E475, 475, candidates=14, seats=9))),
    477: row(keep(1, election("2024-11-10", candidates=17, seats=9), rest(AGGREGATOR)),
             keep(2, chair("Dan-Odysseas Miliadis", undated()), rest("chair of the outgoing Beirat (news aggregator)"))),
    # --- Zweibrücken
    478: row(keep(1, election("2019-10-27")),
             note(2),  # the turnout of the election five years before: that election is not dated
             keep(3, chair("Pervin Taze", undated()))),
    479: row(keep(1, E479, rest("postal vote until 2024-11-10; 2,929 eligible five years before (news aggregator)")),
             keep(2, E479.more(seats=8), rest("8 elected plus 4 appointed by the Stadtrat")),
             keep(3, chair("Kamiran Mohamad", undated()), rest(AGGREGATOR))),
    # --- Frankenthal (Pfalz)
    480: noted(),  # a list of where elections were to be held in 2019: no election seen
}

BODIES = {
    ("Mainz", MZ_BMI): body("beirat-fuer-migration-und-integration", rows=[186]),
    ("Mainz", MZ_ABR): body("auslaenderbeirat", rows=[186]),
    ("Ludwigshafen am Rhein", LU_BMI): body("beirat-fuer-migration-und-integration", "elected-and-council",
                                            rows=[250]),
    ("Ludwigshafen am Rhein", LU_AUSSCHUSS): body("integration-committee", rows=[249]),
    ("Koblenz", KO_BMI): body("beirat-fuer-migration-und-integration", "elected-and-council", rows=[385, 735]),
    ("Trier", TR_BMI): body("beirat-fuer-migration-und-integration", "elected-only", rows=[400, 398]),
    ("Kaiserslautern", KL_BMI): body("beirat-fuer-migration-und-integration", "elected-only", rows=[421]),
    ("Worms", WO_BMI): body("beirat-fuer-migration-und-integration", rows=[434]),
    ("Worms", WO_ABR): body("auslaenderbeirat", rows=[434]),
    ("Speyer", SP_BMI): body("beirat-fuer-migration-und-integration", rows=[466]),
    ("Landau in der Pfalz", LD_BMI): body("beirat-fuer-migration-und-integration", rows=[469]),
    ("Neustadt an der Weinstraße", NW_BMI): body("beirat-fuer-migration-und-integration", "elected-and-council",
                                                 rows=[473]),
    ("Pirmasens", PS_BMI): body("beirat-fuer-migration-und-integration", rows=[474]),
    ("Zweibrücken", ZW_BMI): body("beirat-fuer-migration-und-integration", rows=[478]),
    ("Frankenthal (Pfalz)", FT_BMI): body("beirat-fuer-migration-und-integration", rows=[480]),
}
