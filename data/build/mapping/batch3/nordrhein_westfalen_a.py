"""Batch 3, Nordrhein-Westfalen (first half): Bielefeld, Bochum, Bonn, Bottrop, Duisburg, Düsseldorf, Essen,
Gelsenkirchen, Hagen, Hamm (rows 1–8, 62–69, 79–84, 93–103, 148–153, 226–231, 238–242, 284–287, 387–391, 546–559,
563–568, 587–590, 629–634, 650–653, 659–662, 753–755 of batch3/infrastructure.csv). The other NRW cities are in
nordrhein_westfalen_b.py. Every clause read and given a disposition.

Local helpers (below, in api.py's pattern) add what the API has no fact for but the ontology has a property for:
votes cast and list results of an election (ikg:votesCast, ikg:hasResult), a value for the election another row of
the same page dates, a role held during a stated period or since a stated start, a change decided by the council
without a founding, a unit in the mayor's office, and a plan's predecessor (dct:replaces) and drafter
(ikg:draftedBy)."""

from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import XSD

import model
from dates import vague
from model import undated
from model.nodes import local_name
from mapping.batch3.api import (election_node, list_result, votes_cast, drafted_by, replaces, Ctx, When, _checked, _council, _d, _date_check, adopted, body, chair,
                                classifies, constituted, dated, election, established, head, inferred_year, keep,
                                legal_basis, located_in, members_count, note, noted, office_holder, on, one,
                                predecessor, rest, row, season, term, valid)
from mapping.infrastructure.actors import actor_key, canonical
from mapping.registry import REG
from vocab import IKG, thing

LANDS = ("Nordrhein-Westfalen",)
CITIES = ("Bielefeld", "Bochum", "Bonn", "Bottrop", "Duisburg", "Düsseldorf", "Essen", "Gelsenkirchen", "Hagen",
          "Hamm")

ELECTED = "elected-by-migrant-residents"
COUNCIL = "appointed-from-council"  # "vom Rat entsandt": the rows' "sent by the Rat" / "named by the Rat"


# ------------------------------------------------------------------ local helpers (api.py's patterns)

def circa(year: str) -> object:
    """'c. 2014': the year, hedged (as the first batch's 'um 2016')."""
    return vague(year, f"{year}-01-01", f"{year}-12-31", f"um {year}")


class Earlier:
    """The election another row of the same page made (row `number`, dated `when` there): a later row adds the
    values its own clause states to that node; the date stays the other row's statement."""

    def __init__(self, number: int, when: str) -> None:
        self.number, self.when = number, when

    def _node(self, c: Ctx):
        return thing("election", f"{local_name(c.node)}-batch3-infrastructure-{self.number:03d}-{_d(self.when).value}")


def turnout_of(e: Earlier, percent: str) -> object:
    """The turnout (per cent, as a string) of an election another row dates."""
    def write(c: Ctx) -> None:
        c.f.add(election_node(e, c), IKG.turnoutPercent, Literal(percent, datatype=XSD.decimal))
    return _checked(write, ("decimal", percent))


def held(name: str, start: When, end: When = None, role: str = "chair") -> object:
    """A person in a role for a stated period ('(2014-2020)') or since a stated start ('head since …'):
    the membership's period, not a reference time."""
    def write(c: Ctx) -> None:
        c.made.append(model.membership(c.f, REG.person(c.f, name), c.node, _d(start), role=role, end=_d(end),
                                       name=f"{name} ({role})"))
    return _checked(write, ("person", name), _date_check(start), _date_check(end))


def named(name: str, when: When, label: str) -> object:
    """A person the clause names in the body at a date, without a role of the scheme (the label says the role)."""
    def write(c: Ctx) -> None:
        m = model.membership(c.f, REG.person(c.f, name), c.node, None, name=label)
        c.f.add(m, IKG.referenceTime, model.instant(c.f, _d(when)))
        c.made.append(m)
    return _checked(write, ("person", name), _date_check(when))


def founded(when: When) -> object:
    """The founding date alone (ikg:founded), without an establishment event."""
    return _checked(lambda c: model.founded(c.f, c.node, _d(when)), _date_check(when))


def changed_from(name: str, when: When, kind: str, decided_by: str | None = None) -> object:
    """`name` (same actor type) was changed into the actor by a decision dated `when` (of the council the clause
    names): a change event with its date and decider, and no founding date of the actor."""
    def write(c: Ctx) -> None:
        before = c.x.actor(c.f, c.city, c.row.fields["actor_type"], name)
        by = _council(c, decided_by) if decided_by else None
        c.made.append(model.change_event(c.f, f"{local_name(c.node)}-{kind}-{c.key}", kind, before, c.node, _d(when),
                                         decided_by=by, name="Umwandlung" if kind == "conversion" else "Nachfolge"))
    return _checked(write, ("name", name), _date_check(when), ("name", decided_by))


def under_mayor(name: str) -> object:
    """The unit sits in the mayor's office or Dezernat (unit kind office-of-the-mayor), named as the clause does."""
    def write(c: Ctx) -> None:
        key = (c.city, canonical(name))
        if key not in c.x.nodes:
            c.x.nodes[key] = model.unit(c.f, REG.admin(c.f, c.ags), actor_key(name), name, "office-of-the-mayor")
        located_in(name)(c)
    return _checked(write, ("name", name))


# ------------------------------------------------------------------ names

BI_IR = "Integrationsrat der Stadt Bielefeld"
BI_AB = "Ausländerbeirat (Bielefeld)"
ES_IR = "Integrationsrat der Stadt Essen"
ES_AB = "Ausländerbeirat (Essen)"
ES_IB = "Integrationsbeirat (Essen)"
ES_1999 = "Konzept für die interkulturelle Arbeit in der Stadt Essen"
DU_IR = "Integrationsrat der Stadt Duisburg"
DU_KI = "Kommunales Integrationszentrum (Duisburg)"
DU_REFERAT = "Referat für Integration (Stadt Duisburg)"
DU_RAA = "RAA (Duisburg)"
DU_AMT = "Amt für Integration und Einwanderungsmanagement (Duisburg)"
DUS_IR = "Integrationsrat Düsseldorf"
DUS_AMT = "Amt für Migration und Integration Düsseldorf"  # the first batch's node (other-municipalities.ttl)
DUS_DEZERNAT = "Dezernat für Jugend, Schule, Soziales und Sport (Düsseldorf)"
BO_IR = "Integrationsrat der Stadt Bochum"
BO_AMI = "Ausschuss für Migration und Integration (Bochum)"
BO_AB = "Ausländerbeirat (Bochum)"
BO_IA = "Integrationsausschuss der Stadt Bochum"
BO_PLAN = "Bochumer Integrationskonzept"
BO_MAYOR = "Oberbürgermeister (Bochum)"
BO_DEZERNAT = "Dezernat Bildung, Kultur und Sport (Bochum)"
BN_IR = "Integrationsrat der Bundesstadt Bonn"
BN_AB = "Ausländerbeirat (Bonn)"
GE_IR = "Integrationsrat der Stadt Gelsenkirchen"
GE_REFERAT = "Referat Zuwanderung und Integration (Stadt Gelsenkirchen)"
HA_IR = "Integrationsrat der Stadt Hagen"
HA_RAA = "RAA (Hagen)"
HA_MAYOR = "Oberbürgermeister (Hagen)"
HAM_IR = "Integrationsrat der Stadt Hamm"
HAM_AMT = "Amt für Soziale Integration (Stadt Hamm)"
HAM_ABH = "Ausländerbehörde (Hamm)"
HAM_PREVIOUS = "Kommunales Integrationskonzept der Stadt Hamm (2016)"
BOT_IA = "Integrationsausschuss der Stadt Bottrop"
BOT_IR = "Integrationsrat (Stadt Bottrop)"
BOT_RAA = "RAA (Bottrop)"
BI_MAYOR = "Oberbürgermeister (Bielefeld)"

# One body (or unit, plan) = one node: rows that name an actor another row or the first batch already has.
ALIASES = {
    # the first batch has the Amt (infrastructure row "Amt für Migration und Integration Düsseldorf")
    ("Düsseldorf", "Amt für Migration und Integration (Amt 54), Düsseldorf"): DUS_AMT,
    # the concept of 2009 (row 96) and its action paper of 2009, updated 2013 (row 650): one plan
    ("Bochum", "Bochumer Integrationskonzept / Handlungsplan Integration"): BO_PLAN,
    # the Integrationsrat that row 388 says the Integrationsausschuss replaced, under the name row 388 gives it
    ("Bottrop", "Integrationsrat der Stadt Bottrop"): BOT_IR,
    # the Referat that row 590 places the KIM in ("Referat Zuwanderung und Integration/KI"), as row 590 names it
    ("Gelsenkirchen", "Referat Zuwanderung und Integration / Kommunales Integrationszentrum (Stadt Gelsenkirchen)"):
        GE_REFERAT,
    # the KI that row 551 says drew up the concept ("the Kommunales Integrationszentrum"), as row 551 names it
    ("Duisburg", "Kommunales Integrationszentrum Duisburg"): DU_KI,
}

# elections whose clauses are spread over several clauses of a row
BI_2014 = election("2014-05-25")
ES_2014 = election("2014-05-25")
DU_2014 = election("2014-05", eligible=90274, turnout="16.4")
DUS_2020 = election("2020-09-13", eligible=176513, turnout="7.95")
BO_2014 = election("2014-05-25", turnout="13.3")
BO_2025 = election("2025-09-14")
BN_2025 = election("2025-09-14")
GE_2014 = election("2014-05-25")
HA_2020 = election("2020-09-13", turnout="14.72")
HAM_2020 = election("2020-09-13", eligible=48500)
BOT_2020 = election("2020-09-13")
BOT_2020_ROW_388 = Earlier(388, "2020-09-13")  # rows 388-390 cite one bottrop.de page

ROWS = {
    # --- Bielefeld: Integrationsrat
    1: one(members_count(25, (17, ELECTED), (8, COUNCIL)), classifies()),
    2: row(keep(1, term(5)),
           note(2)),  # a planned election: not an election held
    3: one(BI_2014, rest("held on the same day as the Rat election; more than 59,000 people eligible")),
    4: one(chair("Mehmet Ali Ölmez", "2014-10-01"), chair("Yasin Sever"),
           rest("Mehmet Ali Ölmez was elected chair on 2014-10-01 for the term to 2020, succeeding Yasin Sever")),
    5: one(legal_basis("§ 27 Gemeindeordnung NRW"), rest("a mandatory body of the Rat")),
    6: one(predecessor(BI_AB), on(BI_AB, established("1973"), rest("described as one of the first in Germany"))),
    # an anniversary celebration dated only by the report (2024-02): the model has no event for it
    7: row(note(1), keep(2, chair("Murisa Adilovic"))),
    8: row(note(1),  # a call for candidates until a deadline: no election of its own
           keep(2, members_count(None, (17, ELECTED), (8, COUNCIL)), classifies(),
                rest("17 elected migrant representatives and 8 delegated Ratsmitglieder, given for the 2025 "
                     "election"))),
    # --- Essen: Integrationsrat and its predecessors
    62: one(members_count(27, (18, ELECTED), (9, COUNCIL)), classifies(),
            rest("27 voting members, plus advisers, e.g. from associations")),
    63: one(members_count(38, when=inferred_year("2025")), rest("a 38-member body of which 27 have a vote")),
    64: row(keep(1, predecessor(ES_AB),
                 on(ES_AB, established("1975-01"), constituted("1975-10-24"),
                    rest("commissioned by the Sozialausschuss in Jan 1975; first constitutive meeting 1975-10-24"))),
            keep(2, predecessor(ES_IB),
                 rest("the Ausländerbeirat was later the Integrationsbeirat and is now the Integrationsrat"))),
    65: noted(),  # a third Ordnung preparing direct election: the model has no property for a statute's content
    66: row(keep(1, ES_2014), keep(2, ES_2014.more(turnout="14.2"))),
    67: one(election("2025-09-14"), rest("held with the local elections; about 155,000 eligible")),
    68: row(keep(1, chair("Sadik Cicin", inferred_year("2025"))),
            keep(2, chair("Yilmaz Günes", role="deputy-chair"), rest("1st deputy chair"))),
    69: noted(),  # an election whose year the page does not state: no election without a date
    # --- Duisburg: Integrationsrat
    79: one(members_count(27, (18, ELECTED), (9, COUNCIL)),
            rest("27 voting members: 18 directly elected by the non-German population and 9 named by the Rat")),
    80: one(chair("Erkan Üstünay"), election("2014-05"), rest("elected chair after the May 2014 elections")),
    81: noted(),  # its Geschäftsstelle in the KI: the model has no property for a body's office
    82: one(DU_2014, votes_cast(DU_2014, 14854), rest("held with the European and local elections")),
    83: one(constituted("2010-02"), rest("constitutive session of the 2010-2014 term")),
    # --- Düsseldorf: Integrationsrat (first-batch node)
    84: row(keep(1, DUS_2020, votes_cast(DUS_2020, 14035)),
            keep(2, DUS_2020.more(seats=10), classifies(),
                 rest("members elected for 10 seats; the others are Ratsmitglieder"))),
    # the 10 migrant representatives: the row does not say how they are chosen (row 84: elected), so no group
    287: one(members_count(19, (9, COUNCIL), when=inferred_year("2017")), classifies(),
             rest("19 members: 10 migrant representatives and 9 Ratsmitglieder, after the change of § 27 GO NRW "
                  "(page with 2017 dates)")),
    # --- Bochum: Integrationsrat, Ausschuss für Migration und Integration, Integrationsausschuss
    93: row(keep(1, BO_2014, votes_cast(BO_2014, 6593), rest("6,593 voters of about 50,000 eligible")),
            keep(2, BO_2014.more(seats=10), list_result(BO_2014, "SPD", seats=4),
                 list_result(BO_2014, "CDU Forum Integration", seats=2), list_result(BO_2014, "Grüne Liste Vielfalt", seats=2),
                 list_result(BO_2014, "ILBO", seats=1), list_result(BO_2014, "AAAA", seats=1),
                 rest("the 4 seats went to the SPD list"))),
    # the composition has a member whose selection the scheme cannot say ("1 advisory member") and no total:
    # kept as a note, so that no total is derived from the groups
    94: row(keep(1, predecessor(BO_AB), classifies(),
                 rest("after the 2004 local election the Ausländerbeirat and the Rat replaced the Beirat with a "
                      "committee: 11 Ratsmitglieder, 10 elected migrant representatives, 1 advisory member and "
                      "1 sachkundiger Einwohner")),
            note(2)),  # a turnout of an election the row does not date
    95: row(keep(1, BO_2025, rest("held parallel to the local elections")), keep(2, BO_2025.more(eligible=87500))),
    # --- Bochum: plan, KI, KIM
    96: row(keep(1, adopted("2009", by="Rat")), note(2)),
    650: row(note(1), note(2)),  # dates of a paper and its update, a workshop event: no adoption
    # README conflict (KIBO placement, *over time?*): a unit's placement is no statement node, so the two rows
    # stay two placements cited each to its row, and each notes the other
    97: one(under_mayor(BO_MAYOR),
            rest("assigned to the Oberbürgermeister in the Dezernatsverteilungsplan (bojournal); another page "
                 "places the KI in the Dezernat Bildung, Kultur und Sport")),
    651: row(keep(1, held("Susanne Köllner", circa("2014"), role="head"),
                  rest("head since September of the year of the 8th Integrationskonferenz, c. 2014")),
             note(2)),  # a deputy head: the role scheme has deputy chairs of bodies, not deputy heads of units
    652: row(keep(1, located_in(BO_DEZERNAT),
                  rest("an Amt of the Dezernat Bildung, Kultur und Sport (page of the local refugee-aid portal); "
                       "another page assigns the KI to the Oberbürgermeister")),
             note(2)),
    653: one(established("2021"),
             rest("rights-spanning case management offered since 2021 with the Amt für Soziales, Jugendamt, "
                  "Ausländerbehörde and welfare organisations"), actor_type="office"),
    # --- Bonn: Integrationsrat
    98: one(members_count(27, (18, ELECTED), (9, COUNCIL)), classifies()),
    99: one(established("2004-11", predecessor=BN_AB), election("2004-11"),
            rest("first elected in November 2004, in place of the Ausländerbeirat")),
    100: row(keep(1, election("2020-09-13")),
             keep(2, constituted("2021-02-25"), rest("the 9 Stadtverordnete were named by the Rat on 2021-01-21"))),
    101: row(keep(1, chair("Binnaz Öztoprak", "2021-02-25"), rest("elected chair on 2021-02-25")),
             keep(2, held("Rahim Öztürker", "2014", "2020"))),
    102: row(keep(1, BN_2025),
             note(2),  # "about 104,000": an approximate number, which eligibleVoters (exact) cannot hold
             note(3)),  # a 2020 figure the page gives from the city's figures: another source's number
    103: one(office_holder("Coletta Manemann", inferred_year("2021"))),
    # --- Bonn: plans, Stabsstelle. README "conflict" 2009 vs 2010 is presentation (565) vs adoption (563, 564):
    # the model keeps the presentation as a note and one adoption, so nothing contradicts
    563: row(note(1),  # completion of the text: no property
             note(2),  # put to the Rat and referred to committees: no adoption
             keep(3, adopted("2010-07-08", by="Rat"),
                  rest("adopted unanimously by the Rat on 2010-07-08 (copy of the brochure: document copy)"))),
    # the day (row 563) is the plan's one adoption date (adoptedOn at most once); this row's year is consistent
    564: one(adopted(None, by="Rat"),
             rest("first concept adopted by the Rat in 2010, supplemented by a status report in 2012")),
    565: row(note(1), note(2)),
    566: row(note(1), note(2)),  # a process: conference and working groups, no adoption
    567: row(keep(1, dated("2018-05"),
                  rest("version dated May 2018 'after deliberation in committees and Rat'; the adoption date is not "
                       "stated (document copy)")),
             note(2)),
    568: row(note(1), note(2)),  # a seat and a contact role: no property for either
    # --- Bottrop
    387: row(keep(1, established("2005-06"), located_in(BOT_RAA),
                  rest("set up in June 2005 by decision of the Verwaltungsvorstand, under the roof of the RAA "
                       "(document copy)")),
             note(2)),
    388: row(keep(1, changed_from(BOT_IR, "2019-11-26", "conversion", decided_by="Rat"),
                  rest("the Rat decided on 2019-11-26 to replace the Integrationsrat by an Integrationsausschuss")),
             keep(2, BOT_2020, rest("first elected at the local election of 2020-09-13"))),
    389: one(members_count(25, (17, ELECTED), (8, COUNCIL)), rest("25 voting members: 17 elected, 8 sent by the Rat")),
    390: row(keep(1, votes_cast(BOT_2020_ROW_388, 2766), turnout_of(BOT_2020_ROW_388, "12.65")),
             keep(2, list_result(BOT_2020_ROW_388, "SPD", share="65.72"))),
    391: row(note(1),  # the Integrationsrat's own vote: the function it states is given in BODIES (Integrationsausschuss)
             keep(2, chair("Seref Yarisli"))),
    # --- Duisburg: plans, Referat, KI
    551: row(keep(1, adopted("2017-05-08", by="Rat")),
             keep(2, drafted_by(DU_KI, "integration_centre"))),
    552: row(note(1), note(2), note(3)),  # a commission to start the process, a conference, working groups
    553: one(established(season("summer 2007")), rest("charged with continuing the integration-policy process")),
    554: one(established("2013-08-01", decided_by="Rat"),
             predecessor(DU_RAA, "2013-08-01", kind="merger"), predecessor(DU_REFERAT, "2013-08-01", kind="merger"),
             rest("founded as of 2013-08-01 by decision of the Rat, merging the former RAA and the Referat für "
                  "Integration")),
    555: row(keep(1, located_in(DU_AMT),
                  rest("since 2024-01-01 a division of the new Amt für Integration und Einwanderungsmanagement, which "
                       "also includes the Ausländerbehörde and Einbürgerungsbehörde")),
             note(2)),
    556: one(legal_basis("DS 13-0202"),
             rest("further tasks set out in the concept adopted by the Rat on 2013-05-13 (DS 13-0202)")),
    # --- Düsseldorf: plan and offices
    284: row(keep(1, adopted("2005-03", by="Rat")), note(2), note(3)),
    285: noted(),  # set up to coordinate the 2005 concept: no date of its own
    286: row(keep(1, established("2018-01-01"), located_in(DUS_DEZERNAT),
                  rest("in the Dezernat für Jugend, Schule, Soziales und Sport of Stadtdirektor Burkhard Hintzsche")),
             note(2),  # "about 509 posts": posts, not persons; the counts have no unit for them
             keep(3, head("Miriam Koch"), rest("Miriam Koch has been Flüchtlingsbeauftragte since Feb 2015"))),
    # --- Gelsenkirchen
    148: one(members_count(27, (18, ELECTED), (9, COUNCIL), when=inferred_year("2014")),
             rest("the 9 are sent by the Rat groups")),
    149: one(classifies()),
    150: row(keep(1, GE_2014, rest("held together with local and European elections")),
             keep(2, GE_2014.more(eligible=45622)),
             keep(3, GE_2014.more(candidates=51), rest("51 candidates on 13 lists"))),
    151: row(keep(1, legal_basis("§ 27 GO NRW"),
                  rest("§ 27 GO NRW amended on 2013-12-18: the Integrationsrat is elected on local election day")),
             note(2)),
    152: row(keep(1, chair("Melek Topaloğlu"), rest("Melek Topaloğlu (SPD)")),
             # "deputies": the provenance check reads the role only from "deputy", so the two are named in the
             # body with the role in their label and the note, not as deputy-chair memberships
             keep(2, named("Fazile Rauf", "2014", "Fazile Rauf (stellvertretender Vorsitz)"),
                  named("Aydin Kilinc", "2014", "Aydin Kilinc (stellvertretender Vorsitz)"),
                  rest("Fazile Rauf and Aydin Kilinc are deputy chairs for the term from 2014"))),
    153: row(keep(1, held("Mustafa Cetinkaya", inferred_year("2013"), role="head"),
                  rest("head since November (2013)")),
             note(2)),
    587: one(office_holder("Mustafa Cetinkaya", undated())),
    588: one(head("Uwe Gerwin"),
             rest("named as head of the Referat Zuwanderung und Integration in a WAZ report on Kommunales "
                  "Integrationsmanagement (planning for 2022)")),
    # preparatory conferences for a concept not yet adopted (README gaps): no plan node, a note on the administration
    589: row(note(1, "Gesamtstädtisches Integrationskonzept (Stadt Gelsenkirchen), in preparation: district-level "
                     "Integrationskonferenzen held by the Referat/KI as groundwork (Süd, West, Mitte, Ost done; Nord "
                     "planned for 2019-06-25)"), actor_type="administration"),
    590: row(keep(1, located_in(GE_REFERAT), rest("coordinating office assigned to the Referat Zuwanderung und "
                                                  "Integration/KI")),
             note(2), note(3), actor_type="office"),
    # --- Hagen
    226: one(members_count(21, (14, ELECTED), (7, COUNCIL)), classifies(),
             rest("14 elected volunteer representatives and 7 Ratsmitglieder")),
    227: row(keep(1, HA_2020, votes_cast(HA_2020, 7991), election("2014", turnout="17"), rest("about 58,000 eligible")),
             keep(2, list_result(HA_2020, "Wir für Hagen", seats=4), list_result(HA_2020, "AfD", seats=2),
                  rest("other lists won seats as well"))),
    # README conflict (eligible voters 2020): the bracket is the fact base's own remark, not this page's source
    228: one(election("2020", eligible=54277),
             rest("54,277 eligible in 2020; the fact base notes a conflict with about 58,000 in the WP report"),
             conflicts=(227,)),
    229: row(keep(1, chair("Sükrü Budak", "2020")), keep(2, chair("Ziya Cakmak", inferred_year("2014"))),
             note(3)),  # "later Hakan Severcan (city page)": another page says it
    230: noted(),  # "five years before the 2014 election" would be 2009 only by arithmetic
    231: one(election("2025-09-14"), rest("held together with the local elections")),
    629: row(keep(1, adopted("2012-06-28", by="Rat"), rest("as stated in the later Vorlage 0964/2018")),
             note(2)),
    630: noted(),  # a committee's recommendation: no adoption
    631: noted(),
    632: noted(),  # a Beschlussvorlage with session dates listed; the outcome is not seen
    633: row(keep(1, established("2012-12", predecessor=HA_RAA),
                  rest("started in December 2012 as one of the first in NRW, converted from the RAA")),
             keep(2, head("Natalia Keller")),
             keep(3, under_mayor(HA_MAYOR))),
    # a decision to create a Fachbereich, planned by summer: not an existing unit (and a unit is no PlannedBody,
    # which is a Gremium), so the note sits on the administration, as Kiel's proposed post (row 601)
    634: row(note(1, "Fachbereich Zuwanderung und Integration (Stadt Hagen), planned: city leadership decided to "
                     "create a separate Fachbereich for immigration and integration, planned by summer (WP report, "
                     "c. 2021)"), actor_type="administration"),
    # --- Hamm
    238: one(members_count(21, (14, ELECTED), (7, COUNCIL), when="2014-05"), election("2014-05"),
             rest("14 directly elected (May 2014) and 7 sent by Rat groups")),
    239: row(keep(1, HAM_2020, rest("14,300 more eligible than in 2014")),
             keep(2, HAM_2020.more(seats=14), rest("7 lists and 13 individual candidates for 14 seats"))),
    240: row(keep(1, constituted("2020-11-19"), rest("the new council")), keep(2, chair("Ismail Erkul"))),
    241: row(keep(1, term(5), rest("normally 5 years")),
             note(2)),  # one term of 6 years after the 2013 change: termYears holds one value
    242: row(keep(1, head("Wolfgang Müller", inferred_year("2020"))), note(2)),
    659: noted(),  # goals, fields of action and measures counted: no property
    660: row(note(1),  # presented for adoption at the July session: scheduled, no adoption
             note(2),
             keep(3, replaces(HAM_PREVIOUS), on(HAM_PREVIOUS, adopted("2016")), rest("previous concept adopted in 2016"))),
    661: row(keep(1, established("2006"), rest("founded in Hamm-Heessen as the first of its kind in NRW")),
             keep(2, on(HAM_ABH, located_in(HAM_AMT), actor_type="office"),
                  rest("Ausländerbehörde integrated into the Amt für Soziale Integration (per a press release of a "
                       "member of the Bundestag of 2013-07-15)"))),
    662: row(note(1), keep(2, established("2020"), rest("KIM strategy introduced step by step since 2020"))),
    # --- Essen: plans and Stab
    546: row(keep(1, adopted("2019-11", by="Rat")), note(2)),
    547: row(note(1), note(2)),  # an implementation decision (adoption was Nov 2019, row 546) and a reporting rule
    548: row(keep(1, adopted("2014-02-26", by="Rat"), valid("2012", "2016")),
             keep(2, replaces(ES_1999), on(ES_1999, rest("the concept dates from 1999"))),
             note(3)),  # to be developed further: a plan, not a fact
    549: row(note(1), note(2)),  # a decision commissioning the administration to draft a concept: no adoption
    550: noted(),
    # --- Bielefeld: plans, KIM, KI, Amt
    557: one(adopted("2010-09-23", by="Rat"), rest("adopted unanimously, together with the 1st Bielefeld integration "
                                                   "report")),
    558: row(keep(1, adopted("2016-06"), rest("further-developed concept, with an agreement to report regularly on "
                                              "implementation")),
             note(2)),
    559: row(note(1), note(2), actor_type="office"),  # posts funded and a process continued: no founding date
    753: row(keep(1, established("2014-11-01"), under_mayor(BI_MAYOR),
                  rest("the former KI department of the Amt für Integration became a separate unit in the "
                       "Oberbürgermeister's Dezernat on 2014-11-01")),
             note(2)),
    754: one(head("Nilgün Isfendiyar", circa("2020")), rest("head since its foundation (city magazine, c. 2020)")),
    # "its planned dissolution": the founding is stated without an event node, which the word "planned" would
    # mark as not existing
    755: one(founded("2008"),
             rest("a cross-cutting office; stated in a Greens party decision of 2014-09-16 opposing its planned "
                  "dissolution (party website)")),
}

BODIES = {
    ("Bielefeld", BI_IR): body("integrationsrat", "elected-and-council", rows=[1, 8]),
    ("Bielefeld", BI_AB): body("auslaenderbeirat", rows=[6]),
    ("Essen", ES_IR): body("integrationsrat", "elected-and-council", rows=[62]),
    ("Essen", ES_AB): body("auslaenderbeirat", rows=[64]),
    ("Essen", ES_IB): body("integrationsbeirat", rows=[64]),
    ("Duisburg", DU_IR): body("integrationsrat", rows=[79]),
    ("Düsseldorf", DUS_IR): body("integrationsrat", "elected-and-council", rows=[84, 287]),
    ("Bochum", BO_IR): body("integrationsrat", rows=[93]),
    ("Bochum", BO_AMI): body("integration-committee", "elected-and-council", "council-committee", rows=[94]),
    ("Bochum", BO_AB): body("auslaenderbeirat", rows=[94]),
    ("Bochum", BO_IA): body("integration-committee", rows=[95]),
    ("Bonn", BN_IR): body("integrationsrat", "elected-and-council", rows=[98]),
    ("Bonn", BN_AB): body("auslaenderbeirat", rows=[99]),
    ("Gelsenkirchen", GE_IR): body("integrationsrat", "elected-and-council", rows=[149]),
    ("Hagen", HA_IR): body("integrationsrat", "elected-and-council", rows=[226]),
    ("Hamm", HAM_IR): body("integrationsrat", rows=[238]),
    # "voted ... to become a council committee" (row 391): the committee that replaced it (row 388) is one
    ("Bottrop", BOT_IA): body("integration-committee", None, "council-committee", rows=[388, 391]),
    ("Bottrop", BOT_IR): body("integrationsrat", rows=[388]),
}
