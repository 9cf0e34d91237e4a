"""Batch 3, Baden-Württemberg and Saarland: Stuttgart, Mannheim, Karlsruhe, Freiburg im Breisgau, Heidelberg,
Ulm, Heilbronn, Pforzheim, Baden-Baden (81 rows) and Saarbrücken (2 rows; not kreisfrei, already in the graph).
Every clause read and given a disposition; the conflicts of the batch README (section 3) for Mannheim,
Karlsruhe, Heidelberg and Heilbronn stay separate statements, linked with conflicts=."""

from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import XSD

import model
from dates import span
from mapping.batch3.api import (unit_kind, Ctx, adopted, body, chair, classifies, constituted, election, established, head,
                                inferred_year,
                                keep, legal_basis, located_in, members_count, note, noted, office_holder, on, one,
                                predecessor, publication, renamed, rest, row, season, term, valid, _checked,
                                _date_check, _d)
from model import undated, undated_until
from model.nodes import local_name
from mapping.registry import REG
from vocab import IKG, concept

LANDS = ("Baden-Württemberg", "Saarland")

# --- names (as the rows write them; a predecessor a clause names by its type only is keyed "<type> (<city>)")
ST_IA = "Internationaler Ausschuss der Landeshauptstadt Stuttgart"
ST_REFERAT = "Referat Soziales und gesellschaftliche Integration"
MA_MB = "Migrationsbeirat der Stadt Mannheim"
MA_IA = "Integrationsausschuss der Stadt Mannheim"
MA_FB = "Fachbereich Demokratie und Strategie"
KA_MB = "Migrationsbeirat der Stadt Karlsruhe"
KA_AB = "Ausländerbeirat (Stadt Karlsruhe)"
KA_IA = "Integrationsausschuss der Stadt Karlsruhe"
KA_DEZ3 = "Dezernat 3 (Sozialbürgermeister, Stadt Karlsruhe)"
FR_MB = "Migrant_innenbeirat der Stadt Freiburg"
FR_AB = "Ausländerbeirat (Stadt Freiburg)"
FR_AUS = "Ausschuss für Migration und Integration (Gemeinderat Freiburg)"
HD_AMR = "Ausländerrat/Migrationsrat (AMR) der Stadt Heidelberg"
HD_MB = "Migrationsbeirat der Stadt Heidelberg"
HN_B = "Beirat für Partizipation und Integration (Stadt Heilbronn)"
HN_IB = "Integrationsbeirat (Stadt Heilbronn)"
PF_B = "Internationaler Beirat der Stadt Pforzheim"
UL_IA = "Internationaler Ausschuss des Ulmer Gemeinderates"
BB = "Kommunales Beteiligungsgremium für Migrantinnen und Migranten (Baden-Baden)"
SB_IB = "Integrationsbeirat der Landeshauptstadt Saarbrücken"
SB_AB = "Ausländerbeirat (Landeshauptstadt Saarbrücken)"

# Freiburg's Migrant_innenbeirat is in the first batch under a shorter name (infrastructure-124): one node, both
# names kept.
# (Saarbrücken's Integrationsbeirat has the first batch's name already: infrastructure-121.)
ALIASES = {("Freiburg im Breisgau", FR_MB): "Migrant_innenbeirat Freiburg"}


# ------------------------------------------------------------------ local helpers (api.py's patterns)

def reform(when, label: str, first: bool = False):
    """A change in how the body is made up (election given up for appointment, …), dated as the clause states:
    an org:ChangeEvent of kind reorganisation on the body itself. `first`: it is the row's statement that a
    conflicting row's statement is linked to (ikg:conflictsWith links each row's first statement)."""
    def write(c: Ctx) -> None:
        ev = model.change_event(c.f, f"{local_name(c.node)}-reform-{c.key}", "reorganisation", c.node, c.node,
                                _d(when), name=label)
        c.made.insert(0, ev) if first else c.made.append(ev)
    return _checked(write, _date_check(when))


def chaired(name: str, start, end=None):
    """A person who chaired the body for the period the clause states (org:memberDuring; its own membership
    node, as the same person may be named as chair by another row at a reference time)."""
    def write(c: Ctx) -> None:
        person = REG.person(c.f, name)
        c.made.append(model.membership(c.f, person, c.node, _d(start), role="chair", end=_d(end),
                                       name=f"{name} (chair)", key=f"{local_name(person)}--{local_name(c.node)}-{c.key}"))
    return _checked(write, ("person", name), _date_check(start), _date_check(end))


def plan_kind(kind: str):
    """The plan's kind, replacing the kind read from its name by the shared table (nearest concept)."""
    def write(c: Ctx) -> None:
        for fg in c.x.b.files.values():
            for old in [o for (s, p, o) in fg.triples if s == c.node and p == IKG.planKind]:
                fg.remove(c.node, IKG.planKind, old)
        c.f.add(c.node, IKG.planKind, concept("plan-kind", kind))
    return _checked(write)


def last_election_of(other: str, turnout: str, words: str):
    """The turnout of the 'last election' of `other` (the predecessor body), undated as the clause gives no
    date: an election node of its own for this row."""
    def write(c: Ctx) -> None:
        node = c.x.actor(c.f, c.city, c.row.fields["actor_type"], other)
        d = undated(note=words)
        e = model.election(c.f, node, d, key=f"{c.row.row_id}-last")
        c.f.add(e, IKG.turnoutPercent, Literal(turnout, datatype=XSD.decimal))
        c.made.append(e)
    return _checked(write, ("decimal", turnout))


def said(fact, name: str):
    """The fact, with its name check on the words the clause uses for the other actor ("the AMR")."""
    fact.checks = tuple(ch for ch in fact.checks if ch[0] != "name") + (("name", name),)
    return fact


AFTER_GR_ELECTION = span("2019-05-26", "2026-11-25", "nach der Gemeinderatswahl vom 26.05.2019; Datum des Wechsels "
                                                     "nicht angegeben, spätestens am Lesetag 25.11.2026")

ROWS = {
    # ------------------------------------------------------------------ Stuttgart
    44: one(classifies(), rest("advisory committee of the Gemeinderat on migration, refugees and integration "
                               "(cross-cutting committee)")),
    45: one(members_count(25, (13, "appointed-from-council"), (12, "appointed-experts")), classifies(),
            rest("each of the 12 sachkundige Einwohnerinnen/Einwohner has a deputy")),
    46: one(classifies(), rest("not elected: the sachkundige members are appointed by the Gemeinderat on the "
                               "proposal of the Oberbürgermeister")),
    47: row(keep(1, term(5), rest("the term is the same as the Gemeinderat's")),
            note(2),  # formed after the local elections: the date of the elections, not of the committee
            note(3)),  # a frequency of meetings: no property
    48: one(chair("Fritz Kuhn"),
            rest("the Oberbürgermeister chairs the committee (Fritz Kuhn at the time), deputised by Bürgermeisterin "
                 "Isabel Fezer")),
    49: one(office_holder("Gari Pavkovic"), rest("also runs the Internationaler Ausschuss")),
    50: one(located_in(ST_REFERAT), unit_kind("division"),
            rest("placement as of 2019 (year inferred from the page's date)")),
    # "Gemeinderat decision scheduled 14 Dec 2000": the restructuring was proposed, its decision not seen
    51: noted(),
    # "decision scheduled 2001-11-29 (vote itself not seen)": no adoption. A note on the plan would make its node
    # read as planned (the row's words), yet the Bündnis exists (row 53): the note is on the administration,
    # whose proposal it was.
    52: row(note(1, "proposal GRDrs 952/2001 for Gemeinderat approval in principle of the 'Bündnis für Integration "
                    "(Grundlagen einer Integrationspolitik in der Landeshauptstadt Stuttgart)', decision scheduled "
                    "2001-11-29 (vote itself not seen)"), actor_type="administration"),
    53: one(valid("2001"), rest("integration policy launched in 2001 on the guiding principle \"Wir alle sind "
                                "Stuttgart\"")),
    # ------------------------------------------------------------------ Mannheim
    112: one(established("2000-02-20"), rest("official representation of people with migration background")),
    # README conflict: appointment "introduced in 2008" (113) vs "no longer elected since 2010" (114)
    113: row(keep(1, election("2000"), rest("first elected in 2000, by the foreign population")),
             keep(2, reform("2008", "Einführung des Berufungsverfahrens", first=True)),
             conflicts=(114,)),
    114: one(reform("2010", "Ende der Wahl: Mitglieder seit 2010 berufen"), members_count(20, when="2010"), term(5),
             classifies(),
             rest("no longer elected since 2010: the 20 members are chosen by a commission and appointed by the "
                  "Gemeinderat for 5 years"),
             conflicts=(113,)),
    # a party's report of a proposal and planned votes: no fact
    115: row(note(1, "proposal backed by the Integrationsausschuss: a 12-member commission to appoint 20 instead of "
                     "30 members (party website: FDP Mannheim)"),
             note(2, "appointment planned for March 2010, term to the 2014 local election (party website)"),
             note(3, "Gemeinderat vote planned end of November (party website)")),
    116: row(keep(1, members_count(20), term(5), classifies(), rest("appointed by the Gemeinderat for 5 years")),
             note(2)),  # an appointment round announced (applications until 2024-06-30): no fact
    117: row(keep(1, members_count(23, (11, "appointed-experts"), (12, "appointed-from-council")), classifies(),
                  rest("the 11 sachkundige Einwohner come from the Migrationsbeirat")),
             keep(2, classifies())),
    118: row(keep(1, office_holder("Claus Preißler")),
             keep(2, located_in(MA_FB)),
             note(3)),  # hosting the Migrationsbeirat's office: no property
    569: row(keep(1, adopted("2009", by="Gemeinderat")), note(2)),
    570: noted(),  # drafting by the Ausländerbeauftragter in a modernisation project: no property
    571: row(note(1), note(2), note(3), note(4), note(5)),  # tasks of the post: no property
    # a declaration adopted by the Gemeinderat: a plan (row type "other" would make it an organisation); the
    # nearest plan kind is a mission statement (Leitbild) - the scheme has no kind "declaration"
    572: row(keep(1, adopted(None, by="Gemeinderat"), plan_kind("mission-statement")), note(2),
             actor_type="action_plan"),
    # ------------------------------------------------------------------ Karlsruhe
    119: row(keep(1, predecessor(KA_AB, "2009", kind="conversion"),
                  on(KA_AB, rest("until 2009 its external members were directly elected by foreign residents"))),
             keep(2, classifies(), rest("since 2009 the external members are appointed like those of other "
                                        "committees, because of low turnout"))),
    120: one(legal_basis("Satzung"), classifies(),
             rest("Satzung of 10 July 2009: 10 sachkundige Einwohner (each with a deputy), elected by the "
                  "Gemeinderat from a list drawn up by a Delegiertenversammlung")),
    121: one(members_count(21, (10, "appointed-experts"), (11, "appointed-from-council")), classifies()),
    122: one(election("2014-12-04", eligible=108, seats=10, candidates=54),
             rest("108 delegates of associations and institutions elected 10 members and their deputies; 60 "
                  "applicants, 54 admitted")),
    # the appointment round (Feb 2015) and a session dated only by the report (Stadtzeitung of 2015-04-03):
    # no property for an appointment; the session's date is not stated
    123: row(note(1), note(2)),
    # README conflict: term 2024-2029 (124) vs 2025-2029 (577), both aggregators
    124: one(election(inferred_year("2024")),
             rest("election on 10 December (2024) for the 2024-2029 term (secondary news site)"),
             conflicts=(577,)),
    125: one(office_holder("Meri Uhlig", inferred_year("2024")), rest("named 2024 on a secondary news site")),
    573: one(adopted(None, by="Gemeinderat"),
             rest("first plan adopted unanimously (30 pages, four fields of action, to be updated every two years), "
                  "about two years after the decision to develop the Leitlinien into a plan")),
    574: one(valid("2012"), rest("the plan has existed since 2012 (ka-news, November 2017, on the update process "
                                 "with a participation event on 18 November)")),
    575: row(keep(1, adopted(undated_until("2018-09-21", "Beschlussdatum nicht angegeben; spätestens am 21.09.2018 "
                                                          "(Stadtzeitung)"), by="Gemeinderat"),
                  rest("adopted with 43 votes to 2 (Stadtzeitung of 2018-09-21)")),
             note(2), note(3)),
    576: row(keep(1, located_in(KA_DEZ3), rest("central contact point for immigrants")),
             note(2)),  # where the Ausländerbehörde sits: another unit
    577: row(keep(1, constituted(inferred_year("2025")),
                  rest("constituent session at the end of February (2025) for the 2025-2029 term (aggregator site)")),
             keep(2, members_count(None, (11, "appointed-from-council"), (10, "delegated-by-organisations")),
                  rest("11 Gemeinderäte and 10 residents with 10 deputies, the residents elected at a delegates' "
                       "meeting in December (aggregator site)")),
             conflicts=(124,)),
    # ------------------------------------------------------------------ Freiburg im Breisgau
    243: row(keep(1, members_count(19, (19, "elected-by-migrant-residents")), classifies()),
             keep(2, term(5)),
             note(3, about=FR_AUS)),  # the "Zwei-Gremien-Modell": no property links the two bodies
    244: row(keep(1, predecessor(FR_AB), on(FR_AB, established("1986"), rest("first election turnout 31%"))),
             keep(2, election("2015", turnout="2.7"))),
    245: row(keep(1, election("2020-12-13", eligible=31485, turnout="6.6"),
                  rest("the 2020 election was postponed from 2020-05-24; 2,080 voted")),
             keep(2, election("2020-12-13").more(candidates=52), election("2015", candidates=28)),
             note(3)),  # 15 women and 4 men: no property for the elected by gender
    246: row(keep(1, election("2025-05-25")),
             note(2)),  # "about 38,000" eligible plus others on application: not an exact count of voters
    247: one(chair("Olena Neumann", "2020"), rest("chair at the 2020 election")),
    248: noted(),  # information events: no property
    663: one(adopted("2004-09-28", by="Gemeinderat"), rest("document copy")),
    # the adoption date (2020) is stated by row 665; a second adoption date would be a second ikg:adoptedOn
    664: row(keep(1, adopted(None, by="Gemeinderat"),
                  rest("adopted unanimously (2020, year inferred from the page's date) after a participation process "
                       "started in early 2018 on the Gemeinderat's initiative, about two years after a kick-off with "
                       "about 270 people")),
             note(2)),
    665: one(adopted("2020", by="Gemeinderat")),
    666: row(keep(1, established("2016"), unit_kind("integration-office"),
                  rest("founded after the arrival of many refugees")),
             note(2), note(3)),
    667: one(chaired("Roberto Alborino", "1986", "2001"), chaired("Pilar Buesa", "2001", "2005"),
             chaired("Miguel García", "2005", "2013"), chaired("Meral Gründer", "2013", "2015"),
             chaired("Tengiz Kirtadze", "2015", "2017"), chaired("Dejan Mihajlovic", "2018", "2018"),
             chaired("Olena Neumann", "2018", "2020"), chaired("Yin Lin", "2020", "2023"),
             chaired("Fefoua Hamman", "2023"), chaired("Ali Sari", "2023"),
             rest("Dejan Mihajlovic chaired Jan-Apr 2018; Fefoua Hamman and Ali Sari chair together since 2023")),
    668: one(legal_basis("2014 Satzung"),
             rest("the 2014 Satzung brought a person-based instead of a list-based election and lowered the voting "
                  "age from 18 to 16")),
    # ------------------------------------------------------------------ Heidelberg
    309: one(established("1989-03", decided_by="Gemeinderat"), rest("set up by a Satzung of the Gemeinderat")),
    310: row(keep(1, election("2009-06-07"), rest("the fifth election, held with the Gemeinderat election")),
             keep(2, election("2009-06-07").more(candidates=43), rest("43 candidates on 4 lists"))),
    # README conflict: the 2014 composition (311) vs 25 members (680, student wiki). The clause gives no total:
    # the count says only what it states, more than 14 members.
    311: one(members_count(14, qualifier="more-than"),
             rest("14 elected foreign members + 4 members from universities/research institutions + 2 refugees "
                  "(voting) + OB, a head of the Interkulturelles Zentrum and 5 Gemeinderäte (advisory)"),
             conflicts=(680,)),
    # README conflict: 2014 turnout 2.70% (312) vs 2.4% (314)
    312: row(keep(1, election("2014-06-29", eligible=22444, turnout="2.70"),
                  rest("EU citizens and 16-year-olds were eligible for the first time in 2014")),
             keep(2, election("2009", turnout="5.9"), rest("about 11,300 eligible in 2009")),
             keep(3, election("2014-06-29").more(seats=14), members_count(27),
                  rest("14 seats of a 27-member body")),
             conflicts=(314,)),
    313: one(election("2014", turnout="2.7"),
             rest("the Gemeinderat decided in Nov 2018 by a large majority that the body is no longer elected but "
                  "appointed; the council had long been unable to act")),
    314: row(keep(1, term(5), classifies(),
                  rest("up to 15 members chosen by a jury from applications, 5-year term from summer 2019")),
             keep(2, last_election_of(HD_AMR, "2.4", "Datum nicht angegeben: 'letzte Wahl' des Ausländerrats/"
                                                     "Migrationsrats; spätestens am Lesetag 25.11.2026"),
                  rest("last election turnout given as 2.4% (conflicts with 2.7% elsewhere)")),
             conflicts=(312,)),
    315: row(keep(1, said(predecessor(HD_AMR, AFTER_GR_ELECTION, kind="conversion"), "AMR")),
             note(2),  # applications: no property
             note(3)),  # "to be confirmed": planned
    316: one(head("Wolfgang Erichson", inferred_year("2014")), rest("Bürgermeister")),
    # the adoption day is stated by row 675; this row's month would be a second ikg:adoptedOn of the plan
    674: row(keep(1, adopted(None, by="Gemeinderat"),
                  rest("adopted unanimously in February 2011 after three years of work by about 100 people "
                       "(\"Mit allen für alle\")")),
             note(2)),
    675: one(adopted("2011-02-10", by="Gemeinderat"), rest("adopted unanimously (AMR column in the city gazette)")),
    676: row(note(1), note(2)),  # a draft and its deliberations: no adoption
    677: row(note(1), note(2)),  # a decision on the site, not the founding; no link to the plan
    678: row(note(1),  # a right of the body: no property
             keep(2, chair("Michael Mwa Allimadi"), rest("chair after the June 2014 election"))),
    679: row(keep(1, classifies(), rest("new Migrationsbeirat appointed by the Gemeinderat in July 2024")),
             note(2)),  # the board is not modelled as a body of its own
    680: one(members_count(25, (6, "appointed-from-council")),
             rest("25 members: 13 foreign members, 6 members of the Gemeinderat and 6 naturalised residents or "
                  "Spätaussiedler (student-union wiki, possibly outdated)"),
             conflicts=(311,)),
    # ------------------------------------------------------------------ Ulm
    356: row(keep(1, members_count(None, (12, "appointed-from-council"), (6, "appointed-migrant-representatives"),
                                   (5, "appointed-migrant-representatives")), classifies(),
                  rest("11 sachkundige Bürger with international roots: 6 selected by open call since 2015, 5 named "
                       "on proposal of the Gemeinderat groups")),
             note(2),  # the chair named by office only
             keep(3, term(5))),
    357: one(reform("2015", "Berufung statt Wahl der internationalen Mitglieder"), classifies(),
             rest("since 2015 the international members are no longer elected but selected/appointed")),
    358: row(keep(1, constituted(inferred_year("2024")),
                  rest("first session of the new committee (2024-2029) on 7 November (2024)")),
             note(2)),  # 12 sachkundige members: a seat group without the committee's total
    # a report for a retreat (copy on a document site): no adoption, no publication date. The row's "planning"
    # would make a plan node it creates read as planned: the note is on the administration, which wrote it.
    359: row(note(1, "concept report 'Ulm: Internationale Stadt' for a joint retreat of Gemeinderat and Internationaler "
                     "Ausschuss on 2012-01-27 (GD 003/12), written by Integrationsbeauftragte Christine Grunert and "
                     "strategic social planning (copy on document site)"), actor_type="administration"),
    360: one(office_holder("Christine Grunert", inferred_year("2012"))),
    # ------------------------------------------------------------------ Heilbronn
    361: one(established("2008"), renamed(HN_IB)),
    # README conflict: 20 members (362) vs 24 with international roots plus 7 Gemeinderat (721)
    362: row(keep(1, members_count(20, (7, "appointed-from-council"), (13, "appointed-experts")), classifies(),
                  rest("the 13 sachkundige Einwohner have 13 deputies")),
             keep(2, term(5)),
             keep(3, chair("Harry Mergel"), rest("OB")),
             conflicts=(721,)),
    363: row(note(1),  # after the local elections: their date, not the body's
             keep(2, constituted("2019-09-25"), rest("third composition, chosen July 2019"))),
    364: noted(),  # running the Beirat's office: no property
    721: one(members_count(None, (24, "appointed-migrant-representatives"), (7, "appointed-from-council")),
             rest("24 members with international roots (13 sachkundige and 11 deputy members) plus 7 Gemeinderat "
                  "members (later page version)"),
             conflicts=(362,)),
    722: row(note(1),  # created after the first integration report: no date
             keep(2, publication("Integrationsbericht 2007–2013", "2014-06", publisher="Stabsstelle Integration "
                                 "(Stadt Heilbronn, Dezernat III)"),
                  rest("the 2nd Integrationsbericht 2007–2013, June 2014 (copy on a document site)"))),
    723: noted(),  # the commissioner's work with the Beirat, name not given
    # ------------------------------------------------------------------ Pforzheim
    # the row says "planned" (the Beirat's election): a node it creates would read as planned, yet the Beirat
    # exists (rows 366-368). Its clauses are notes on the administration, which proposed the change.
    365: row(note(1, "the Internationaler Beirat der Stadt Pforzheim replaced the Gemeinderat's Integrationsausschuss "
                     "(with sachkundige Einwohner), which was dissolved in Dec 2015"),
             note(2, "32 applications for the Internationaler Beirat"),
             note(3, "election of the Internationaler Beirat by the Gemeinderat planned 2016-02-16"),
             actor_type="administration"),
    366: row(keep(1, members_count(None, (7, "appointed-from-council"), (16, "appointed-experts"), when="2016"),
                  chair("Gert Hager", "2016"), classifies(), rest("chaired by OB Gert Hager")),
             note(2)),  # "started work": not stated as the constituent session
    367: row(keep(1, members_count(21, when=season("autumn 2024"), qualifier="at-least"),
                  rest("21 sachkundige members (aged 27-72, 15 nations) chosen in autumn 2024 for five years (to "
                       "2029); the clause gives no total, so the body has at least 21 members")),
             keep(2, chair("Peter Boch"), rest("OB"))),
    368: one(classifies(), rest("not elected: members selected through an application procedure (2019 call 21 "
                                "Jun-31 Jul 2019)")),
    369: one(office_holder("Anita Gondek", inferred_year("2016"))),
    370: row(note(1),  # hosting the Beirat's office: no property
             keep(2, head("Anna-Lena Beilschmidt", inferred_year("2024")))),
    # ------------------------------------------------------------------ Baden-Baden
    509: one(established("2020-06", decided_by="Gemeinderat")),
    510: one(constituted("2020-11-17")),
    511: row(keep(1, members_count(14, (7, "delegated-by-organisations")),
                  rest("17 at constitution: 14 permanent members (7 representatives of migrant organisations and 7 "
                       "individuals) plus 3 guests")),
             note(2),  # "two years": a first term only
             note(3)),  # meeting frequency: no property
    # ------------------------------------------------------------------ Saarbrücken (Saarland)
    413: row(keep(1, members_count(15), classifies(),
                  rest("two thirds directly elected by residents with foreign passports, one third from the Stadtrat "
                       "groups")),
             keep(2, predecessor(SB_AB, undated()), rest("replaced the Ausländerbeirat (article undated)"))),
    414: noted(),  # Leitlinien "from 2007" as the Beirat's working basis: no adoption stated
}

BODIES = {
    ("Stuttgart", ST_IA): body("international-committee", "council-and-experts", "council-committee",
                               rows=[44, 45, 46]),
    ("Mannheim", MA_MB): body("migrationsbeirat", "appointed-only", rows=[114, 116]),
    ("Mannheim", MA_IA): body("integration-committee", "council-and-experts", "advisory", rows=[117]),
    ("Karlsruhe", KA_MB): body("migrationsbeirat", "council-and-experts", rows=[119, 120, 121]),
    ("Karlsruhe", KA_AB): body("auslaenderbeirat", rows=[119]),
    ("Karlsruhe", KA_IA): body("integration-committee", rows=[124, 577]),
    ("Freiburg im Breisgau", FR_MB): body("migrantenbeirat", "elected-only", rows=[243]),
    ("Freiburg im Breisgau", FR_AB): body("auslaenderbeirat", rows=[244]),
    ("Freiburg im Breisgau", FR_AUS): body("integration-committee", function="council-committee", rows=[243]),
    ("Heidelberg", HD_AMR): body("migrationsrat", rows=[309]),
    ("Heidelberg", HD_MB): body("migrationsbeirat", "appointed-only", rows=[314, 679]),
    ("Ulm", UL_IA): body("international-committee", "council-and-experts", "council-committee", rows=[356, 357]),
    ("Heilbronn", HN_B): body("partizipationsbeirat", "council-and-experts", rows=[362]),
    ("Heilbronn", HN_IB): body("integrationsbeirat", rows=[361]),
    ("Pforzheim", PF_B): body("international-advisory-board", "council-and-experts", rows=[366, 368]),
    # "Beteiligungsgremium": participation (Beteiligung) in its name
    ("Baden-Baden", BB): body("partizipationsbeirat", rows=[509]),
    ("Saarbrücken", SB_IB): body("integrationsbeirat", "elected-and-council", rows=[413]),
    ("Saarbrücken", SB_AB): body("auslaenderbeirat", rows=[413]),
}
