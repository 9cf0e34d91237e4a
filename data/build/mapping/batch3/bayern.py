"""Batch 3, Bayern: all 122 rows of the Land's cities in batch3/infrastructure.csv (München, Augsburg,
Regensburg, Ingolstadt, Fürth, Würzburg, Erlangen, Bamberg, Bayreuth, Landshut, Kempten (Allgäu), Memmingen,
Kaufbeuren, Rosenheim, Passau, Schweinfurt, Schwabach, Ansbach, Coburg, Aschaffenburg, Weiden i.d.OPf., Hof,
Amberg, Straubing). Every clause read and given a disposition.

Conventions of this module:
- "N members ... plus advisory / ex-officio members": the count N is kept with a rest() saying what it counts.
- A term the row writes in words ("four years") cannot be checked as a number: such clauses are notes.
- A body's predecessor that the row names only as "the (former) Ausländerbeirat" is a node named
  "Ausländerbeirat (Stadt X)", one per city.
- Composition is classified only where a row says who sends or elects the members; bodies whose members are
  elected, appointed and sent by the council at once (Regensburg, Ingolstadt, Schwabach) fit no concept of
  body-composition and stay unclassified.
"""

from __future__ import annotations

from model import undated, undated_until
from mapping.batch3.api import (Election, adopted, body, chair, classifies, constituted, dated, election,
                                established, head, inferred_year, keep, legal_basis, located_in, members_count, note,
                                noted, office_holder, on, one, predecessor, renamed, rest, row, season, term, within)

LANDS = ("Bayern",)

# --- München
MUC_MB = "Migrationsbeirat der Landeshauptstadt München"
MUC_AB = "Ausländerbeirat München (predecessor of the Migrationsbeirat)"
MUC_SOZ = "Sozialreferat (Landeshauptstadt München)"
# --- Augsburg
AUG_IB = "Integrationsbeirat der Stadt Augsburg (Beirat für Fragen der Zuwanderung, Flucht und Integration)"
AUG_AB = "Ausländerbeirat (Stadt Augsburg)"
AUG_2009 = "Beirat für Integration, Migration und Aussiedlerfragen"
AUG_OPMI = "Ausschuss für Organisation, Personal, Migration und Integration (OPMI)"
AUG_REFERENT = "Referent für Umwelt, Nachhaltigkeit und Migration (Stadt Augsburg)"
# --- Regensburg
REG_IB = "Integrationsbeirat der Stadt Regensburg"
# --- Ingolstadt
ING_MR = "Migrationsrat der Stadt Ingolstadt"
ING_AB = "Ausländerbeirat (Stadt Ingolstadt)"
# --- Fürth
FUE_IB = "Integrationsbeirat der Stadt Fürth"
FUE_AB = "Ausländerbeirat (Stadt Fürth)"
# --- Würzburg
WUE_AIB = "Ausländer- und Integrationsbeirat der Stadt Würzburg"
# --- Erlangen
ERL_AIB = "Ausländer- und Integrationsbeirat (AIB) der Stadt Erlangen"
ERL_KOORD = "Koordinationsstelle Integration (Stadt Erlangen)"
# --- Bamberg
BA_MIB = "Migrantinnen- und Migrantenbeirat (MIB; formerly Migranten- und Integrationsbeirat) der Stadt Bamberg"
# --- Bayreuth
BT_IB = "Integrationsbeirat der Stadt Bayreuth"
# --- Landshut
LA_IB = "Integrationsbeirat der Stadt Landshut (until 2021: Beirat für Migration und Integration, MIGLA)"
LA_MIGLA = "Beirat für Migration und Integration (MIGLA, Stadt Landshut)"
# --- Kempten, Memmingen, Kaufbeuren
KE_IB = "Integrationsbeirat der Stadt Kempten"
KE_AB = "Ausländerbeirat (Stadt Kempten)"
MM_IB = "Integrationsbeirat der Stadt Memmingen"
MM_AB = "Ausländerbeirat (Stadt Memmingen)"
MM_KS = "Koordinierungsstelle Integration (Stadt Memmingen)"
KF_IB = "Integrationsbeirat der Stadt Kaufbeuren"
KF_AB = "Ausländerbeirat (Stadt Kaufbeuren)"
# --- Schweinfurt, Schwabach, Ansbach, Weiden, Hof, Passau, Straubing
SW_IB = "Integrationsbeirat der Stadt Schweinfurt"
SW_AB = "Ausländerbeirat (Stadt Schweinfurt)"
SC_IR = "Integrationsrat der Stadt Schwabach"
AN_IB = "Integrationsbeirat der Stadt Ansbach"
WEN_IB = "Integrationsbeirat der Stadt Weiden"
HOF_IB = "Integrationsbeirat der Stadt Hof"
PA_LA = "Lenkungsausschuss Integration (Stadt Passau)"
ST_AMB = "Ausländer- und Migrationsbeirat der Stadt Straubing"
CO_2010 = "Integrationskonzept (Stadt Coburg, 2010)"



def undated_election(note_text: str, **stated) -> Election:
    """An election whose date the clause does not give (an undated instant with a note): as api.election, without
    a date to check."""
    e = Election(undated(note=note_text), **stated)
    e.checks = tuple(ch for ch in e.checks if ch[1] is not None)
    return e


PERIOD = "Zeitraum der Stimmabgabe, wie die Zeile ihn nennt"
PREVIOUS = "Datum der vorigen Wahl nicht angegeben"

# München: the turnout of the election before 2023, 3.6% (row 25) vs 4.12% (row 26): each its own election node
MUC_PREV_25 = undated_election(PREVIOUS, turnout="3.6")
MUC_PREV_26 = undated_election(PREVIOUS, turnout="4.12")
MUC_2023 = election("2023-03-19")
ING_2020 = election(within("2020-07", "2020-07-06", "2020-07-12", PERIOD), eligible=35554, turnout="5.57")
ING_2014 = election("2014-07-13")
FUE_2016 = election("2016-12", seats=15)
WUE_2021 = election("2021-03-28", mode="postal")
ERL_2020 = election("2020-06", mode="postal")
BA_2024 = election(within("2024-10", "2024-10-08", "2024-10-28", PERIOD), mode="postal", candidates=23)

ROWS = {
    # ------------------------------------------------------------------ München
    19: one(members_count(50, (40, "elected-by-migrant-residents")),
            rest("50 since the 2022 reform: 40 directly elected and 10 appointed by the Stadtrat (the row does not "
                 "say who the 10 are, so they are no seat group); previously 40, all directly elected")),
    20: row(keep(1, election("2023-03-19", seats=40)),
            note(2)),  # the Stadtrat names 10 more: a decision the model has no property for
    21: row(note(1), note(2)),  # a proposal and a postponed vote: no composition, no decision
    22: row(keep(1, MUC_2023),
            keep(2, MUC_2023.more(eligible=446000), rest("about 446,000 foreign nationals called to vote"))),
    23: row(note(1), note(2)),  # who may vote: no property for eligibility rules
    24: one(election("2023-03", turnout="3.1")),
    # the previous election's turnout: 3.6% here, 4.12% in row 26 (README conflicts)
    25: one(MUC_PREV_25, election("2023-03", turnout="3.1"),
            rest("3.6% at the election six years before March 2023")),
    26: one(MUC_PREV_26, rest("4.12% at the previous election, as updated figures cited in June 2022 give it"),
            conflicts=(25,)),
    27: row(keep(1, chair("Dimitrina Lang", "2023-05"), constituted("2023-05"),
                 rest("re-elected chair at the constitutive session, with 37 of 44 votes")),
            keep(2, chair("Lara Galli", role="deputy-chair"), rest("first deputy"))),
    28: row(note(1), note(2)),  # own budget; the administration's duty to involve it: no property
    264: row(keep(1, adopted("2008-02-20", by="Stadtrat"), rest("adopted unanimously by the Stadtrat plenary")),
             note(2)),  # drafted under the lead of the Stelle für interkulturelle Arbeit: no drafting property
    265: row(keep(1, located_in(MUC_SOZ),
                  rest("city-wide cross-cutting unit for intercultural opening of the administration; the unit's "
                       "name places it in the Sozialreferat")),
             note(2)),
    266: one(established("1974"), classifies(),
             rest("as elected representation of foreign workers, following the city's 1972 study on the foreign "
                  "population")),
    # ------------------------------------------------------------------ Augsburg
    133: row(keep(1, predecessor(AUG_AB), on(AUG_AB, established("1974-03-27")),
                  rest("the Ausländerbeirat was created 1974-03-27, among the oldest in Bavaria")),
             note(2, about=AUG_AB)),
    134: row(keep(1, renamed(AUG_2009),
                  rest("in 2009 the Stadtrat renamed the body into 'Beirat für Integration, Migration und "
                       "Aussiedlerfragen'; when it took its present name the row does not say")),
             keep(2, members_count(29),
                  rest("then (after the 2009 renaming) 29 voting members, mainly elected by residents without "
                       "German citizenship")),
             note(3, "6-year term (of the Beirat as renamed in 2009)")),
    135: row(keep(1, election("2010", turnout="9.3"), rest("the last election")),
             keep(2, classifies(), rest("from 2017 members no longer elected but selected from applications"))),
    136: one(members_count(29, (24, "elected-by-migrant-residents")),
             rest("29 members, 24 of them elected; election for six years (article undated)")),
    137: one(members_count(30), classifies(),
             rest("the Stadtrat confirmed a list of 30 members after an anonymised application procedure (93 "
                  "applications, rated by representatives of 26 institutions)")),
    138: row(keep(1, members_count(30), classifies(),
                  rest("30 voting members plus advisory members from all Stadtrat groups and institutions")),
             keep(2, constituted("2017-07"), rest("constituted in its current form July 2017"))),
    139: row(note(1),  # "every four years": a term in words, no number to check
             note(2),  # a new Beirat from January 2026: announced, not yet formed
             note(3)),  # an anniversary celebration: no event node for it
    140: row(keep(1, constituted("2026-01-14"), members_count(30, when="2026-01-14"), rest("30 voting members")),
             keep(2, chair("Frédéric Zucco"))),
    141: one(on(AUG_REFERENT, office_holder("Reiner Erben", "2017"), actor_type="commissioner"),
             rest("the Büro received the applications for the 2017 Integrationsbeirat; Reiner Erben named as "
                  "Referent für Umwelt, Nachhaltigkeit und Migration")),
    578: row(keep(1, adopted("2020-02-13"),
                  on(AUG_OPMI, rest("approved the Integrationskonzept unanimously on 2020-02-13"),
                     actor_type="advisory_council"),
                  rest("approved unanimously by the Ausschuss für Organisation, Personal, Migration und Integration "
                       "(OPMI), a committee, not the Stadtrat")),
             note(2), note(3)),
    # work on the concept from 2015: a process, no date of a version; "under Margret Spohn" names no role the
    # model can check (head is not said)
    579: row(note(1), note(2)),
    580: noted(),  # a Stabsstelle assigned to a Bürgermeisterin since 2021: no unit-to-post placement
    581: row(keep(1, office_holder("Robert Vogl", "2002"),
                  rest("Robert Vogl became Integrationsbeauftragter in 2002 (local wiki, undated)")),
             note(2)),
    # ------------------------------------------------------------------ Regensburg
    329: row(keep(1, constituted("2015-02-04"), rest("first term")),
             keep(2, chair("Eva Filipczak")),
             keep(3, members_count(27, (7, "appointed-from-council")),
                  rest("27 members incl. 20 voting (6 foreigners, 3 naturalised, 7 Aussiedler, 4 experts) and 7 "
                       "Stadtrat group representatives, who are advisory"))),
    330: row(keep(1, members_count(21, (9, "elected-by-migrant-residents"), (4, "appointed-migrant-representatives"),
                                   (4, "appointed-migrant-representatives"), (4, "appointed-experts")),
                  rest("21 voting members: 9 foreigners directly elected by postal vote; 4 naturalised, 4 Aussiedler "
                       "and 4 experts appointed by the Stadtrat")),
             note(2)),
    331: row(keep(1, election(within("2021", "2021-01-18", "2021-02-07", PERIOD), mode="postal"),
                  rest("postal vote 2021-01-18 to 2021-02-07")),
             note(2),  # "six years" in words
             note(3)),
    332: row(note(1), keep(2, chair("Julia Lang"))),
    333: noted(),
    693: row(note(1), note(2), note(3),
             note(4)),  # to be put to the Stadtrat: no adoption
    694: noted(),
    # a report, not a plan: a document
    695: row(keep(1, dated("2014-04-22"),
                  rest("more than 300-page report prepared March 2012 – February 2014, presented 2014-04-22")),
             note(2), actor_type="research"),
    696: noted(),  # an announced office (March 2012), to start later: not an established unit
    697: row(keep(1, located_in("Direktorium 1"), rest("part of Direktorium 1 as the page's path shows")),
             note(2)),
    # ------------------------------------------------------------------ Ingolstadt
    334: row(keep(1, members_count(16),
                  rest("16 members elected by migrants, plus representatives of Stadtrat, authorities and "
                       "associations")),
             keep(2, term(6)),
             note(3)),
    335: row(keep(1, predecessor(ING_AB), rest("replaces the former Ausländerbeirat")),
             keep(2, election("2014-07"), rest("elected July 2014 for six years"))),
    336: row(keep(1, ING_2020, rest("1,979 voted (5.57%, one point more than 2014)")),
             keep(2, ING_2020.more(candidates=42)),
             note(3),  # 11 women and 5 men elected: no property for the elected by gender
             keep(4, constituted("2020-09-22"))),
    337: row(keep(1, ING_2014, rest("voting until 2014-07-13")),
             keep(2, ING_2014.more(candidates=35)),
             keep(3, ING_2014.more(eligible=30000), rest("about 30,000 eligible"))),
    338: one(office_holder("Ingrid Gumplinger", inferred_year("2020")), rest("also chair of the Migrationsrat")),
    # ------------------------------------------------------------------ Fürth
    # founding year 1987 (row 344) vs 1988 (row 345): README conflicts
    344: one(established("1987"), rest("per the 2016 city report")),
    345: row(keep(1, established("1988"), renamed(FUE_AB), rest("since 1988, first as Ausländerbeirat")),
             note(2),
             keep(3, members_count(15, (15, "elected-by-migrant-residents")),
                  rest("15 members directly elected every five years; the row notes that this conflicts with the "
                       "founding year 1987 and the 4-year term in the 2016 report")),
             conflicts=(344,)),
    346: row(keep(1, FUE_2016, rest("15 voting members elected for four years")),
             keep(2, FUE_2016.more(eligible=20138), election("2012", eligible=14806)),
             keep(3, FUE_2016.more(turnout="2.52"), rest("508 voters"))),
    347: one(election(within("2012-12", "2012-12-10", "2012-12-14", PERIOD), seats=15),
             rest("15 voting members for 4 years; the vote was held in the Integrationsbüro")),
    348: row(keep(1, chair("Antonios Kerlidis", inferred_year("2016")), rest("chair in 2016 and 2018")),
             keep(2, chair("Georgios Deligeorgis", inferred_year("2012")))),
    349: row(keep(1, members_count(21),
                  rest("new Beirat of 21 voting members (11 women, 10 men, 13 nations) named for the first time "
                       "through a selection procedure, for four years")),
             note(2)),  # located in the Büro für Migration & Vielfalt: a body's office, not a unit's placement
    350: one(office_holder("Anke Kruse", inferred_year("2016")), office_holder("Anke Kruse", inferred_year("2018"))),
    # ------------------------------------------------------------------ Würzburg
    # founding year of the provisional Ausländerbeirat 1994 (row 351) vs 1995 (row 352): README conflicts
    351: row(keep(1, established("1994"), rest("as the Vorläufiger Ausländerbeirat, founded by citizens")),
             keep(2, election("1996-06-23"), rest("first formally elected")),
             note(3)),
    352: row(keep(1, established("1995"),
                  rest("as the provisional Ausländerbeirat, the last Bavarian city to found one; the row notes that "
                       "this conflicts with 1994 on the city page")),
             keep(2, election("1996"), rest("first official election")),
             keep(3, legal_basis("Satzung of 2008")),
             conflicts=(351,)),
    353: row(keep(1, members_count(15, (15, "elected-by-migrant-residents")), classifies(), rest("six-year term")),
             note(2)),
    354: row(keep(1, WUE_2021, rest("by postal vote, postponed from July 2020")),
             keep(2, WUE_2021.more(eligible=17000), rest("about 17,000 eligible")),
             keep(3, WUE_2021.more(candidates=45, seats=15), rest("45 candidates on 4 lists"))),
    355: one(chair("Jeong-Soo Kim", "2021"), rest("Dr. Jeong-Soo Kim, chair in 2021")),
    698: row(note(1), note(2)),  # presented to the Sozialausschuss and the Stadtrat, undated: no adoption
    699: row(note(1), note(2)),
    700: one(head("Thomas Stolzenberg"), rest("interview with Sozialreferentin Hülya Düber on the new concept")),
    # ------------------------------------------------------------------ Erlangen
    377: row(keep(1, established("1974")), note(2)),
    378: row(keep(1, members_count(23), classifies(),
                  rest("23 elected members, plus advisory Stadtrat representatives of the groups and 8 advisory "
                       "members from offices and institutions")),
             note(2)),
    379: one(classifies()),
    380: row(keep(1, ERL_2020, rest("postal vote in June 2020, result determined 2020-07-02")),
             note(2),  # ballot letters received: no property for votes cast
             note(3)),
    381: row(keep(1, legal_basis("Wahlordnung of 2007-10-10, amended 2019-07-26")), note(2)),
    701: row(note(1),  # commissioned by the Stadtrat in October 2005: no property for the commission
             keep(2, adopted("2007-07-26"), rest("adopted unanimously"))),
    702: noted(),  # adopted 2007: row 701 gives the day (one adoption date per plan); 2006 and 2017 no property
    703: one(established(season("summer 2015")),
             rest("from summer 2015 the posts for equality, integration and international relations, inclusion, "
                  "diversity management and anti-discrimination advice were merged into this office")),
    704: one(head("Silvia Klein", "2017"), on(ERL_KOORD, head("Silvia Klein", "2017"), actor_type="office"),
             rest("head and Koordinationsstelle Integration (AGABY conference 2017)")),
    705: noted(),
    # ------------------------------------------------------------------ Bamberg
    441: row(keep(1, established("1994")),
             keep(2, constituted("2012-11"), rest("reconstituted Nov 2012 for six years"))),
    442: row(keep(1, election("2018"), rest("elections in June/July 2018")),
             keep(2, constituted("2018-10-09")),
             keep(3, chair("Mohamed Hédi Addala"), rest("chair confirmed")),
             keep(4, members_count(18), rest("seats of some nationality groups still vacant"))),
    443: noted(),  # "at most 30 seats": count-qualifier has no "at most"
    444: row(keep(1, BA_2024, rest("23 candidates from 14 countries")),
             keep(2, BA_2024.more(eligible=8990, turnout="9.09"), rest("817 of 8,990 eligible voted")),
             keep(3, members_count(19), rest("some seats vacant")),
             note(4)),
    # ------------------------------------------------------------------ Bayreuth
    445: one(established(season("autumn 2016")),
             rest("'since autumn last year' in a March 2017 report; the row notes that a July 2017 report says "
                  "since summer 2016")),
    446: row(keep(1, members_count(20)), note(2), note(3)),
    447: row(keep(1, office_holder("Ibukun Koussemou", undated())),
             note(2)),  # "heads" an Abteilung: the role word the provenance check reads ("head") is not written
    # ------------------------------------------------------------------ Landshut
    448: one(established("2009-03"), rest("as the Beirat für Migration und Integration (MIGLA)")),
    449: row(keep(1, renamed(LA_MIGLA, "2021"),
                  rest("renamed Integrationsbeirat with a new Satzung (as of 2021-03-31)")),
             note(2)),
    450: row(keep(1, members_count(10), rest("10 members elected by the Delegiertenversammlung, plus 9 substitutes")),
             keep(2, term(3)),
             keep(3, chair("Sevim Kaya", inferred_year("2025")))),
    451: one(chair("Leyla Bahadir", "2021"), rest("ten-member Beirat after the 2021 delegates' vote")),
    452: one(head("Thomas Link", inferred_year("2021"))),
    453: noted(),
    # ------------------------------------------------------------------ Kempten (Allgäu)
    454: row(keep(1, predecessor(KE_AB, undated_until("2008-12-22", "Beschluss spätestens am Tag des Berichts"),
                                 kind="conversion"),
                  rest("the Stadtrat decided (report of 2008-12-22) to convert the elected Ausländerbeirat into an "
                       "Integrationsbeirat")),
             keep(2, classifies()),
             keep(3, classifies(),
                  rest("13 members of non-German origin plus OB, council groups, administration and institutions"))),
    455: row(note(1), keep(2, chair("Ilknur Altan"))),
    456: one(office_holder("Siegfried Oberdörfer", inferred_year("2008"))),
    # ------------------------------------------------------------------ Memmingen
    457: one(established("2021", predecessor=MM_AB), on(MM_AB, established("1975")),
             rest("successor of the Ausländerbeirat founded 1975, one of the first in Bavaria")),
    458: row(keep(1, members_count(12), classifies(),
                  rest("12 honorary members chosen by the Stadtrat in a secret vote for six years (30 "
                       "applicants/nominees)")),
             keep(2, classifies(), rest("plus OB, Stadtratsreferent für Integration and council groups"))),
    459: row(note(1), note(2),
             note(3)),  # an updated Satzung for a Beirat to be elected around June 2026: planned
    460: one(office_holder("Lukas Krupinski"), on(MM_KS, head("Lukas Krupinski"), actor_type="office")),
    648: row(keep(1, established("2021-02-01"), rest("exists since 2021-02-01 (party group site)")),
             keep(2, chair("Lukas Krupinski", role="coordinator"),
                  rest("coordinates and supports the Integrationsbeirat (party group site)"))),
    649: row(keep(1, election("2021-02-24"),
                  rest("members elected by the Stadtrat at its session (party group site)")),
             note(2)),
    # ------------------------------------------------------------------ Kaufbeuren
    461: one(established("2014", predecessor=KF_AB),
             rest("first started work in 2014, replacing the former Ausländerbeirat")),
    462: row(keep(1, members_count(26, (13, "appointed-migrant-representatives")), classifies(),
                  rest("OB (chair), representatives of the council groups, experts, Koordinierungsstelle, "
                       "Integrationsbeauftragter and 13 migrants chosen by the Stadtrat from proposals")),
             note(2)),
    463: one(office_holder("Walter Nocker", "2008"), rest("since 2008; deputy chair of the Integrationsbeirat")),
    # ------------------------------------------------------------------ Rosenheim, Passau
    # two administration reports, not an organisation: a document
    481: row(note(1), note(2), actor_type="research"),
    # a steering committee of council members: an advisory body, not an organisation
    482: row(keep(1, classifies(), rest("steering committee of members of the Stadtrat groups, convened by OB Jürgen "
                                        "Dupper")),
             note(2), actor_type="advisory_council"),
    # ------------------------------------------------------------------ Schweinfurt
    483: row(keep(1, established("2009", predecessor=SW_AB),
                  rest("after the dissolution of the former Ausländerbeirat")),
             keep(2, members_count(None, (10, "delegated-by-organisations"), (5, "appointed-from-council")),
                  classifies(), rest("first term: 10 representatives of migrant organisations + 5 Stadträte")),
             keep(3, chair("Ayfer Fuchs", inferred_year("2012")))),
    # 32 members (row 484) vs 29 (row 485): README conflicts
    484: row(keep(1, members_count(32, (19, "delegated-by-organisations"), (7, "appointed-from-council")),
                  rest("plus up to 7 independent 'free members'")),
             note(2)),
    485: row(keep(1, members_count(29, (6, "appointed-from-council")),
                  rest("17 migrant representatives + 6 Stadträte + 6 free members")),
             note(2), conflicts=(484,)),
    486: row(keep(1, constituted(inferred_year("2020")), rest("5th constitutive session on 23 July (2020)")),
             note(2)),
    487: row(keep(1, chair("Aynur Scheuring", "2020-07"), rest("re-elected for three years")),
             note(2)),
    # ------------------------------------------------------------------ Schwabach, Ansbach
    488: row(keep(1, election("2019-06-30"), rest("for the term from 2019")), note(2)),
    489: row(note(1), note(2), note(3)),  # elected, proposed and non-voting members: no concept for the mix
    505: row(keep(1, classifies()), note(2)),
    506: noted(),
    507: one(office_holder("Savchenko"),
             rest("runs the office (Geschäftsstelle) of the Integrationsbeirat since 2008; named only as Savchenko")),
    # ------------------------------------------------------------------ Coburg, Aschaffenburg
    508: row(note(1),
             keep(2, on(CO_2010, adopted("2010")),
                  rest("the city's first integration concept had been adopted in 2010 (copy of the document on a "
                       "document-sharing site)"))),
    522: one(office_holder("Anna Ehrlich", undated()), rest("undated BR report")),
    523: row(note(1), note(2)),
    # ------------------------------------------------------------------ Weiden, Hof
    524: one(chair("Veit Wagner", "2018-05"), rest("Beiratssprecher, at the last session of the term, May 2018")),
    525: noted(),
    534: row(keep(1, established("2021-02-22", decided_by="Stadtrat"),
                  rest("the Stadtrat decided the body's composition on 2021-02-22")),
             note(2)),
    535: one(members_count(25, (5, "appointed-migrant-representatives"), (11, "delegated-by-organisations")),
             classifies(),
             rest("nine Stadtrat representatives, five persons with migration background (by application) and one "
                  "representative each of 11 institutions (e.g. Diakonie Hochfranken, Caritas, VHS Hofer Land, "
                  "Jobcenter, Ausländerbehörde)")),
    536: one(members_count(25), rest("incl. five people with migration background; took up work (Euroherz report)")),
    537: row(note(1),  # "expected to start in May 2021": no start
             note(2)),
    538: one(adopted("2019")),
    539: row(note(1), note(2)),  # an update in progress
    # a Beauftragte: a post, not a unit
    540: row(keep(1, office_holder("Katharina Bunzmann", undated()),
                  rest("Dr. Katharina Bunzmann (Frankenpost, undated)")),
             note(2), actor_type="commissioner"),
    541: noted(),
    # ------------------------------------------------------------------ Amberg, Straubing
    542: noted(),  # "being founded": not yet established
    543: row(note(1), note(2)),  # a managing director: no membership role for it
    644: one(members_count(11), rest("determined by Stadtrat decision (as for all Straubing Beiräte)")),
    645: row(note(1),  # "four years" in words
             note(2)),
    646: row(note(1), keep(2, classifies())),
    # an Integrationslotse is a post held by a person, not an organisation
    647: one(office_holder("Sebastian Wiesbeck", within("2023", "2023", "2023", "etwa 2023")),
             rest("network meeting of Lower Bavarian Integrationslotsen, 15 March, c. 2023"),
             actor_type="commissioner"),
}

BODIES = {
    ("München", MUC_MB): body("migrationsbeirat", rows=[19]),
    ("München", MUC_AB): body("auslaenderbeirat", "elected-only", rows=[266]),
    ("Augsburg", AUG_IB): body("integrationsbeirat", "appointed-and-council", rows=[135, 137, 138]),
    ("Augsburg", AUG_AB): body("auslaenderbeirat", rows=[133]),
    ("Augsburg", AUG_2009): body("beirat-fuer-migration-und-integration", rows=[134]),
    ("Augsburg", AUG_OPMI): body("integration-committee", rows=[578]),
    ("Regensburg", REG_IB): body("integrationsbeirat", rows=[329]),
    ("Ingolstadt", ING_MR): body("migrationsrat", rows=[334]),
    ("Ingolstadt", ING_AB): body("auslaenderbeirat", rows=[335]),
    ("Fürth", FUE_IB): body("integrationsbeirat", rows=[344]),
    ("Fürth", FUE_AB): body("auslaenderbeirat", rows=[345]),
    ("Würzburg", WUE_AIB): body("integrations-und-auslaenderbeirat", "elected-only", rows=[353]),
    ("Erlangen", ERL_AIB): body("integrations-und-auslaenderbeirat", "elected-and-council", rows=[378, 379]),
    ("Bamberg", BA_MIB): body("migrantenbeirat", rows=[441]),
    ("Bayreuth", BT_IB): body("integrationsbeirat", rows=[445]),
    ("Landshut", LA_IB): body("integrationsbeirat", rows=[448]),
    ("Landshut", LA_MIGLA): body("beirat-fuer-migration-und-integration", rows=[449]),
    ("Kempten (Allgäu)", KE_IB): body("integrationsbeirat", "appointed-and-council", rows=[454]),
    ("Kempten (Allgäu)", KE_AB): body("auslaenderbeirat", "elected-only", rows=[454]),
    ("Memmingen", MM_IB): body("integrationsbeirat", "appointed-and-council", rows=[458]),
    ("Memmingen", MM_AB): body("auslaenderbeirat", rows=[457]),
    ("Kaufbeuren", KF_IB): body("integrationsbeirat", "appointed-and-council", rows=[462]),
    ("Kaufbeuren", KF_AB): body("auslaenderbeirat", rows=[461]),
    ("Schweinfurt", SW_IB): body("integrationsbeirat", "appointed-and-council", rows=[483]),
    ("Schweinfurt", SW_AB): body("auslaenderbeirat", rows=[483]),
    ("Schwabach", SC_IR): body("integrationsrat", rows=[488]),
    ("Ansbach", AN_IB): body("integrationsbeirat", "elected-only", rows=[505]),
    ("Weiden i.d.OPf.", WEN_IB): body("integrationsbeirat", rows=[524]),
    ("Hof", HOF_IB): body("integrationsbeirat", "appointed-and-council", rows=[535]),
    ("Passau", PA_LA): body("integration-committee", "council-only", rows=[482]),
    ("Straubing", ST_AMB): body("migrationsbeirat", function="advisory", rows=[646]),
}
