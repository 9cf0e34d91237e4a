"""The actors that rows of infrastructure.csv (outside Dresden) name: one node per (city, name).

The actor becomes a node of the class its `actor_type` (or, where the type is too coarse, its
name) points to, created in the row that first mentions it; variant spellings of one name are
folded by `canonical` so that rows about one actor meet on one node.
"""
from __future__ import annotations

import re

from rdflib import URIRef

import model
from builder import Builder, FileGraph
from sources import SourceRow
from mapping.organisations import org_spec
from mapping.registry import CITY, REG, muni
from vocab import IKG, slug

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
              ("Kommission", "integration-commission"), ("Kuratorium", "other-advisory-board"))
PLAN_KINDS = (("Aktionsplan", "action-plan"), ("Masterplan", "master-plan"), ("Leitlinien", "guidelines"),
              ("Leitbild", "mission-statement"), ("programm", "programme"), ("konzept", "integration-concept"))
UNIT_KINDS = (("Koordinierungsstelle", "integration-office"), ("Referat ", "division"),  # names of batch 3
              ("Integrationszentrum", "municipal-integration-centre"), ("Stabsstelle", "staff-unit"),
              ("Dienstleistungszentrum", "service-centre"), ("Fachbereich", "department"),
              ("Amt", "department"), ("Fachstelle", "integration-office"), ("Büro", "integration-office"),
              ("Integrationsplanung", "staff-unit"), ("Koordinierungsgruppe", "coordination-group"),
              ("KIM", "staff-unit"))


def I(n: int) -> str:  # noqa: E743
    """The identifier of infrastructure.csv row n."""
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


def actor_key(name: str) -> str:
    """The key of an actor's IRI: its name as a slug, cut short enough to stay readable."""
    return slug(name)[:60].strip("-")


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

    def planned(self, f: FileGraph, city: str, name: str) -> URIRef:
        """The node for a body a row says is planned (an ikg:PlannedBody), created on first mention."""
        name = canonical(name)
        if (city, name) not in self.nodes:
            self.nodes[(city, name)] = model.planned_body(f, muni(city), actor_key(name), name)
        return self.nodes[(city, name)]

    def actor(self, f: FileGraph, city: str, actor_type: str, name: str) -> URIRef | None:
        """The node for a named actor, created in the current row context on first mention."""
        name = canonical(name)
        if (city, name) in self.nodes:
            return self.nodes[(city, name)]
        node = _new_actor(f, city, actor_type, name)
        if node is not None:
            self.nodes[(city, name)] = node
        return node


def _new_actor(f: FileGraph, city: str, actor_type: str, name: str) -> URIRef | None:  # noqa: C901 - one branch per class
    ags, m = CITY[city], muni(city)
    key = actor_key(name)
    local = f"{ags}-{key}"
    if actor_type == "commissioner" and "Koordinierungsgruppe" not in name:
        return model.commissioner_post(f, m, key, name, None, REG.admin(f, ags))
    if actor_type in ("office", "integration_centre") or "Koordinierungsgruppe" in name or "KIM" in name \
            or "Stabsstelle" in name:
        return model.unit(f, REG.admin(f, ags), key, name, kind_of(UNIT_KINDS, name, "department"))
    if actor_type == "advisory_council" or name.startswith(("Kommission für", "Kuratorium")):
        return model.advisory_body(f, m, key, name, kind_of(BODY_KINDS, name, "integration-commission"))
    if actor_type == "action_plan" or "Aktionsplan" in name or "Leitbild" in name:
        return model.plan(f, m, key, name, kind_of(PLAN_KINDS, name, "integration-concept"))
    if actor_type == "welfare":
        return REG.org(f, local, name, "welfare", city)
    if actor_type == "mo_network":
        return REG.org(f, *org_spec(name))
    if actor_type == "research":
        return model.document(f, local, name, REG.admin(f, ags))
    if "Konferenz" in name or "konferenz" in name or "Woche" in name or "Tage" in name:
        node = model.event(f, local, name, "integration-conference" if "onferenz" in name else None, None, m)
        f.add(node, IKG.period, model.interval(f, None, None, "Veranstaltungsreihe; Zeitraum nicht angegeben"))
        return node
    if "Netzwerk" in name or "Städtekooperation" in name or "Charta" in name:
        return REG.org(f, local, name, "network", city)
    if name.startswith("population") or name.startswith("foreign residents"):
        return None  # statistics the model has no measure for: left out (see the README)
    node = REG.org(f, local, name, "civil", city)
    f.add(node, IKG.activeIn, m)
    return node


def note_row(f: FileGraph, node: URIRef, row: SourceRow) -> None:
    """The row kept as a note on its actor: what it states that the model has no property for."""
    model.note(f, node, f"{row.fields['property']}: {row.fields['value']}")
