"""Named things that several rows mention: defined (typed and labelled) in the first row that
mentions them, so that the node's own citation is that row and later rows' properties get
property attributions."""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import SKOS

import model
from builder import FileGraph
from vocab import de, slug, thing

DD, MG, DO, HAL, NUE = "14612000", "05116000", "05913000", "15002000", "09564000"
CITY = {
    "Dresden": DD, "Mönchengladbach": MG, "Dortmund": DO, "Halle (Saale)": HAL, "Nürnberg": NUE,
    "Düsseldorf": "05111000", "Schwerin": "13004000", "Kiel": "01002000", "Lübeck": "01003000",
    "Neuss": "05162024", "Saarbrücken": "10041100", "München": "09162000",
    "Freiburg im Breisgau": "08311000", "Köln": "05315000", "Berlin": "11000000",
    "Hoyerswerda": "14625240", "Hannover": "03241001", "Stuttgart": "08111000", "Hildesheim": "03254021",
    "Bochum": "05911000", "Bielefeld": "05711000", "Fulda": "06631009", "Augsburg": "09761000",
    "Witten": "05954036", "Reutlingen": "08415061", "Göttingen": "03159016", "Potsdam": "12054000",
    "Münster": "05515000", "Willich": "05166036", "Braunschweig": "03101000",
}
ADMIN_NAMES = {
    DD: "Landeshauptstadt Dresden (Stadtverwaltung)", MG: "Stadt Mönchengladbach (Stadtverwaltung)",
    DO: "Stadt Dortmund (Stadtverwaltung)", HAL: "Stadt Halle (Saale) (Stadtverwaltung)",
    NUE: "Stadt Nürnberg (Stadtverwaltung)",
}
COUNCIL_NAMES = {DD: "Stadtrat Dresden", MG: "Rat der Stadt Mönchengladbach", DO: "Rat der Stadt Dortmund",
                 HAL: "Stadtrat Halle (Saale)", NUE: "Stadtrat Nürnberg"}


def muni(city_or_ags: str) -> URIRef:
    return model.municipality_iri(CITY.get(city_or_ags, city_or_ags))


class Registry:
    def __init__(self) -> None:
        self.defined: set[URIRef] = set()

    def _once(self, node: URIRef) -> bool:
        if node in self.defined:
            return False
        self.defined.add(node)
        return True

    def admin(self, f: FileGraph, ags: str) -> URIRef:
        node = thing("administration", ags)
        if self._once(node):
            name = next((c for c, a in CITY.items() if a == ags), ags)
            model.administration(f, model.municipality_iri(ags), ADMIN_NAMES.get(ags, f"Stadtverwaltung {name}"))
        return node

    def council(self, f: FileGraph, ags: str) -> URIRef:
        node = thing("organisation", f"council-{ags}")
        if self._once(node):
            model.council(f, model.municipality_iri(ags), COUNCIL_NAMES.get(ags, f"Rat {ags}"))
        return node

    def org(self, f: FileGraph, key: str, name: str, kind: str, seat: str | None = None,
            alt: str | None = None) -> URIRef:
        node = thing("organisation", key)
        if self._once(node):
            model.organisation(f, key, name, kind, muni(seat) if seat else None)
            if alt:
                f.add(node, SKOS.altLabel, de(alt))
        return node

    def person(self, f: FileGraph, name: str) -> URIRef:
        node = thing("person", slug(name))
        if self._once(node):
            model.person(f, name)
        return node

    def once(self, node: URIRef) -> bool:
        return self._once(node)


REG = Registry()
