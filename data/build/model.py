"""The ontology's patterns as small functions: the only module that knows how a kind of fact is
written in RDF (see ontology/MODELLING.md). The curation modules say *what* a row states."""

from __future__ import annotations

import hashlib
import re

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import FOAF, ORG, RDF, RDFS, SKOS, XSD, OWL, DCTERMS

from builder import FileGraph
from dates import SourceDate, parse
from vocab import IKG, QB, TIME, CPOV, concept, de, en, integer, slug, thing

# ---------------------------------------------------------------- dates


_COUNTER = [0]


def part() -> BNode:
    """A blank node for a part of a fact (instant, interval, seat group, list result); the
    deterministic label only keeps the build reproducible, the writer inlines the node."""
    _COUNTER[0] += 1
    return BNode(f"p{_COUNTER[0]}")


UNDATED = "undatierte Seite; spätestens am Lesetag 25.11.2026"


def undated(earliest: str = "1990-01-01", note: str = UNDATED) -> SourceDate:
    """A snapshot without a date: no stated value, latest bound = the day the page was read."""
    from dates import span
    return span(earliest, "2026-11-25", note)


def instant(f: FileGraph, when: str | SourceDate | None) -> URIRef | None:
    """A time:Instant at the source's precision with earliest/latest bounds."""
    if when is None:
        return None
    d = parse(when) if isinstance(when, str) else when
    node = part()
    f.add(node, RDF.type, TIME.Instant)
    prop = {XSD.date: TIME.inXSDDate, XSD.gYearMonth: TIME.inXSDgYearMonth, XSD.gYear: TIME.inXSDgYear}
    if d.value is not None:
        f.add(node, prop[d.value.datatype], d.value)
    f.add(node, IKG.earliest, d.earliest)
    f.add(node, IKG.latest, d.latest)
    if d.note:
        f.add(node, IKG.dateNote, de(d.note))
    return node


def interval(
    f: FileGraph, start: str | SourceDate | None, end: str | SourceDate | None = None, note: str | None = None
) -> URIRef:
    """A time:Interval; without an end it is open-ended."""
    b, e = instant(f, start), instant(f, end)
    node = part()
    f.add(node, RDF.type, TIME.Interval)
    f.add(node, TIME.hasBeginning, b)
    f.add(node, TIME.hasEnd, e)
    if note:
        f.add(node, IKG.dateNote, de(note))
    return node


# ---------------------------------------------------------------- labels


def label(f: FileGraph, node: URIRef, text: str, lang: str = "de") -> None:
    f.add(node, RDFS.label, Literal(text, lang=lang))


def note(f: FileGraph, node: URIRef, text: str) -> None:
    """An English note paraphrasing what a source says and the model has no property for."""
    f.add(node, SKOS.note, en(text))


# ---------------------------------------------------------------- territories and administration

LAENDER = {
    "01": "Schleswig-Holstein", "02": "Hamburg", "03": "Niedersachsen", "04": "Bremen",
    "05": "Nordrhein-Westfalen", "06": "Hessen", "07": "Rheinland-Pfalz", "08": "Baden-Württemberg",
    "09": "Bayern", "10": "Saarland", "11": "Berlin", "12": "Brandenburg",
    "13": "Mecklenburg-Vorpommern", "14": "Sachsen", "15": "Sachsen-Anhalt", "16": "Thüringen",
}


def land(f: FileGraph, code: str) -> URIRef:
    node = thing("land", code)
    f.add(node, RDF.type, IKG.Land)
    f.add(node, IKG.landCode, Literal(code))
    f.add(node, IKG.officialName, Literal(LAENDER[code]))
    label(f, node, LAENDER[code])
    return node


def municipality_iri(ags: str) -> URIRef:
    return thing("municipality", ags)


def municipality(
    f: FileGraph, ags: str, official_name: str, name: str, kind: str, district: URIRef | None = None
) -> URIRef:
    node = municipality_iri(ags)
    f.add(node, RDF.type, IKG.Municipality)
    f.add(node, IKG.ags, Literal(ags))
    f.add(node, IKG.officialName, Literal(official_name))
    label(f, node, name)
    f.add(node, IKG.municipalityKind, concept("municipality-kind", kind))
    f.add(node, IKG.inLand, land(f, ags[:2]))
    f.add(node, IKG.inDistrict, district)
    return node


POPULATION_DATASET = thing("dataset", "population")
COUNT_DATASET = thing("dataset", "counts")


def datasets(f: FileGraph) -> None:
    f.add(POPULATION_DATASET, RDF.type, QB.DataSet)
    f.add(POPULATION_DATASET, QB.structure, IKG.populationStructure)
    label(f, POPULATION_DATASET, "Einwohnerzahlen")
    label(f, POPULATION_DATASET, "Populations", "en")
    f.add(COUNT_DATASET, RDF.type, QB.DataSet)
    f.add(COUNT_DATASET, QB.structure, IKG.countStructure)
    label(f, COUNT_DATASET, "Zählungen")
    label(f, COUNT_DATASET, "Counts", "en")


def population(f: FileGraph, muni: URIRef, value: int, when: str, name: str) -> URIRef:
    ags = str(muni).rsplit("/", 1)[-1]
    node = thing("observation", f"population-{ags}-{when}")
    f.add(node, RDF.type, IKG.PopulationObservation)
    f.add(node, QB.dataSet, POPULATION_DATASET)
    label(f, node, f"Einwohnerzahl {name} {when}")
    f.add(node, IKG.refArea, muni)
    f.add(node, IKG.referenceTime, instant(f, when))
    f.add(node, IKG.population, Literal(value, datatype=XSD.integer))
    return node


def administration(f: FileGraph, muni: URIRef, name: str) -> URIRef:
    node = thing("administration", str(muni).rsplit("/", 1)[-1])
    f.add(node, RDF.type, IKG.MunicipalAdministration)
    f.add(node, IKG.municipality, muni)
    label(f, node, name)
    return node


def unit(f: FileGraph, admin: URIRef, key: str, name: str, kind: str | None, within: URIRef | None = None) -> URIRef:
    node = thing("unit", f"{str(admin).rsplit('/', 1)[-1]}-{key}")
    f.add(node, RDF.type, IKG.AdministrativeUnit)
    f.add(node, ORG.unitOf, admin)
    f.add(node, ORG.subOrganizationOf, within or admin)
    f.add(node, IKG.unitKind, concept("unit-kind", kind) if kind else None)
    label(f, node, name)
    return node


def commissioner_post(f: FileGraph, muni: URIRef, key: str, name: str, title: str | None, post_in: URIRef) -> URIRef:
    node = thing("post", f"{str(muni).rsplit('/', 1)[-1]}-{key}")
    f.add(node, RDF.type, IKG.CommissionerPost)
    if title is None:  # the title as the source writes it: the name up to the municipality
        title = re.split(r" der Stadt| der Landeshauptstadt| \(", name)[0]
        _AUTO_TITLES[node] = title
    f.add(node, IKG.municipality, muni)
    f.add(node, IKG.officialTitle, de(title) if title else None)
    f.add(node, ORG.postIn, post_in)
    label(f, node, name)
    return node


_AUTO_TITLES: dict[URIRef, str] = {}


def set_title(f: FileGraph, post: URIRef, title: str) -> None:
    """The post's official title as a row states it, replacing the one read from its name."""
    if post in _AUTO_TITLES:
        f.remove(post, IKG.officialTitle, de(_AUTO_TITLES.pop(post)))
    f.add(post, IKG.officialTitle, de(title))


def person(f: FileGraph, name: str) -> URIRef:
    node = thing("person", slug(name))
    f.add(node, RDF.type, FOAF.Person)
    f.add(node, FOAF.name, Literal(name))
    label(f, node, name)
    return node


def tenure(
    f: FileGraph, post: URIRef, holder: URIRef, start: str | SourceDate | None = None,
    end: str | SourceDate | None = None, period_note: str | None = None, key: str = "", name: str = "",
) -> URIRef:
    node = thing("tenure", f"{str(post).rsplit('/', 1)[-1]}-{key or str(holder).rsplit('/', 1)[-1]}")
    f.add(node, RDF.type, IKG.Tenure)
    label(f, node, name or "Amtszeit")
    f.add(node, IKG.tenureOf, post)
    f.add(node, IKG.holder, holder)
    if start or end or period_note:
        f.add(node, IKG.period, interval(f, start, end, period_note))
    return node


# ---------------------------------------------------------------- advisory bodies


def advisory_body(f: FileGraph, muni: URIRef, key: str, name: str, kind: str) -> URIRef:
    node = thing("body", f"{str(muni).rsplit('/', 1)[-1]}-{key}")
    f.add(node, RDF.type, IKG.AdvisoryBody)
    f.add(node, IKG.advisoryBodyKind, concept("advisory-body-kind", kind))
    f.add(node, IKG.municipality, muni)
    f.add(node, FOAF.name, Literal(name))
    label(f, node, name)
    return node


def founded(f: FileGraph, node: URIRef, when: str | SourceDate) -> None:
    f.add(node, IKG.founded, instant(f, when))


def composition(
    f: FileGraph, body: URIRef, key: str, total: int | None, groups: list[tuple[int, str, str]],
    when: str | SourceDate | None = None,
) -> URIRef:
    """groups: (seats, selection-method concept key, group key)."""
    node = thing("composition", f"{str(body).rsplit('/', 1)[-1]}-{key}")
    f.add(node, RDF.type, IKG.Composition)
    label(f, node, f"Zusammensetzung ({key})")
    f.add(body, IKG.hasComposition, node)
    if total is not None:
        f.add(node, IKG.totalSeats, Literal(total, datatype=XSD.integer))
    f.add(node, IKG.referenceTime, instant(f, when if when else undated()))
    for seats, method, group_key in groups:
        group = part()
        f.add(group, RDF.type, IKG.SeatGroup)
        f.add(node, IKG.hasSeatGroup, group)
        f.add(group, IKG.seats, Literal(seats, datatype=XSD.integer))
        f.add(group, IKG.selectionMethod, concept("selection-method", method))
    return node


def election(
    f: FileGraph, body: URIRef, when: str | SourceDate, *, eligible: int | None = None,
    candidates: int | None = None, seats: int | None = None, mode: str | None = None, key: str = "",
) -> URIRef:
    d = parse(when) if isinstance(when, str) else when
    node = thing("election", f"{str(body).rsplit('/', 1)[-1]}-{key or str(d.value)}")
    f.add(node, RDF.type, IKG.Election)
    f.add(node, IKG.electedBody, body)
    f.add(node, IKG.date, instant(f, d))
    nni = lambda v: Literal(v, datatype=XSD.integer) if v is not None else None  # noqa: E731
    f.add(node, IKG.eligibleVoters, nni(eligible))
    f.add(node, IKG.candidateCount, nni(candidates))
    f.add(node, IKG.seatsToFill, nni(seats))
    f.add(node, IKG.votingMode, concept("voting-mode", mode) if mode else None)
    label(f, node, f"Wahl {d.value if d.value is not None else key}")
    return node


def election_result(f: FileGraph, election_node: URIRef, list_name: str, share: str | None, seats: int) -> URIRef:
    node = part()
    f.add(node, RDF.type, IKG.ElectionResult)
    f.add(election_node, IKG.hasResult, node)
    f.add(node, IKG.listName, Literal(list_name))
    if share is not None:
        f.add(node, IKG.voteSharePercent, Literal(share, datatype=XSD.decimal))
    f.add(node, IKG.seatsWon, Literal(seats, datatype=XSD.integer))
    return node


def change_event(
    f: FileGraph, key: str, kind: str, original: URIRef | None, resulting: URIRef | None,
    when: str | SourceDate | None, decided_by: URIRef | None = None, name: str | None = None,
) -> URIRef:
    from rdflib.namespace import ORG as _ORG

    node = thing("change", key)
    f.add(node, RDF.type, _ORG.ChangeEvent)
    f.add(node, IKG.changeKind, concept("change-kind", kind))
    f.add(node, _ORG.originalOrganization, original)
    f.add(node, _ORG.resultingOrganization, resulting)
    f.add(node, IKG.date, instant(f, when) if when else None)
    f.add(node, IKG.decidedBy, decided_by)
    if name:
        label(f, node, name)
    return node


# ---------------------------------------------------------------- plans


def plan(f: FileGraph, muni: URIRef, key: str, name: str, kind: str) -> URIRef:
    node = thing("plan", f"{str(muni).rsplit('/', 1)[-1]}-{key}")
    f.add(node, RDF.type, IKG.Plan)
    f.add(node, IKG.planKind, concept("plan-kind", kind))
    f.add(node, IKG.municipality, muni)
    label(f, node, name)
    return node


def council(f: FileGraph, muni: URIRef, name: str) -> URIRef:
    """The municipal council (Stadtrat / Rat) as the body that decides."""
    node = thing("organisation", f"council-{str(muni).rsplit('/', 1)[-1]}")
    f.add(node, RDF.type, IKG.PublicBody)
    f.add(node, IKG.municipality, muni)
    f.add(node, FOAF.name, Literal(name))
    label(f, node, name)
    return node


def adopted(f: FileGraph, plan_node: URIRef, by: URIRef | None, when: str | SourceDate | None) -> None:
    f.add(plan_node, IKG.adoptedBy, by)
    f.add(plan_node, IKG.adoptedOn, instant(f, when) if when else None)


def valid(f: FileGraph, plan_node: URIRef, start: str | SourceDate | None, end: str | SourceDate | None = None,
          period_note: str | None = None) -> None:
    f.add(plan_node, IKG.validDuring, interval(f, start, end, period_note))


# ---------------------------------------------------------------- organisations

ORG_CLASSES = {
    "mo": (IKG.MigrantOrganisation,),
    "mo-network": (IKG.MigrantOrganisationNetwork,),
    "network": (IKG.Network,),
    "federal": (IKG.FederalAssociation,),
    "welfare": (IKG.WelfareAssociation,),
    "research": (IKG.ResearchInstitution,),
    "civil": (IKG.CivilSocietyOrganisation,),
    "public": (IKG.PublicBody,),
}


def organisation(f: FileGraph, key: str, name: str, kind: str, seat: URIRef | None = None) -> URIRef:
    node = thing("organisation", key)
    for cls in ORG_CLASSES[kind]:
        f.add(node, RDF.type, cls)
    f.add(node, FOAF.name, Literal(name))
    label(f, node, name)
    f.add(node, IKG.seatIn, seat)
    return node


def membership(
    f: FileGraph, member: URIRef, organisation_node: URIRef, start: str | SourceDate | None,
    role: str | None = None, end: str | SourceDate | None = None, period_note: str | None = None,
    name: str = "Mitgliedschaft", key: str = "",
) -> URIRef:
    key = key or f"{str(member).rsplit('/', 1)[-1]}--{str(organisation_node).rsplit('/', 1)[-1]}"
    node = thing("membership", key)
    f.add(node, RDF.type, ORG.Membership)
    label(f, node, name)
    f.add(node, ORG.member, member)
    f.add(node, ORG.organization, organisation_node)
    if start or end or period_note:
        f.add(node, ORG.memberDuring, interval(f, start, end, period_note))
    f.add(node, ORG.role, concept("membership-role", role) if role else None)
    return node


def count(
    f: FileGraph, entity: URIRef, key: str, value: int, unit: str, when: str | SourceDate | None,
    qualifier: str = "exact", name: str = "Zählung",
) -> URIRef:
    node = thing("observation", f"count-{str(entity).rsplit('/', 1)[-1]}-{key}")
    f.add(node, RDF.type, IKG.CountObservation)
    f.add(node, QB.dataSet, COUNT_DATASET)
    label(f, node, name)
    f.add(node, IKG.countedEntity, entity)
    f.add(node, IKG.countUnit, concept("count-unit", unit))
    f.add(node, IKG["count"], Literal(value, datatype=XSD.integer))
    f.add(node, IKG.countQualifier, concept("count-qualifier", qualifier))
    f.add(node, IKG.referenceTime, instant(f, when if when else undated()))
    return node


# ---------------------------------------------------------------- projects, funding, events


def project(f: FileGraph, key: str, name: str, phase_of: URIRef | None = None, research: bool = False) -> URIRef:
    node = thing("project", key)
    f.add(node, RDF.type, IKG.ResearchProject if research else (IKG.ProjectPhase if phase_of else IKG.Project))
    f.add(node, IKG.phaseOf, phase_of)
    label(f, node, name)
    return node


def site(f: FileGraph, project_node: URIRef, muni: URIRef, key: str, partner: URIRef | None = None,
         start: str | SourceDate | None = None, end: str | SourceDate | None = None,
         period_note: str | None = None, name: str = "Standort") -> URIRef:
    node = thing("participation", f"{str(project_node).rsplit('/', 1)[-1]}-{str(muni).rsplit('/', 1)[-1]}-{key}")
    f.add(node, RDF.type, IKG.SiteParticipation)
    label(f, node, name)
    f.add(node, IKG.inProject, project_node)
    f.add(node, IKG.municipality, muni)
    f.add(node, IKG.localPartner, partner)
    if start or end or period_note:
        f.add(node, IKG.period, interval(f, start, end, period_note))
    return node


def funding(f: FileGraph, key: str, funder: URIRef, kind: str, project_node: URIRef | None = None,
            recipient: URIRef | None = None, start: str | SourceDate | None = None,
            end: str | SourceDate | None = None, period_note: str | None = None,
            annual_eur: str | None = None, name: str = "Förderung") -> URIRef:
    node = thing("funding", key)
    f.add(node, RDF.type, IKG.Funding)
    label(f, node, name)
    f.add(node, IKG.funder, funder)
    f.add(node, IKG.fundingKind, concept("funding-kind", kind))
    f.add(node, IKG.fundedProject, project_node)
    f.add(node, IKG.recipient, recipient)
    if start or end or period_note:
        f.add(node, IKG.period, interval(f, start, end, period_note))
    if annual_eur:
        f.add(node, IKG.annualAmountEUR, Literal(annual_eur, datatype=XSD.decimal))
    return node


def event(f: FileGraph, key: str, name: str, kind: str | None, when: str | SourceDate | None,
          place: URIRef | None = None, venue: str | None = None, project_node: URIRef | None = None) -> URIRef:
    node = thing("event", key)
    f.add(node, RDF.type, IKG.Event)
    f.add(node, IKG.eventKind, concept("event-kind", kind or "conference"))
    f.add(node, IKG.date, instant(f, when) if when else None)
    f.add(node, IKG.place, place)
    f.add(node, IKG.venue, Literal(venue) if venue else None)
    f.add(node, IKG.partOfProject, project_node)
    label(f, node, name)
    return node


def contribution(f: FileGraph, event_node: URIRef, contributor: URIRef, perspective: str | None,
                 on_behalf_of: URIRef | None = None, kind: str | None = None, topic: str | None = None,
                 name: str = "Beitrag") -> URIRef:
    key = f"{str(event_node).rsplit('/', 1)[-1]}-{str(contributor).rsplit('/', 1)[-1]}"
    node = thing("contribution", key)
    f.add(node, RDF.type, IKG.Contribution)
    label(f, node, name)
    f.add(node, IKG.contributionTo, event_node)
    f.add(node, IKG.contributor, contributor)
    f.add(node, IKG.onBehalfOf, on_behalf_of)
    f.add(node, IKG.perspective, concept("perspective", perspective) if perspective else None)
    f.add(node, IKG.contributionKind, concept("contribution-kind", kind) if kind else None)
    f.add(node, IKG.topic, de(topic) if topic else None)
    return node


def cooperation(f: FileGraph, key: str, name: str, form: str, parties: list[URIRef],
                start: str | SourceDate | None = None, end: str | SourceDate | None = None,
                muni: URIRef | None = None) -> URIRef:
    node = thing("cooperation", key)
    f.add(node, RDF.type, IKG.Cooperation)
    f.add(node, IKG.cooperationForm, concept("cooperation-form", form))
    for party in parties:
        f.add(node, IKG.party, party)
    if start or end:
        f.add(node, IKG.period, interval(f, start, end))
    f.add(node, IKG.municipality, muni)
    label(f, node, name)
    return node


def strukturbild(f: FileGraph, key: str, muni: URIRef, name: str, made_for: URIRef | None,
                 made_by: URIRef | None = None, when: str | SourceDate | None = None) -> URIRef:
    node = thing("strukturbild", key)
    f.add(node, RDF.type, IKG.Strukturbild)
    f.add(node, IKG.municipality, muni)
    f.add(node, IKG.madeFor, made_for)
    f.add(node, IKG.madeBy, made_by)
    f.add(node, IKG.date, instant(f, when) if when else None)
    label(f, node, name)
    return node


def document(f: FileGraph, key: str, name: str, publisher: URIRef | None = None,
             when: str | SourceDate | None = None) -> URIRef:
    """A publication (brochure, book, report) as a foaf:Document."""
    node = thing("document", key)
    f.add(node, RDF.type, FOAF.Document)
    f.add(node, DCTERMS.publisher, publisher)
    f.add(node, IKG.date, instant(f, when) if when else None)
    label(f, node, name)
    return node
