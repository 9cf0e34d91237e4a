"""Rows of infrastructure.csv outside Dresden: each row states one property of one named actor.

The actor becomes a node of the class its `actor_type` names (in the row that first mentions it);
structured facts (titles, holders, compositions, elections, adoption, validity, founding) are
written with the ontology's patterns in `STRUCTURED`; what the model has no property for is kept
as an English `skos:note` quoting the row's value, attributed to the row.
"""

from __future__ import annotations

import re

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

import model
from builder import Builder, FileGraph
from mapping.registry import CITY, REG, muni
from vocab import IKG, de, slug, thing

SEED_FILES = {"Mönchengladbach": "moenchengladbach", "Dortmund": "dortmund", "Halle (Saale)": "halle",
              "Nürnberg": "nuernberg"}
FILE_TITLES = {
    "moenchengladbach": "Mönchengladbach: commissioner, integration centre, Integrationsrat, plans, organisations",
    "dortmund": "Dortmund: integration centre, Integrationsrat, Masterplan, organisations",
    "halle": "Halle (Saale): commissioner, Migrationsbeirat, networks, organisations",
    "nuernberg": "Nürnberg: coordination group, Integrationsrat, Leitlinien, organisations",
    "other-municipalities": "Other municipalities: scattered infrastructure facts",
}
BODY_KINDS = (("Integrationsrat", "integrationsrat"), ("Rat für Integration", "integrationsrat"),
              ("Integrations- und Ausländerbeirat", "integrations-und-auslaenderbeirat"),
              ("Migrationsbeirat", "migrationsbeirat"), ("Ausländerbeirat", "auslaenderbeirat"),
              ("Integrationsbeirat", "integrationsbeirat"), ("Forum für Migrant", "migrant-forum"),
              ("Migrant_innenbeirat", "migrationsbeirat"), ("Ausschuss", "integration-committee"),
              ("Kommission", "integration-commission"))
PLAN_KINDS = (("Aktionsplan", "action-plan"), ("Masterplan", "master-plan"), ("Leitlinien", "guidelines"),
              ("Leitbild", "mission-statement"), ("programm", "programme"), ("konzept", "integration-concept"))
UNIT_KINDS = (("Integrationszentrum", "municipal-integration-centre"), ("Stabsstelle", "staff-unit"),
              ("Dienstleistungszentrum", "service-centre"), ("Fachbereich", "department"),
              ("Amt", "department"), ("Fachstelle", "integration-office"), ("Büro", "integration-office"),
              ("Integrationsplanung", "staff-unit"), ("Koordinierungsgruppe", "coordination-group"),
              ("KIM", "staff-unit"))


def I(n: int) -> str:  # noqa: E743
    return f"infrastructure-{n:03d}"


def canonical(name: str) -> str:
    """'Integrationsrat der Stadt Mönchengladbach' and 'Integrationsrat Mönchengladbach' -> one key."""
    name = re.sub(r"\s*\((predecessor|successor of [^)]*)\)", "", name)
    aliases = {"Integrationsrat Mönchengladbach": "Integrationsrat der Stadt Mönchengladbach",
               "Kommunales Integrationszentrum Dortmund (MIA-DO-KI)":
                   "MIA-DO-Kommunales Integrationszentrum Dortmund (MIA-DO-KI)",
               "Integrationskonferenz Nürnberg": "Nürnberger Integrationskonferenz",
               "Inter-Kultur-Büro Nürnberg": "Inter-Kultur-Büro (Amt für Kultur und Freizeit, KUF)",
               "Beauftragte für Migration und Integration (Stadt Halle)":
                   "Beauftragte/r der Stadt Halle (Saale) für Migration und Integration",
               "Beauftragte für Migration und Integration der Stadt Halle (Saale)":
                   "Beauftragte/r der Stadt Halle (Saale) für Migration und Integration",
               "Integrationskonzept (evaluation and Fortschreibung)": "Integrationskonzept",
               "VMDO e.V.": "VMDO e.V. (Verbund der sozial-kulturellen Migrantenvereine in Dortmund)"}
    return aliases.get(name, name)


def kind_of(table, name: str, default: str) -> str:
    for needle, kind in table:
        if needle in name:
            return kind
    return default


class Infra:
    def __init__(self, b: Builder) -> None:
        self.b = b
        self.nodes: dict[tuple[str, str], URIRef] = {}

    def file(self, city: str) -> FileGraph:
        stem = SEED_FILES.get(city, "other-municipalities")
        return self.b.file(stem, FILE_TITLES[stem])

    def actor(self, f: FileGraph, city: str, actor_type: str, name: str) -> URIRef:
        """The node for a named actor, created in the current row context on first mention."""
        name = canonical(name)
        key = (city, name)
        if key in self.nodes:
            return self.nodes[key]
        ags, m = CITY[city], muni(city)
        local = f"{ags}-{slug(name)[:60].strip('-')}"
        if actor_type == "commissioner" and "Koordinierungsgruppe" not in name:
            node = model.commissioner_post(f, m, slug(name)[:60].strip("-"), name, None, REG.admin(f, ags))
        elif actor_type in ("office", "integration_centre") or "Koordinierungsgruppe" in name or "KIM" in name \
                or "Stabsstelle" in name:
            node = model.unit(f, REG.admin(f, ags), slug(name)[:60].strip("-"), name,
                              kind_of(UNIT_KINDS, name, "department"))
        elif actor_type == "advisory_council" or name.startswith(("Kommission für", "Kuratorium")):
            node = model.advisory_body(f, m, slug(name)[:60].strip("-"), name,
                                       kind_of(BODY_KINDS, name, "integration-commission"))
        elif actor_type == "action_plan" or "Aktionsplan" in name or "Leitbild" in name:
            node = model.plan(f, m, slug(name)[:60].strip("-"), name, kind_of(PLAN_KINDS, name, "integration-concept"))
        elif actor_type == "welfare":
            node = REG.org(f, local, name, "welfare", city)
        elif actor_type == "mo_network":
            from mapping.organisations import org_spec
            okey, oname, okind, oseat = org_spec(name)
            node = REG.org(f, okey, oname, okind, oseat)
        elif actor_type == "research":
            node = model.document(f, local, name, REG.admin(f, ags))
        elif "Konferenz" in name or "konferenz" in name or "Woche" in name or "Tage" in name:
            node = model.event(f, local, name, "integration-conference" if "onferenz" in name else None, None, m)
            f.add(node, IKG.period, model.interval(f, None, None, "Veranstaltungsreihe; Zeitraum nicht angegeben"))
        elif "Netzwerk" in name or "Städtekooperation" in name or "Charta" in name:
            node = REG.org(f, local, name, "network", city)
        elif name.startswith("population") or name.startswith("foreign residents"):
            node = None  # statistics the model has no measure for: left out (see the README)
        else:
            node = REG.org(f, local, name, "civil", city)
            f.add(node, IKG.activeIn, m)
        if node is not None:
            self.nodes[key] = node
        return node


def note_row(f: FileGraph, node: URIRef, row) -> None:
    model.note(f, node, f"{row.fields['property']}: {row.fields['value']}")
