"""infrastructure.csv, Dresden (rows 1–33)."""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DCTERMS

import model
from builder import Builder, FileGraph
from dates import span
from mapping.infrastructure.actors import I
from mapping.registry import DD, REG, muni
from vocab import IKG, de, integer, thing


# 20 seats: 11 elected by the migrant residents, 9 sent by the Stadtrat
SEATS = [(11, "elected-by-migrant-residents", "elected"), (9, "appointed-from-council", "council")]


def map_rows(b: Builder) -> None:
    f = b.file("dresden", "Dresden: commissioner, advisory body, plans, cooperation and organisations")
    m = muni(DD)
    admin = _commissioner(f, m)
    _advisory_body(f, m)
    _plans(f, m, admin)
    _cooperation_and_organisations(f, m, admin)


def _commissioner(f: FileGraph, m: URIRef) -> URIRef:
    """Rows 1–9: the post, its predecessor and holders, its report; returns the administration."""
    with f.row(I(1)):
        admin = REG.admin(f, DD)
        post = model.commissioner_post(f, m, "integrationsbeauftragte",
                                       "Integrations- und Ausländerbeauftragte der Landeshauptstadt Dresden",
                                       "Integrations- und Ausländerbeauftragte", admin)
    with f.row(I(2)):
        f.add(post, IKG.legalBasis, de("Art. 3 Abs. 3 GG; Art. 18 Abs. 3 Sächsische Verfassung"))
    with f.row(I(3)):
        winkler = REG.person(f, "Kristina Winkler")
        model.tenure(f, post, winkler, name="Kristina Winkler als Integrations- und Ausländerbeauftragte")
    with f.row(I(4)):
        f.add(thing("tenure", "14612000-integrationsbeauftragte-kristina-winkler"), IKG.holder, winkler)
    with f.row(I(5)):
        old_post = model.commissioner_post(f, m, "auslaenderbeauftragte", "Ausländerbeauftragte der Stadt Dresden",
                                           "Ausländerbeauftragte", admin)
        f.add(old_post, DCTERMS.isReplacedBy, post)
        schieferdecker = REG.person(f, "Marita Schieferdecker-Adolph")
        model.tenure(f, old_post, schieferdecker, "1990-09-10",
                     name="Marita Schieferdecker-Adolph als Ausländerbeauftragte")
        model.note(f, old_post, "First municipal Ausländerbeauftragte in the new Länder (from 10 Sep 1990).")
    with f.row(I(6)):
        model.tenure(f, old_post, schieferdecker, "1990", "2010", key="marita-schieferdecker-adolph-1990-2010",
                     name="Marita Schieferdecker-Adolph, 1990–2010")
        kruse = REG.person(f, "Dr. Uta Kruse")
        model.tenure(f, old_post, kruse, "2010", "2013", name="Dr. Uta Kruse, 2010–2013")
        model.tenure(f, post, winkler, "2013", key="kristina-winkler-from-2013",
                     period_note="danach (nach 2013) Kristina Winkler", name="Kristina Winkler, nach 2013")
    with f.row(I(7)):
        model.event(f, "dresden-30-jahre-auslaenderbeauftragte-2020", "30 Jahre Ausländerbeauftragte Dresden",
                         "anniversary", "2020", m)
    with f.row(I(8)):
        model.note(f, post, "Office address: Dr.-Külz-Ring 19 (Neues Rathaus).")
    with f.row(I(9)):
        report = model.document(f, "dresden-taetigkeitsbericht-2014-2019", 'Tätigkeitsbericht "Aufbrüche und Umbrüche" (2014–2019)',
                                admin, "2020-10")
        f.add(report, DCTERMS.creator, post)
    return admin


def _advisory_body(f: FileGraph, m: URIRef) -> None:
    """Rows 10–19: the Integrations- und Ausländerbeirat, its rules and elections."""
    with f.row(I(10)):
        body = model.advisory_body(f, m, "integrations-und-auslaenderbeirat",
                                   "Integrations- und Ausländerbeirat der Landeshauptstadt Dresden",
                                   "integrations-und-auslaenderbeirat")
        model.composition(f, body, "members", 20, SEATS)
    with f.row(I(11)):
        model.note(f, body, "Chair: a member with migration background; deputy: a member of the Stadtrat.")
    with f.row(I(12)):
        model.note(f, body, "Advises the Stadtrat and the Oberbürgermeister; regulated by a Satzung and a Wahlordnung.")
        f.add(body, IKG.legalBasis, de("Satzung und Wahlordnung"))
    with f.row(I(13)):
        rules = model.composition(f, body, "2019-rules", 20, SEATS)
        f.derive(rules, IKG.totalSeats, "sum-of-seat-groups")  # the row gives 11 elected and 9 named, not 20
        model.note(f, body, "Postal vote only since the Wahlordnung of 24 Jan 2019.")
    with f.row(I(14)):
        f.add(body, IKG.termYears, integer(5))
    with f.row(I(15)):
        model.note(f, body, "Voters: no German citizenship, aged 18+, main residence in Dresden for more than 3 months; 3 votes each.")
    with f.row(I(16)):
        e2019 = model.election(f, body, "2019-09-01", key="2019")
        model.note(f, e2019, "Held in parallel with the Landtag election.")
    with f.row(I(17)):
        model.election(f, body, "2024-09-01", eligible=55000, candidates=28, mode="postal", key="2024")
        model.note(f, thing("election", "14612000-integrations-und-auslaenderbeirat-2024"), "About 55,000 eligible voters.")
    with f.row(I(18)):
        f.add(thing("election", "14612000-integrations-und-auslaenderbeirat-2024"), IKG.date,
              model.instant(f, "2024-09-01"))
    with f.row(I(19)):
        c2019 = model.composition(f, body, "2019", 20, SEATS, "2019-12")
        f.derive(c2019, IKG.totalSeats, "sum-of-seat-groups")  # 11 elected + 9 named (and 8 women + 12 men)
        model.note(f, thing("composition", "14612000-integrations-und-auslaenderbeirat-2019"),
                   "11 foreign members from 8 nations elected 2019; 9 Stadtrat members named Dec 2019; 8 women, 12 men.")


def _plans(f: FileGraph, m: URIRef, admin: URIRef) -> None:
    """Rows 20–28: the Aktionsplan and the integration concepts before it."""
    with f.row(I(20)):
        council = REG.council(f, DD)
        ap = model.plan(f, m, "aktionsplan-integration-2022-2026", "Aktionsplan Integration 2022–2026", "action-plan")
        model.adopted(f, ap, council, "2022-06-23")
    with f.row(I(21)):
        model.valid(f, ap, "2022", "2026")
    with f.row(I(22)):
        f.add(ap, IKG.adoptedBy, council)
    with f.row(I(23)):
        planning = model.plan(f, m, "aktionsplan-integration-2021-2026-entwurf",
                              "Aktionsplan Integration 2021 bis 2026 (Titel im Beteiligungsprozess 2021)", "action-plan")
        # a period named while the plan was being drawn up: planned, not a period in which a plan held
        model.planned(f, planning, "2021", "2026")
        f.add(planning, IKG.conflictsWith, ap)
        model.note(f, planning, 'Title used in the 2021 participation process "Gemeinsam. Verantwortung. Leben."; '
                                "the adopted plan runs 2022–2026.")
    with f.row(I(24)):
        f.add(ap, IKG.draftedBy, admin)
        model.note(f, ap, "Drafted by the Integrations- und Ausländerbeauftragte and team, municipal offices, "
                          "working groups and 3 public discussion events.")
    with f.row(I(25)):
        concept = model.plan(f, m, "integrationskonzept-zwei-teile", "Integrationskonzept Dresden (zwei Teile)",
                             "integration-concept")
        f.add(ap, DCTERMS.isPartOf, concept)
        model.note(f, concept, 'Two parts: "Analyse der kommunalen Handlungsfelder" and "Aktionsplan Integration 2022-2026".')
    with f.row(I(26)):
        k2015 = model.plan(f, m, "konzept-integration-2015-2020",
                           "Konzept zur Integration von Menschen mit Migrationshintergrund 2015–2020", "integration-concept")
        model.adopted(f, k2015, REG.council(f, DD), "2015-05-28")
    with f.row(I(27)):
        model.valid(f, k2015, "2015", "2020")
    with f.row(I(28)):
        first = model.plan(f, m, "integrationskonzept-2004", "Integrationskonzept (erstes)", "integration-concept")
        # "updated every five years": this first version was superseded, at the earliest after five years and
        # at the latest by the concept adopted on 2015-05-28 - not open-ended.
        with f.row(I(26)):  # the adoption of the concept 2015-2020 (2015-05-28) ends it at the latest
            model.valid(f, first, "2004", span("2009-01-01", "2015-05-28",
                                               "alle fünf Jahre fortgeschrieben; spätestens durch das Konzept 2015–2020 abgelöst"))
        f.derive(first, IKG.validDuring, "superseded-by-successor")
        model.note(f, first, "First integration concept from 2004; updated every five years.")


def _cooperation_and_organisations(f: FileGraph, m: URIRef, admin: URIRef) -> None:
    """Rows 29–33: the Engagement-Stützpunkte, the Interkulturelle Tage and Dresden's organisations."""
    with f.row(I(29)):
        coop = model.cooperation(f, "dresden-engagement-stuetzpunkte", "Engagement-Stützpunkte für Migrantenvereine",
                                 "engagement-base", [admin], "2020-11-01", muni=m)
        model.note(f, coop, "2 sites (VHS Annenstraße 10, Zentralwerk Riesaer Str. 32), 5 Vereine per site.")
    with f.row(I(30)):
        model.event(f, "interkulturelle-tage-dresden-2017", "27. Interkulturelle Tage Dresden (2017)", None, "2017", m)
    with f.row(I(31)):
        afropa = REG.org(f, "afropa", "Afropa e.V. – Verein für afrikanisch-europäische Verständigung", "mo-network",
                         "Dresden", alt="Afropa e.V.")
        f.add(afropa, IKG.activeIn, m)
        f.add(thing("event", "dresden-arbeitsgespraech-2025-12-11"), IKG.host, afropa)
        model.note(f, afropa, "Described as the Verbund hosting the GLEICH teilhaben Arbeitsgespräch of 11 Dec (2025).")
    with f.row(I(32)):
        weltclub = REG.org(f, "weltclub-dresden", "Weltclub e.V.", "mo-network", "Dresden")
        model.membership(f, weltclub, REG.org(f, "bv-nemo", "Bundesverband Netzwerke von Migrant*innenorganisationen e.V. (BV NeMO)",
                                              "federal", "Dortmund", alt="BV NeMO"),
                         "2019-05-18", role="member", name="Weltclub e.V. im BV NeMO")
    with f.row(I(33)):
        REG.org(f, "auslaenderrat-dresden", "Ausländerrat Dresden e.V.", "civil", "Dresden")
        model.note(f, thing("organisation", "auslaenderrat-dresden"), "Begegnungszentrum Heinrich-Zille-Straße 6.")
