"""infrastructure.csv rows 34–162 (all but Dresden): structured facts per row, notes otherwise."""

from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import DCTERMS, ORG, RDFS, XSD

import model
from builder import Builder, FileGraph
from dates import parse, span, vague
from mapping.generic import I, Infra, note_row
from mapping.registry import CITY, DO, HAL, MG, NUE, REG, muni
from vocab import IKG, de, thing

LEFT_OUT = {
    57: "Population with migration background (~53,000, 2020 article): the model has no measure for "
        "population by migration background; a figure from a news article, not an official statistic.",
    58: "Population with migration background (88,980 of 270,553, end 2017): no measure for it in the model.",
    89: "Foreign residents of Halle (Saale) 2022–2024: the model has no measure for foreign residents.",
    108: "Nürnberg population 31.12.2024 and share with migration history, from a city page: kept out of "
         "the population observations, which use the one official table (Destatis, 31.12.2021) so that "
         "per-capita figures stay comparable; migration-history shares have no measure in the model.",
    109: "Nürnberg population Dec 2023 (press release), foreign passports and migration background: as row 108.",
}


def _pos(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)


def structured(x: Infra, f: FileGraph, n: int, node, row) -> bool:  # noqa: C901 - a table of rows
    """Write row n's structured facts; return False if the row is kept as a note only."""
    s = STRUCTURED.get(n)
    if s is None:
        return False
    s(x, f, node, row)
    return True


def _holder(f, post, name, start=None, end=None, note=None, label=""):
    p = REG.person(f, name)
    return model.tenure(f, post, p, start, end, note, name=label or name)


def _attested(f, post, name, when, label, key=""):
    """A holder the source names at a date, without saying when the tenure began: the date is the
    tenure's reference time (ikg:referenceTime), not the start of its period."""
    t = model.tenure(f, post, REG.person(f, name), key=key, name=label)
    f.add(t, IKG.referenceTime, model.instant(f, when))
    return t


def _member(f, org_node, name, role, when=None, note=None, label=""):
    """A person the source names in a role at a date: the date is the membership's reference time
    (named then), not the start of its period, which no source gives."""
    p = REG.person(f, name)
    m = model.membership(f, p, org_node, None, role=role, period_note=note, name=label or name)
    if when is not None:
        f.add(m, IKG.referenceTime, model.instant(f, when))
    return m


def mg_34(x, f, node, row):
    ob = model.unit(f, REG.admin(f, MG), "dezernat-oberbuergermeister", "Dezernat des Oberbürgermeisters",
                    "office-of-the-mayor")
    f.add(node, ORG.subOrganizationOf, ob)
    model.note(f, node, "In the Oberbürgermeister's Dezernat since spring 2011, together with the "
                        "Geschäftsstelle of the Integrationsrat.")


def mg_36(x, f, node, row):
    model.set_title(f, node, "Integrationsbeauftragte")
    f.remove(node, ORG.postIn, REG.admin(f, MG))
    f.add(node, ORG.postIn, x.nodes[("Mönchengladbach", "Integrationsplanung der Stadt Mönchengladbach")])


def mg_37(x, f, node, row):
    _holder(f, node, "Marion Blinten", label="Marion Blinten als Integrationsbeauftragte")


def mg_42(x, f, node, row):
    model.founded(f, node, "2004-11-21")
    model.election(f, node, "2004-11-21", key="2004")
    model.note(f, node, "First elected 21 Nov 2004, replacing the Ausländerbeirat; Rat agreed March 2004; "
                        "approval by the NRW Innenministerium May 2004.")


def mg_43(x, f, node, row):
    model.founded(f, node, parse("1986-11"))
    rat = x.nodes[("Mönchengladbach", "Integrationsrat der Stadt Mönchengladbach")]
    model.change_event(f, "05116000-auslaenderbeirat-integrationsrat-2004", "conversion", node, rat, "2004-11-21",
                       name="Ablösung des Ausländerbeirats durch den Integrationsrat Mönchengladbach")
    model.note(f, node, "First elected November 1986; an Arbeitskreis für ausländische Mitbürger existed since June 1973.")


def mg_44(x, f, node, row):
    comp = model.composition(f, node, "2020", 24, [(17, "elected-by-migrant-residents", "elected"),
                                                   (7, "appointed-from-council", "council")], "2020")
    model.note(f, comp, "24 members, 7 of them sent by the Stadtrat; the 17 others are the directly elected "
                        "members (row: directly elected representatives plus members sent by the Stadtrat).")


def mg_45(x, f, node, row):
    f.add(node, IKG.termYears, _pos(5))
    model.election(f, node, "2020-09-13", key="2020")
    model.note(f, node, "Voters aged 16 and over.")


def mg_46(x, f, node, row):
    model.adopted(f, node, REG.council(f, MG), "2012-09")
    model.note(f, node, "Adopted unanimously by the Rat.")


def mg_147(x, f, node, row):
    f.add(node, IKG.endorsedBy, x.nodes[("Mönchengladbach", "Integrationsrat der Stadt Mönchengladbach")])
    model.note(f, node, "The Integrationsrat voted unanimously for the concept in early September 2012, before the Rat.")


def mg_128(x, f, node, row):
    model.founded(f, node, vague("2014", "2014-01-01", "2014-12-31", "etwa 2014 (10-Jahres-Feier im Februar 2024)"))
    model.count(f, node, "staff-opening", 14, "staff", None, name="Beschäftigte des KI bei der Eröffnung")
    model.count(f, node, "staff-2024", 27, "staff", "2024", name="Beschäftigte des KI 2024")


def do_59(x, f, node, row):
    amt = model.unit(f, REG.admin(f, DO), "amt-oberbuergermeister-rat",
                     "Amt für Angelegenheiten des Oberbürgermeisters und des Rates", "office-of-the-mayor")
    f.add(node, ORG.subOrganizationOf, amt)


def do_60(x, f, node, row):
    model.founded(f, node, "2013")
    model.note(f, node, "From 2013: merger of the Migrations- und Integrationsagentur (MIA-DO, founded in the "
                        "2010–2012 period) and the RAA.")


def do_63(x, f, node, row):
    model.note(f, node, "From 2005: participatory Masterplan process; adopted by the Rat (date not stated).")


def do_64(x, f, node, row):
    f.add(node, IKG.adoptedBy, REG.council(f, DO))


def do_66(x, f, node, row):
    model.composition(f, node, "voting-members", 27, [(18, "elected-by-migrant-residents", "elected"),
                                                      (9, "appointed-from-council", "council")])


def do_67(x, f, node, row):
    f.add(node, IKG.termYears, _pos(5))
    model.note(f, node, "One vote per voter, for an individual or a list; term = the Rat's period.")


def do_68(x, f, node, row):
    model.founded(f, node, "2010-02-07")
    model.election(f, node, "2010-02-07", key="2010")
    model.change_event(f, "05913000-integrationsrat-beschluss-2009", "establishment", None, node, "2009-10-29",
                       REG.council(f, DO), name="Ratsbeschluss zur Bildung des Integrationsrats Dortmund")


def do_69(x, f, node, row):
    model.founded(f, node, "1972")
    model.election(f, node, parse("1993-11"), key="1993")
    model.election(f, node, "1995-03-26", key="1995")
    model.note(f, node, "1972: 18 German and 6 foreign members; first direct election Nov 1993; statutory direct "
                        "elections from 26 Mar 1995; 25 members (1999, 2004).")
    model.change_event(f, "05913000-auslaenderbeirat-integrationsrat-2010", "conversion", node,
                       x.nodes[("Dortmund", "Integrationsrat der Stadt Dortmund")], "2010-02-07",
                       name="Ablösung des Ausländerbeirats durch den Integrationsrat Dortmund")


def do_70(x, f, node, row):
    model.election(f, node, "2020-09-13", key="2020")


def do_71(x, f, node, row):
    e = thing("election", "05913000-integrationsrat-der-stadt-dortmund-2020")
    for name, share, seats in (("Internationale SPD-Liste", "29.80", 6), ("Deutsch-Türkische Plattform", "18.33", 4),
                               ("CDU-Liste", "11.55", 2), ("VMDO", "5.79", 1)):
        model.election_result(f, e, name, share, seats)
    for name in ("AfD", "E.A.V.", "Einzelkandidatin", "Train of Hope", "KKG"):
        model.election_result(f, e, name, None, 1)


def do_72(x, f, node, row):
    model.membership(f, REG.admin(f, DO), node, parse("2008-09"), name="Stadt Dortmund, Unterzeichnerin der Charta der Vielfalt")


def do_73(x, f, node, row):
    model.founded(f, node, "2007")


def do_74(x, f, node, row):
    model.founded(f, node, "2008")
    model.membership(f, REG.admin(f, DO), node, None, name="Stadt Dortmund in der Städtekooperation")


def do_76(x, f, node, row):
    model.cooperation(f, "dortmund-vmdo-uebergangseinrichtungen", "VMDO: Übergangseinrichtungen im Auftrag der Stadt",
                      "service-contract", [REG.admin(f, DO), node], None, parse("2024-12"), muni(DO))


def do_129(x, f, node, row):
    model.election(f, node, "2025-09-14", eligible=170000, key="2025")


def do_130(x, f, node, row):
    model.change_event(f, "05913000-integrationsrat-ausschuss-2025", "conversion",
                       x.nodes[("Dortmund", "Integrationsrat der Stadt Dortmund")], node,
                       vague("2025", "2025-01-01", "2025-12-31", "geplant ab der Wahlperiode 2025"),
                       name="Umwandlung des Integrationsrats in den Ausschuss für Chancengleichheit und Integration")
    model.note(f, node, "Planned from the 2025 legislative period: 2/3 elected, 1/3 appointed by the Rat; binding "
                        "part of the Rat's deliberation sequence; right to inspect administrative documents.")


def do_132(x, f, node, row):
    _member(f, node, "Leonid Chraga", "chair", vague("2025", "2025-01-01", "2025-12-31", "Vorsitz laut Artikel von 2025"),
            label="Leonid Chraga, Vorsitzender des Integrationsrats Dortmund")


def do_133(x, f, node, row):
    _member(f, node, "Aysun Tekin", "chair", vague("2020", "2020-01-01", "2020-12-31", "Vorsitz laut Artikel von 2020"),
            label="Aysun Tekin, Vorsitzende des Integrationsrats Dortmund")


def do_142(x, f, node, row):
    model.note(f, node, "Vorlage Drucksache 09364-13 (2013-03-06) lists the Rat's meeting of 2013-06-13 as the "
                        "deciding date; the vote itself is not in the source.")
    f.add(node, DCTERMS.replaces, x.nodes[("Dortmund", "Masterplan Migration/Integration")])


def do_144(x, f, node, row):
    land = REG.org(f, "land-nrw", "Land Nordrhein-Westfalen", "public")
    model.funding(f, "dortmund-ki-land-nrw", land, "statutory-funding", recipient=REG.admin(f, DO),
                  annual_eur="170000", name="Landesförderung für das Kommunale Integrationszentrum Dortmund")
    model.note(f, node, "Land funding of 170,000 EUR per year for existing posts replaced RAA Land funding of "
                        "about 145,000 EUR that ended by 2013-07-31 at the latest.")


def hal_77(x, f, node, row):
    model.set_title(f, node, "Beauftragter der Stadt Halle (Saale) für Migration und Integration")
    _attested(f, node, "Robert Schönrock", vague("2025", "2025-01-01", "2025-12-31", "2025 als Amtsinhaber genannt"),
              label="Robert Schönrock als Beauftragter für Migration und Integration")


def hal_79(x, f, node, row):
    model.set_title(f, node, "Ausländerbeauftragte")
    _holder(f, node, "Petra Schneutzer", label="Petra Schneutzer als Ausländerbeauftragte")


def hal_139(x, f, node, row):
    _attested(f, node, "Petra Schneutzer", vague("2014-09", "2014-09-01", "2014-09-30", "im September 2014 genannt"),
              key="petra-schneutzer-2014", label="Petra Schneutzer als Beauftragte für Migration und Integration (2014)")


def hal_80(x, f, node, row):
    model.founded(f, node, "2015")


def hal_81(x, f, node, row):
    old = model.advisory_body(f, muni(HAL), "auslaenderbeirat", "Ausländerbeirat der Stadt Halle (Saale)", "auslaenderbeirat")
    x.nodes[("Halle (Saale)", "Ausländerbeirat der Stadt Halle (Saale)")] = old
    model.change_event(f, "15002000-auslaenderbeirat-migrationsbeirat-2022", "renaming", old, node, parse("2022-10"),
                       REG.council(f, HAL), name="Umbenennung des Ausländerbeirats in Migrationsbeirat")


def hal_82(x, f, node, row):
    f.add(node, IKG.legalBasis, de("Satzung und Wahlordnung vom 31.05.2023"))
    model.note(f, node, "Wider suffrage, including people with migration history regardless of citizenship.")


def hal_83(x, f, node, row):
    when = vague("2024-12", "2024-12-16", "2024-12-23", "Online-Wahl 16.–23.12.2024")
    model.election(f, node, when, eligible=32000, candidates=29, seats=9, mode="online", key="2024")
    model.composition(f, node, "2024", 9, [(9, "elected-by-migrant-residents", "elected")])
    model.note(f, node, "About 32,000 eligible voters; up to 3 votes each.")


def hal_84(x, f, node, row):
    model.composition(f, node, "members", 9, [])


def hal_86(x, f, node, row):
    model.founded(f, node, "2002")
    model.count(f, node, "organisations-2012", 75, "member-organisations", "2012", name="Organisationen im Netzwerk (2012)")
    model.count(f, node, "persons-2012", 115, "persons", "2012", "approximately", name="Personen im Netzwerk (2012)")


def hal_87(x, f, node, row):
    f.add(node, IKG.date, model.instant(f, "2018-08-10"))


def hal_88(x, f, node, row):
    f.add(node, IKG.date, model.instant(f, "2018"))


def hal_140(x, f, node, row):
    f.add(node, IKG.organiser, x.nodes[("Halle (Saale)", "Netzwerk für Migration und Integration Halle (Saale)")])
    model.note(f, node, row.fields["value"])


def hal_141(x, f, node, row):
    coop = model.cooperation(f, "halle-engagiert-fuer-fluechtlinge", "Koordinierungsstelle 'Engagiert für Flüchtlinge'",
                             "joint-body", [REG.admin(f, HAL), node, thing("organisation", "vemo")], "2015", muni=muni(HAL))
    model.note(f, coop, "Set up by the city with the Freiwilligen-Agentur and the Evangelischer Kirchenkreis; "
                        "cooperates closely with the Verband der Migrantenorganisationen (VeMo).")


def nue_91(x, f, node, row):
    post = model.commissioner_post(f, muni(NUE), "kollektive-integrationsbeauftragte",
                                   "Integrationsbeauftragte der Stadt Nürnberg (kollektiv)",
                                   "kollektive Integrationsbeauftragte", REG.admin(f, NUE))
    model.tenure(f, post, node, name="Koordinierungsgruppe Integration als kollektive Integrationsbeauftragte")
    model.note(f, post, "Integration is 'Chefsache' of the Oberbürgermeister; the group has staff from all Geschäftsbereiche.")


def nue_157(x, f, node, row):
    model.founded(f, node, "2010")
    model.note(f, node, "Set up in 2010 per the English city page; conflicts with the German page saying the group "
                        "presented the first part of the Integrationsprogramm at the end of 2004.")


def nue_158(x, f, node, row):
    model.count(f, node, "staff-2024", 20, "staff", vague("2024", "2024-01-01", "2024-12-31", "etwa 2024 (Stand der Seite)"),
                name="Mitarbeitende in der Koordinierungsgruppe Integration")


def nue_92(x, f, node, row):
    model.founded(f, node, "2002")


def nue_95(x, f, node, row):
    kuf = model.unit(f, REG.admin(f, NUE), "amt-fuer-kultur-und-freizeit", "Amt für Kultur und Freizeit (KUF)", "department")
    f.add(node, ORG.subOrganizationOf, kuf)
    note_row(f, node, row)
    model.cooperation(f, "nuernberg-inter-kultur-buero-moin", "Inter-Kultur-Büro: Unterstützung der Gründung von MOiN e.V. (samo.fa)",
                      "project-partnership", [node, thing("organisation", "moin")], muni=muni(NUE))


def nue_96(x, f, node, row):
    first = model.plan(f, muni(NUE), "leitlinien-2004", "Leitlinien zur Integrationspolitik (2004)", "guidelines")
    f.add(first, IKG.adoptedOn, model.instant(f, "2004"))
    model.adopted(f, node, REG.council(f, NUE), "2018-07-25")
    f.add(node, DCTERMS.replaces, first)
    # one German label: the version adopted in 2018 (rows 155 and 96 name later and earlier versions)
    f.remove(node, RDFS.label, Literal("Leitlinien zur Integrationspolitik der Stadt Nürnberg", lang="de"))
    model.label(f, node, "Leitlinien zur Integrationspolitik der Stadt Nürnberg (Fassung 2018)")


def nue_155(x, f, node, row):
    v2025 = model.plan(f, muni(NUE), "leitlinien-2025", "Leitlinien zur Integrationspolitik der Stadt Nürnberg (Fassung 2025)",
                       "guidelines")
    model.adopted(f, v2025, REG.council(f, NUE), "2025-09-24")
    f.add(v2025, DCTERMS.replaces, node)


def nue_97(x, f, node, row):
    f.add(node, IKG.draftedBy, x.nodes[("Nürnberg", "Koordinierungsgruppe Integration")])
    model.note(f, node, "Implemented by the Koordinierungsgruppe Integration (adoption date not found).")


def nue_98(x, f, node, row):
    model.founded(f, node, "2010")
    aussiedler = model.advisory_body(f, muni(NUE), "aussiedlerbeirat", "Aussiedlerbeirat der Stadt Nürnberg", "aussiedlerbeirat")
    model.founded(f, aussiedler, "1984")
    x.nodes[("Nürnberg", "Aussiedlerbeirat der Stadt Nürnberg")] = aussiedler


def nue_99(x, f, node, row):
    model.founded(f, node, "1973-11-11")  # the row's `established` value: the first election
    model.election(f, node, "1973-11-11", key="1973")
    model.note(f, node, "First election 11 Nov 1973: the first in Bavaria, the second in Germany after Wiesbaden.")
    rat = x.nodes[("Nürnberg", "Rat für Integration und Zuwanderung der Stadt Nürnberg (Integrationsrat)")]
    ch = model.change_event(f, "09564000-fusion-integrationsrat-2010", "merger", node, rat, "2010",
                            name="Zusammenschluss von Ausländerbeirat und Aussiedlerbeirat zum Integrationsrat Nürnberg")
    with f.row(I(98)):
        f.add(ch, ORG.originalOrganization, x.nodes[("Nürnberg", "Aussiedlerbeirat der Stadt Nürnberg")])


def nue_100(x, f, node, row):
    model.composition(f, node, "regular-seats", 30, [(8, "elected-by-migrant-residents", "eu"),
                                                     (9, "elected-by-migrant-residents", "europe-non-eu"),
                                                     (8, "elected-by-migrant-residents", "africa-asia-america-oceania"),
                                                     (5, "elected-by-migrant-residents", "aussiedler")])
    model.note(f, node, "30 regular seats (currently exceptionally 31); groups: EU 8, Europa ohne EU 9, "
                        "Afrika/Asien/Amerika/Ozeanien 8, Aussiedler 5.")


def nue_101(x, f, node, row):
    f.add(node, IKG.termYears, _pos(6))
    model.note(f, node, "Free, equal, secret personal election; voters: adults with migration background.")


def nue_102(x, f, node, row):
    model.election(f, node, "2016-03-13", candidates=81, seats=30, key="2016")


def nue_103(x, f, node, row):
    e = model.election(f, node, "2022-10-09", candidates=78, key="2022")
    model.note(f, e, "First reserved mandates for people who arrived since 2015.")


def other_112(x, f, node, row):
    model.set_title(f, node, "Integrationsbeauftragte")
    _attested(f, node, "Miriam Koch", vague("2018", "2018-01-01", "2018-12-31", "2018 genannt"),
              label="Miriam Koch als Integrationsbeauftragte Düsseldorf")


def other_113(x, f, node, row):
    f.add(node, IKG.termYears, _pos(5))


def other_115(x, f, node, row):
    f.add(node, IKG.legalBasis, de("§ 9 (1) Hauptsatzung Landeshauptstadt Schwerin"))
    f.remove(node, ORG.postIn, REG.admin(f, CITY["Schwerin"]))
    f.add(node, ORG.postIn, x.nodes[("Schwerin", "Fachstelle Chancengleichheit (Landeshauptstadt Schwerin)")])


def other_118(x, f, node, row):
    _member(f, node, "Ozan Erdogan", "chair", vague("2016", "2015-01-01", "2017-12-31", "um 2016"),
            label="Ozan Erdogan, Vorsitzender des Integrationsrats Neuss")


def other_126(x, f, node, row):
    model.founded(f, node, "2014")


def other_162(x, f, node, row):
    _member(f, REG.admin(f, CITY["Hoyerswerda"]), "Mirko Pink", "head", parse("2025-09"),
            label="Mirko Pink, Bürgermeister der Stadt Hoyerswerda")


def mg_150(x, f, node, row):
    _member(f, node, "Jürgen Fischer", "head", parse("2025-11"), label="Jürgen Fischer, Leitung des KI Mönchengladbach")


def mg_151(x, f, node, row):
    m = _member(f, node, "Nina Liebrecht", None, label="Nina Liebrecht, stellvertretende Leiterin des KI Mönchengladbach")
    model.note(f, m, "Deputy head (stellvertretende Leiterin), named at the 10-year celebration.")


def mg_152(x, f, node, row):
    _member(f, node, "Manuela Franken", None, parse("2025-09"), label="Manuela Franken, KIM Mönchengladbach")


def mg_153(x, f, node, row):
    _member(f, node, "Hanife Yildirim", "member", parse("2025-11"), label="Hanife Yildirim, Integrationsrat Mönchengladbach")


def nue_161(x, f, node, row):
    _member(f, node, "Viola Karaalioğlu", "head", parse("2025-09"), label="Viola Karaalioğlu, Leitung des Inter-Kultur-Büros")


STRUCTURED = {
    34: mg_34, 36: mg_36, 37: mg_37, 42: mg_42, 43: mg_43, 44: mg_44, 45: mg_45, 46: mg_46,
    47: lambda x, f, n, r: model.valid(f, n, "2012", "2016"), 147: mg_147, 128: mg_128,
    
    150: mg_150, 151: mg_151, 152: mg_152, 153: mg_153,
    59: do_59, 60: do_60, 63: do_63, 64: do_64, 66: do_66, 67: do_67, 68: do_68, 69: do_69, 70: do_70, 71: do_71,
    72: do_72, 73: do_73, 74: do_74, 76: do_76,
    129: do_129, 130: do_130, 132: do_132, 133: do_133, 142: do_142,
    143: lambda x, f, n, r: model.valid(f, n, "2013", "2014"), 144: do_144,
    77: hal_77, 79: hal_79, 139: hal_139, 80: hal_80, 81: hal_81, 82: hal_82, 83: hal_83, 84: hal_84, 86: hal_86,
    87: hal_87, 88: hal_88, 140: hal_140, 141: hal_141,
    91: nue_91, 157: nue_157, 158: nue_158, 92: nue_92, 95: nue_95, 96: nue_96, 155: nue_155, 97: nue_97,
    98: nue_98, 99: nue_99, 100: nue_100, 101: nue_101, 102: nue_102, 103: nue_103, 161: nue_161,
    112: other_112, 113: other_113, 115: other_115, 118: other_118, 126: other_126, 162: other_162,
}
# Rows whose actor is created under another name than the row's `name` column.
ACTOR = {145: "Masterplan Migration/Integration", 162: None}


def map_rows(b: Builder) -> None:
    x = Infra(b)
    rows = [r for r in b.rows.values() if r.file == "facts/infrastructure.csv" and r.number >= 34]
    # first pass in a fixed order that creates the actors that later rows refer to
    order = sorted(rows, key=lambda r: (r.number not in (35, 43, 59, 69, 98, 99, 114, 96, 81), r.number))
    for row in order:
        n = row.number
        if n in LEFT_OUT:
            b.leave_out(row.row_id, LEFT_OUT[n])
            continue
        city = row.fields["municipality"]
        f = x.file(city)
        with f.row(row.row_id):
            name = ACTOR.get(n, row.fields["name"])
            if n == 162:
                node = REG.admin(f, CITY["Hoyerswerda"])
            elif n == 99:
                node = x.actor(f, city, "advisory_council", row.fields["name"])
                x.actor(f, city, "advisory_council", "Rat für Integration und Zuwanderung der Stadt Nürnberg (Integrationsrat)")
            elif n == 69:
                node = x.actor(f, city, "advisory_council", row.fields["name"])
                x.actor(f, city, "advisory_council", "Integrationsrat der Stadt Dortmund")
            elif n == 43:
                node = x.actor(f, city, "advisory_council", row.fields["name"])
                x.actor(f, city, "advisory_council", "Integrationsrat der Stadt Mönchengladbach")
            else:
                node = x.actor(f, city, row.fields["actor_type"], name)
            if n == 36:
                x.actor(f, city, "office", "Integrationsplanung der Stadt Mönchengladbach")
            if not structured(x, f, n, node, row):
                note_row(f, node, row)
    # rows 142 and 143 name the same Dortmund plan, 142 with an English parenthesis: one German label
    plan = x.nodes[("Dortmund", b.rows["infrastructure-142"].fields["name"])]
    x.file("Dortmund").remove(plan, RDFS.label, Literal(b.rows["infrastructure-142"].fields["name"], lang="de"))
