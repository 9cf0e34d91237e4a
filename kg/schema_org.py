"""A schema.org reading of a thing page, embedded as JSON-LD for search engines: only what the
graph states (name, type, what it belongs to, where it is said), never an inferred fact."""

from __future__ import annotations

from kg import iris
from kg.thing_page import ThingPage

IKG = iris.ONTOLOGY
# The project's classes that have a near schema.org type; every other thing is a Thing.
TYPES = {
    IKG + "Municipality": "AdministrativeArea", IKG + "Land": "AdministrativeArea",
    IKG + "AdvisoryBody": "GovernmentOrganization", IKG + "PublicBody": "GovernmentOrganization",
    IKG + "MunicipalAdministration": "GovernmentOrganization",
    IKG + "AdministrativeUnit": "GovernmentOrganization",
    IKG + "MigrantOrganisation": "Organization", IKG + "MigrantOrganisationNetwork": "Organization",
    IKG + "CivilSocietyOrganisation": "Organization", IKG + "Network": "Organization",
    IKG + "WelfareAssociation": "Organization", IKG + "FederalAssociation": "Organization",
    IKG + "ResearchInstitution": "Organization",
    IKG + "Plan": "CreativeWork", "http://xmlns.com/foaf/0.1/Document": "CreativeWork",
    IKG + "Election": "Event", IKG + "Event": "Event",
    "http://xmlns.com/foaf/0.1/Person": "Person",
    "http://www.w3.org/2004/02/skos/core#Concept": "DefinedTerm",
    "http://www.w3.org/2004/02/skos/core#ConceptScheme": "DefinedTermSet",
    IKG + "CommissionerPost": "Role",
}
DESCRIPTION = ("http://www.w3.org/2004/02/skos/core#definition",
               "http://www.w3.org/2004/02/skos/core#note", "http://purl.org/dc/terms/description")
# The schema.org property that takes the municipality (ikg:municipality) of each type.
AREA = {"GovernmentOrganization": "areaServed", "Organization": "areaServed",
        "CreativeWork": "spatialCoverage", "Event": "location"}
SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"


def json_ld(page: ThingPage, lang: str) -> dict:
    kinds = sorted({TYPES[t.iri] for t in page.types if t.iri in TYPES}) or ["Thing"]
    data: dict = {"@context": "https://schema.org", "@id": page.iri,
                  "@type": kinds[0] if len(kinds) == 1 else kinds, "name": page.label}
    facts = {f.property: f for f in page.facts}
    for prop in DESCRIPTION:
        if prop in facts:
            values = facts[prop].values
            # Notes are written in one language; prefer the page's.
            data["description"] = next((v.text for v in values if v.lang == lang), values[0].text)
            break
    if SAME_AS in facts:
        data["sameAs"] = [v.iri for v in facts[SAME_AS].values if v.iri]
    area = facts.get(IKG + "municipality")
    where = AREA.get(kinds[0])
    if area and where:
        data[where] = [{"@id": v.iri, "name": v.text} for v in area.values if v.iri]
    sources = sorted({s.url for f in page.facts for v in f.values for s in v.sources})
    if sources:
        data["citation"] = sources
    return data
