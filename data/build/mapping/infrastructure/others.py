"""Rows of infrastructure.csv about other municipalities (Düsseldorf, Schwerin, Neuss, Hoyerswerda …)."""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import ORG

import model
from builder import FileGraph
from dates import parse, vague
from mapping.infrastructure.actors import Infra
from mapping.infrastructure.roles import Handler, attested, founded_in, named_members
from mapping.registry import CITY, REG
from sources import SourceRow
from vocab import IKG, de, integer


def duesseldorf_commissioner(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    model.set_title(f, node, "Integrationsbeauftragte")
    attested(f, node, "Miriam Koch", vague("2018", "2018-01-01", "2018-12-31", "2018 genannt"),
             label="Miriam Koch als Integrationsbeauftragte Düsseldorf")


def term_of_five_years(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    f.add(node, IKG.termYears, integer(5))


def schwerin_commissioner(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    f.add(node, IKG.legalBasis, de("§ 9 (1) Hauptsatzung Landeshauptstadt Schwerin"))
    f.remove(node, ORG.postIn, REG.admin(f, CITY["Schwerin"]))
    f.add(node, ORG.postIn, x.nodes[("Schwerin", "Fachstelle Chancengleichheit (Landeshauptstadt Schwerin)")])


ROWS: dict[int, Handler] = {
    112: duesseldorf_commissioner, 113: term_of_five_years, 115: schwerin_commissioner,
    **founded_in({126: "2014"}),
    **named_members({
        118: ("Ozan Erdogan", "chair", vague("2016", "2016-01-01", "2016-12-31", "um 2016"),  # "c. 2016": the year, hedged
              "Ozan Erdogan, Vorsitzender des Integrationsrats Neuss"),
        # the row's actor is the administration of Hoyerswerda (see ACTOR in the package)
        # "Bürgermeister der Stadt Hoyerswerda": a title, not a role the scheme has (not said to be the head)
        162: ("Mirko Pink", None, parse("2025-09"), "Mirko Pink, Bürgermeister der Stadt Hoyerswerda"),
    }),
}
