"""Batch 3, Niedersachsen and Bremen: Braunschweig, Salzgitter, Wolfsburg, Delmenhorst, Emden, Oldenburg
(Oldenburg), Osnabrück, Wilhelmshaven (62 rows) and Bremen (Land-level Bremer Rat für Integration, Senate plans
and commissioners) and Bremerhaven (20 rows) of batch3/infrastructure.csv. Every clause read and given a
disposition. The local helpers below follow api.py's patterns for what the API has no fact for: a body's or
plan's relation to an organisation (membership of the Niedersächsischer Integrationsrat, adoption by the Senat),
a plan that replaces another (dct:replaces), a merger of two units, a unit placed in a unit of a stated kind,
and a second row confirming an adoption already stated (a plan has one date of adoption)."""

from __future__ import annotations

from rdflib.namespace import ORG, SKOS

import model
from model import undated, undated_until
from mapping.batch3.api import (replaces, unit_kind, Ctx, Fact, _checked, _council, _d, _date_check, adopted, body, chair, classifies,
                                constituted, election, established, head, inferred_year, keep, legal_basis,
                                located_in, members_count, note, noted, office_holder, on, one, predecessor,
                                publication, renamed, rest, row, term)
from mapping.infrastructure.actors import canonical
from mapping.registry import REG
from model.nodes import local_name
from vocab import IKG, de, slug

LANDS = ("Niedersachsen", "Bremen")

# a dated page whose clause gives no date: no stated value, the technical lower bound, at the latest the day read
NOT_DATED = undated(note="kein Datum im Satz genannt; spätestens am Lesetag 25.11.2026")


# ------------------------------------------------------------------ local helpers (api.py's patterns)

def _org(c: Ctx, name: str, kind: str, alt: str | None = None):
    node = REG.org(c.f, f"{slug(name)[:60].strip('-')}", name, kind)
    if alt:
        c.f.add(node, SKOS.altLabel, de(alt))
    return node


def on_org(name: str, *facts: Fact, kind: str = "network", alt: str | None = None) -> Fact:
    """The facts are about an organisation above the city the clause names (made on first mention)."""
    def write(c: Ctx) -> None:
        sub = Ctx(c.x, c.f, _org(c, name, kind, alt), c.row, c.city, c.ags, c.made, _keys=c._keys + 200)
        for fact in facts:
            fact(sub)
    return _checked(write, ("name", name), ("name", alt), *(ch for fact in facts for ch in getattr(fact, "checks", ())))


def member_of(name: str, since=None, when=None, kind: str = "network") -> Fact:
    """The actor (a body) is a member of the organisation `name`: from `since` (the clause's joining date) or
    named as member at `when` (the membership's reference time)."""
    def write(c: Ctx) -> None:
        org = _org(c, name, kind)
        m = model.membership(c.f, c.node, org, _d(since), role="member", name=f"Mitglied: {name}",
                             key=f"{local_name(c.node)}--{local_name(org)}")
        if when is not None:
            c.f.add(m, IKG.referenceTime, model.instant(c.f, _d(when)))
        c.made.append(m)
    return _checked(write, ("name", name), _date_check(since), _date_check(when))


def established_by(when, body_name: str) -> Fact:
    """The founding of the actor at the stated date, decided by a body the clause names (not the council)."""
    def write(c: Ctx) -> None:
        by = c.x.actor(c.f, c.city, "advisory_council", body_name)
        ev = model.change_event(c.f, f"{local_name(c.node)}-established-{c.key}", "establishment", None, c.node,
                                _d(when), decided_by=by, name="Gründung")
        c.made.append(ev)
        model.founded(c.f, c.node, _d(when))
    return _checked(write, _date_check(when), ("name", body_name))


def adopted_by_org(when, name: str, kind: str = "public") -> Fact:
    """The plan's adoption at the stated date by an organisation that is not the municipal council (the Senat)."""
    def write(c: Ctx) -> None:
        model.adopted(c.f, c.node, REG.org(c.f, f"{c.ags}-{slug(name)[:40]}", name, kind), _d(when))
    return _checked(write, _date_check(when), ("name", name))


def adopted_once(when, by: str | None = None) -> Fact:
    """The plan's adoption as `adopted`; where an earlier row already states the same date, that statement is
    cited to this row as well (a plan has one date of adoption)."""
    def write(c: Ctx) -> None:
        value = _d(when).value
        for s, p, o in list(c.f.triples):
            if s == c.node and p == IKG.adoptedOn and any(t[0] == o and t[2] == value for t in c.f.triples):
                for t in [t for t in c.f.triples if t[0] == o] + [(s, p, o)]:
                    c.f.add(*t)
                if by:
                    c.f.add(c.node, IKG.adoptedBy, _council(c, by))
                return
        model.adopted(c.f, c.node, _council(c, by) if by else None, _d(when))
    return _checked(write, _date_check(when), ("name", by))


def endorsed_by(body_name: str) -> Fact:
    """The plan was passed by a committee the clause names before the council adopted it (ikg:endorsedBy)."""
    def write(c: Ctx) -> None:
        c.f.add(c.node, IKG.endorsedBy, c.x.actor(c.f, c.city, "advisory_council", body_name))
    return _checked(write, ("name", body_name))


def _unit(c: Ctx, name: str, kind: str):
    key = (c.city, canonical(name))
    if key not in c.x.nodes:
        c.x.nodes[key] = model.unit(c.f, REG.admin(c.f, c.ags), slug(name)[:60].strip("-"), name, kind)
    return c.x.nodes[key]


def within(name: str, kind: str) -> Fact:
    """As api.located_in, with the kind (unit-kind) of the unit the clause names where its name gives another
    ("Büro des Oberbürgermeisters" is no integration office, a "Fachdienst" is a division)."""
    def write(c: Ctx) -> None:
        unit = _unit(c, name, kind)
        prop = ORG.postIn if "/id/post/" in str(c.node) else ORG.subOrganizationOf
        c.f.remove(c.node, prop, REG.admin(c.f, c.ags))
        c.f.add(c.node, prop, unit)
    return _checked(write, ("name", name))


def on_unit(name: str, kind: str, *facts: Fact) -> Fact:
    """The facts are about a unit of the stated kind the clause names."""
    def write(c: Ctx) -> None:
        sub = Ctx(c.x, c.f, _unit(c, name, kind), c.row, c.city, c.ags, c.made, _keys=c._keys + 300)
        for fact in facts:
            fact(sub)
    return _checked(write, ("name", name), *(ch for fact in facts for ch in getattr(fact, "checks", ())))


def merged_from(names: tuple[str, ...], when) -> Fact:
    """The actor was formed at `when` by merging the units `names` (one merger event, its founding)."""
    def write(c: Ctx) -> None:
        ev = model.change_event(c.f, f"{local_name(c.node)}-merger-{c.key}", "merger", None, c.node, _d(when),
                                name="Zusammenlegung")
        for n in names:
            c.f.add(ev, ORG.originalOrganization, c.x.actor(c.f, c.city, "office", n))
        c.made.append(ev)
        model.founded(c.f, c.node, _d(when))
    return _checked(write, _date_check(when), *(("name", n) for n in names))


# ------------------------------------------------------------------ names

NIR = "Niedersächsischer Integrationsrat"
# Braunschweig
BS_COMMITTEE = "Ausschuss für Integrationsfragen (Stadt Braunschweig), since 2021 Ausschuss für Vielfalt und Integration"
BS_RA = "Ratsausschuss für Ausländerangelegenheiten"
BS_AK = "Arbeitskreis für die Probleme ausländischer Arbeitnehmer"
# Oldenburg
OL_COMMITTEE = "Integrationsausschuss der Stadt Oldenburg (with Forum für Migration und Integration)"
OL_FORUM = "Forum für Migration und Integration"
OL_STABSSTELLE = "Stabsstelle Integration (Stadt Oldenburg)"
OL_AMT = "Amt für Zuwanderung und Integration (Stadt Oldenburg)"
# Osnabrück
OS_BEIRAT = "Migrationsbeirat der Stadt Osnabrück"
OS_AB = "Osnabrück Ausländerbeirat"
# Wolfsburg
WOB_COMMITTEE = "Ausschuss für Migration und Integration (Stadt Wolfsburg)"
WOB_DIK = "Deutsch-Italienischer Kontaktausschuss"
WOB_OLD_COMMITTEE = "Ausländerausschuss"
WOB_REFERAT = "Integrationsreferat"
# Salzgitter, Wilhelmshaven, Delmenhorst, Emden
SZ_COMMITTEE = "Ausschuss für Soziales, Integration und Gesundheit (Rat der Stadt Salzgitter)"
WHV_COMMITTEE = "Ausschuss für Soziales, Gesundheit und Integration (Rat der Stadt Wilhelmshaven)"
WHV_KMUT = "Koordinierungsstelle für Migration und Teilhabe"
DEL_BEIRAT = "Integrationsbeirat der Stadt Delmenhorst"
EMD_RAT = "Integrationsrat der Stadt Emden"
EMD_COMMITTEE = "Ausschuss für Gesundheit, Soziales und Integration"
# Bremen, Bremerhaven
BRI = "Bremer Rat für Integration (Land Bremen: Bremen and Bremerhaven)"
BRI_NEW = "Bremer Rat für Teilhabe und Diversität in der Migrationsgesellschaft (Bremer Rat)"
DEPUTATION = "Deputation für Soziales, Jugend, Senioren und Ausländerintegration"
SENAT = "Senat (Land Bremen)"
BHV_MIRA = "Migrationsrat der Stadt Bremerhaven (MiRa)"
BHV_RAM = "Rat ausländischer Mitbürger:innen"
BHV_FACHBEIRAT = "Fachbeirat Migration und Chancengleichheit"

# One node per body and unit: the rows' other names for it.
ALIASES = {
    ("Braunschweig", "Ausschuss für Vielfalt und Integration (Stadt Braunschweig)"): BS_COMMITTEE,
    # row 372 names the unit "Integrationsreferat" in its renaming; rows 373-375 name it in full
    ("Wolfsburg", "Integrationsreferat der Stadt Wolfsburg"): WOB_REFERAT,
}

ROWS = {
    # --- Bremen: Bremer Rat für Integration (Land level)
    # the formation decided by a Deputation (a committee of the Bürgerschaft, not the council itself)
    70: row(keep(1, established_by("2004-12-16", DEPUTATION)),
            keep(2, constituted("2005-01-19")),
            note(3)),  # "two years" of the first term only, in words: no term length of the body as such
    71: row(keep(1, members_count(28, when=undated(note="Jahr nur in der Spalte property der Zeile genannt "
                                                      "(members_count_2004), nicht im Satz; spätestens am Lesetag "
                                                      "25.11.2026")),
                 rest("28 voting members named by the Deputation, 4 of them by the Magistrat of Bremerhaven; the "
                      "row's property dates the count to 2004")),
            keep(2, election("2004-12-09", seats=7),
                 rest("7 members with migration background elected at an electoral assembly"))),
    72: row(keep(1, members_count(29, (29, "delegated-by-organisations"),
                                  when=undated_until("2017-03-24", "kein Datum der Zählung genannt; die Seite wurde "
                                                                   "zuletzt am 2017-03-24 geändert")),
                 rest("29 members and as many deputies, delegated by institutions and named by the Deputation")),
            keep(2, term(4), rest("page last changed 2017-03-24")),
            conflicts=(71,)),
    73: one(members_count(32, when=undated()), rest("32 members and as many deputies (undated page)"),
            conflicts=(71, 72)),
    74: one(members_count(64, when=inferred_year("2025")),
            rest("'64 members so far' in a 2025 retrospective: probably all members since the council began, not "
                 "its size at a single date (the batch README's conflicts table)"),
            conflicts=(71, 72, 73)),
    75: noted(),  # a plenary session: the model has no event kind for it
    # "new name and structure": the row does not name the body it succeeds, so the link is a note
    76: row(note(1, "new name and structure from the 2025-2029 term: the row gives this council as the successor "
                    "of the Bremer Rat für Integration (the page is on that council's own website)"),
            note(2),  # "at most 50": the counts have no upper-bound qualifier
            note(3), note(4)),
    77: one(legal_basis("Satzung"),
            rest("a new Satzung adopted by the Sozialdeputation on 12 June (2025, the year inferred from the "
                 "page's date)")),
    78: one(office_holder("Rainer Schmidt", undated()),
            on("Referat Integrationspolitik", head("Rainer Schmidt", undated()), actor_type="office"),
            rest("Rainer Schmidt heads the Referat Integrationspolitik, which supports the Bremer Rat für "
                 "Integration (undated page)")),
    # --- Bremen: Senate plans and commissioner
    669: row(keep(1, adopted_by_org("2012-03-20", SENAT)), note(2)),
    670: row(note(1),  # 14 fields of action, not named: no field-of-action concepts to give
             note(2)),  # a final report not named: no document node
    671: one(adopted_by_org("2016", SENAT),
             rest("adoption by the Senat as reported on the SPD parliamentary group's site (party website)")),
    672: row(keep(1, publication("Rahmenkonzept gesellschaftliche Teilhabe und Diversity (Land Bremen)", "2021-10",
                                 publisher="Senatorin für Soziales, Jugend, Integration und Sport"),
                  rest("document copy")),
             note(2)),
    673: one(office_holder("Silke Harth", "2012-03"), rest("new in the post in March 2012")),
    # --- Bremerhaven
    406: row(keep(1, constituted("2023-10-12")),
             keep(2, members_count(25, when="2023-09"), classifies(),
                  rest("25 full and 18 deputy members named by the Stadtverordnetenversammlung in Sept 2023, plus "
                       "5 experienced persons to be co-opted")),
             keep(3, chair("Mircea Ionescu"))),
    407: one(predecessor(BHV_RAM)),
    408: one(classifies(), rest("right to speak in all committees of the Stadtverordnetenversammlung and to table "
                                "proposals")),
    409: one(adopted("2013-04-25", by="Stadtverordnetenversammlung"),
             on("Leitlinien der Bremerhavener Integrationspolitik",
                adopted("2013-04-25", by="Stadtverordnetenversammlung"))),
    410: one(adopted("2020-09-24", by="Stadtverordnetenversammlung"),
             rest("published Dec 2020 (document copy)")),
    411: row(keep(1, within("Sozialamt", "social-office"), rest("directly under the head of the Sozialamt")),
             keep(2, on(BHV_FACHBEIRAT, rest("run by the Koordinierungsstelle für Integration und Chancengleichheit; "
                                             "advises the Magistrat"), actor_type="advisory_council"))),
    # --- Braunschweig
    154: row(keep(1, on(BS_RA, established("1988")), predecessor(BS_RA)),
             keep(2, established("2001-11"), rest("set up for all immigrants"))),
    155: row(keep(1, members_count(None, (11, "appointed-from-council"), (1, "appointed-from-council"),
                                   (11, "appointed-migrant-representatives"), when=NOT_DATED),
                  classifies(),
                  rest("11 Ratsmitglieder, 1 Ratsmitglied with Grundmandat and 11 Bürgermitglieder of different "
                       "origin appointed on proposal of the Rat groups")),
             note(2)),
    156: row(keep(1, classifies()), note(2)),
    157: row(keep(1, on(BS_AK, constituted("1971-03-10"), rest("half of its members foreign")),
                  rest("the committee's history begins with this Arbeitskreis")),
             note(2, about=BS_AK)),  # replaced by a sub-committee named only in English: no node for it
    158: one(member_of(NIR, when="2022"), rest("ordinary member; sends two delegates (Vorlage 22-18948)")),
    159: row(note(1), note(2), note(3)),  # tasks and an address: no properties for them
    591: one(adopted("2008-07", by="Rat"), rest("the city's first integration concept")),
    # the row's words "integration planning" would mark the plan as planned: the note goes on the administration
    592: noted(actor_type="administration"),
    593: row(keep(1, adopted_once("2016-03-15", by="Rat"), rest("adopted unanimously")),
             note(2)),  # the Steuerungskreis INTEGRATION: a steering group whose members the row does not give
    594: one(adopted_once("2016-03-15", by="Rat"),
             rest("Vorlage 16-01642-01, decided as amended ('geändert beschlossen') after committee deliberations "
                  "on 3–4 March 2016")),
    595: one(established("2016-04-01"), unit_kind("division"), located_in("Fachbereich 50 Soziales und Gesundheit")),
    596: row(note(1), note(2)),
    597: one(head("Audrey Grothe", undated()), rest("undated page version")),
    # --- Salzgitter
    412: noted(actor_type="advisory_council"),  # "to be chaired … from Nov 2021": not yet a chair
    544: noted(),  # support by forumZFD: no property for it
    545: noted(),  # "15 years old in November 2022": a founding year only by arithmetic
    # --- Wolfsburg
    371: row(keep(1, predecessor(WOB_DIK), on(WOB_DIK, established("1969-12-09"), rest("5 Rat members and 5 Italians"))),
             note(2)),
    372: one(renamed(WOB_OLD_COMMITTEE, "2010"), on(WOB_REFERAT, renamed("Ausländerreferat", "2010"), actor_type="office")),
    373: row(keep(1, established("1974"), head("Antonio di Virgilio", "1974"),
                  rest("founded as Ausländerreferat; Antonio di Virgilio was its first head")),
             note(2)),
    374: one(head("Sylvia Cultus", "2009-04"), rest("head since April 2009")),
    375: one(head("Irina Reschke", inferred_year("2024")), rest("English city page, 2024 anniversary year")),
    376: row(note(1), note(2)),  # a concept "of 2021" whose adoption the row does not date
    # --- Delmenhorst
    492: row(keep(1, classifies(),
                  rest("up to 12 residents with migration history (by application) plus representatives of council "
                       "groups, welfare, community work, an integration-course provider, sport and the DGB")),
             note(2)),
    493: row(keep(1, member_of(NIR, since="2019-10-23"), rest("joined by vote of 2019-10-23")),
             keep(2, chair("Pedro Benjamin Becerra"))),
    494: row(note(1),  # "working under this name since": neither founding nor a renaming with the old name
             keep(2, within('Stabsstelle "Kontaktstelle Flüchtlinge und Interkulturelle Angelegenheiten"', "staff-unit"),
                  on_unit('Stabsstelle "Kontaktstelle Flüchtlinge und Interkulturelle Angelegenheiten"', "staff-unit",
                          located_in("Fachbereich 3")),
                  rest("placed there since 2015-06-01"))),
    # --- Emden
    512: one(adopted("2022-06-01", by="Rat"), endorsed_by(EMD_COMMITTEE),
             rest("passed unanimously by the Ausschuss für Gesundheit, Soziales und Integration on 2022-05-18")),
    513: one(replaces("Rahmenplan Integration (Stadt Emden)")),
    514: noted(),  # an undated unanimous committee decision; the committee is not named
    515: one(adopted("2010", by="Rat")),
    516: row(note(1), note(2)),  # a commission to draft and a workshop: no drafting or event facts
    517: one(constituted("2022-05-13")),
    518: row(keep(1, classifies()), keep(2, classifies()), note(3)),
    519: row(keep(1, legal_basis("Richtlinie Koordinierungsstellen Migration und Teilhabe"),
                  rest("the Lower Saxony guideline under which it is responsible for integration work")),
             note(2), note(3)),
    520: one(within("Fachdienst 551", "division"),
             on_unit("Fachdienst 551", "division", located_in("Fachbereich 500 Gesundheit und Soziales")),
             rest("per page URL path and navigation")),
    521: row(keep(1, established("2005"), rest("founded by the AWO integration counselling services")), note(2)),
    # --- Oldenburg (Oldenburg)
    288: one(within("Büro des Oberbürgermeisters", "office-of-the-mayor"), rest("assigned directly since 2008-05-01")),
    289: row(keep(1, merged_from(("Amt für Zentrales Flüchtlingsmanagement", OL_STABSSTELLE), "2017-08-01"),
                  unit_kind("integration-office")),
             keep(2, members_count(30, when=NOT_DATED, unit="staff", qualifier="approximately")),
             keep(3, located_in("Sozialdezernat"), rest("the Sozialdezernat is named with Dagmar Sachse"))),
    290: one(within("Fachdienst Integration", "division"),
             on_unit("Fachdienst Integration", "division", located_in(OL_AMT)),
             rest("the commissioner heads the Fachdienst Integration; the Koordinierungsstelle Migration und Teilhabe "
                  "sits there")),
    291: one(office_holder("Aliz Müller", inferred_year("2022"))),
    292: noted(),  # maintained by the Stabsstelle Integration; no adoption date
    293: row(keep(1, classifies(), on(OL_FORUM, members_count(14, when="2016-11", unit="member-organisations")),
                  rest("Rat committee with 7 advisory members (and 7 deputies) proposed by the Forum für Migration "
                       "und Integration, which had 14 voting organisations in Nov 2016")),
             note(2)),  # "about five years earlier": a founding year only by arithmetic
    294: one(established("2014"), rest("with Land Niedersachsen funding")),
    # --- Osnabrück
    301: one(classifies(), rest("16 voting members chosen for their biography/engagement, plus one representative of "
                                "each party in the Rat (Geschäftsordnung § 3)")),
    302: row(keep(1, legal_basis("Geschäftsordnung"), rest("Geschäftsordnung adopted by the Stadtrat on 2012-05-22")),
             note(2)),
    303: one(classifies(), rest("members named by the Stadtrat for the council period after proposals from migrant "
                                "associations and institutions")),
    304: row(keep(1, constituted("2017-03-21")),
             keep(2, chair("Vëllaznim Haziri", "2017-05-24"),
                  chair("Wambui Helen Nintemann", "2017-05-24", role="deputy-chair"))),
    305: one(members_count(16, when=NOT_DATED), classifies(),
             rest("9 women and 7 men from 16 origin regions, named by the Stadtrat for the council period until 2026")),
    306: row(keep(1, chair("Natalia Greywul", inferred_year("2025")),
                  chair("Mahmoud Farrag", inferred_year("2025"), role="deputy-chair")),
             keep(2, chair("Daniela Dandrea", "2012"), rest("chair in the 2012 term"))),
    307: row(note(1),
             keep(2, on_org(NIR, established("1984"), alt="AG KAN"),
                  on(OS_AB, rest("took the initiative for founding the AG KAN (now Niedersächsischer Integrationsrat) "
                                 "in 1984")))),
    308: one(office_holder("Seda Rass-Turgut", inferred_year("2017"))),
    689: row(keep(1, adopted("2014"),
                  rest("one of the first municipal concepts in Lower Saxony (Connective Cities good-practice page)")),
             note(2)),
    690: row(note(1),  # drawn up in 2014: no drafting date for plans
             note(2)),  # the 2017 update under a new title
    691: noted(),  # a contact person named in a competition entry: not a head or post holder
    692: row(keep(1, members_count(16, when="2022-05"),
                  rest("new Beirat of 9 women and 7 men (16 in all) from 16 countries, welcomed in May 2022")),
             note(2)),
    # --- Wilhelmshaven
    526: row(keep(1, office_holder("Armin Schönfelder"), rest("Erster Stadtrat")), note(2)),
    527: one(office_holder("Armin Schönfelder", "2021-06-29"), rest("Erster Stadtrat, named in a press release")),
    528: row(keep(1, within("Abteilung Beratung, Migration, Prävention", "division"),
                  on_unit("Abteilung Beratung, Migration, Prävention", "division", located_in("Jugendamt")),
                  rest("Dienststelle 51")),
             keep(2, on(WHV_KMUT, located_in("Migrationsbüro der Stadt Wilhelmshaven"), actor_type="office"),
                  rest("the Migrationsbüro also houses language mediation"))),
    529: row(note(1),  # a counselling office of 1979: the row does not say it is the Migrationsbüro
             keep(2, on(WHV_KMUT, established("2013-05"), rest("running since May 2013 (model phase)"),
                        actor_type="office"))),
    530: one(head("Rainer Päsler", inferred_year("2021"))),
    531: row(note(1), note(2), note(3)),  # a report, the 2011 concept and its rewriting: no adoption dates
    532: row(note(1), note(2)),  # a first reading; adoption only "expected"
    533: row(note(1), note(2), actor_type="advisory_council"),
}

BODIES = {
    # Bremen and Bremerhaven
    ("Bremen", BRI): body("integrationsrat", rows=[70]),
    ("Bremen", BRI_NEW): body("other-advisory-board", rows=[76]),
    ("Bremen", DEPUTATION): body("integration-committee", None, "council-committee", rows=[70]),
    ("Bremerhaven", BHV_MIRA): body("migrationsrat", "appointed-only", "advisory", rows=[406, 408]),
    ("Bremerhaven", BHV_RAM): body("migrationsrat", rows=[407]),
    ("Bremerhaven", BHV_FACHBEIRAT): body("other-advisory-board", None, "advisory", rows=[411]),
    # Braunschweig
    ("Braunschweig", BS_COMMITTEE): body("integration-committee", "appointed-and-council", "council-committee",
                                         rows=[155, 156, 596]),
    ("Braunschweig", BS_RA): body("integration-committee", None, "council-committee", rows=[154]),
    ("Braunschweig", BS_AK): body("other-advisory-board", rows=[157]),
    # Oldenburg, Osnabrück
    ("Oldenburg (Oldenburg)", OL_COMMITTEE): body("integration-committee", "appointed-and-council",
                                                  "council-committee", rows=[293]),
    ("Oldenburg (Oldenburg)", OL_FORUM): body("other-forum", rows=[293]),
    ("Osnabrück", OS_BEIRAT): body("migrationsbeirat", "appointed-and-council", rows=[301, 303, 305]),
    ("Osnabrück", OS_AB): body("auslaenderbeirat", rows=[307]),
    # Wolfsburg, Salzgitter, Wilhelmshaven
    ("Wolfsburg", WOB_COMMITTEE): body("integration-committee", rows=[371]),
    ("Wolfsburg", WOB_DIK): body("integration-committee", rows=[371]),
    ("Wolfsburg", WOB_OLD_COMMITTEE): body("integration-committee", rows=[372]),
    ("Salzgitter", SZ_COMMITTEE): body("integration-committee", None, "council-committee", rows=[412]),
    ("Wilhelmshaven", WHV_COMMITTEE): body("integration-committee", None, "council-committee", rows=[533]),
    # Delmenhorst, Emden
    ("Delmenhorst", DEL_BEIRAT): body("integrationsbeirat", "appointed-and-council", rows=[492]),
    ("Emden", EMD_RAT): body("integrationsrat", None, "advisory", rows=[518]),
    ("Emden", EMD_COMMITTEE): body("integration-committee", None, "council-committee", rows=[512]),
}
