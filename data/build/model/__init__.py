"""The ontology's patterns as small functions: the only package that knows how a kind of fact is
written in RDF (see ontology/MODELLING.md). The curation modules say *what* a row states.

One module per kind of thing: `temporal` (instants, intervals), `territory` (Länder,
municipalities), `observations` (populations, counts), `administration` (units, council, posts,
tenures), `bodies` (advisory bodies, elections, changes), `plans`, `organisations` (and
memberships), `projects` (sites, funding, events, publications); `nodes` holds what they share.
"""

from model.administration import administration, commissioner_post, council, person, set_title, tenure, unit
from model.bodies import (advisory_body, change_event, composition, election, election_result, founded, planned_body,
                          seat_groups)
from model.nodes import label, local_name, note, part
from model.observations import COUNT_DATASET, POPULATION_DATASET, count, datasets, population
from model.organisations import ORG_CLASSES, membership, organisation
from model.plans import adopted, plan, planned, valid
from model.projects import contribution, cooperation, document, event, funding, project, site, strukturbild
from model.temporal import UNDATED, instant, interval, optional_instant, optional_interval, undated, undated_until
from model.territory import LAENDER, land, municipality, municipality_iri

__all__ = [
    "COUNT_DATASET", "LAENDER", "ORG_CLASSES", "POPULATION_DATASET", "UNDATED",
    "administration", "adopted", "advisory_body", "change_event", "commissioner_post", "composition",
    "contribution", "cooperation", "council", "count", "datasets", "document", "election",
    "election_result", "event", "founded", "funding", "instant", "interval", "label", "land",
    "local_name", "membership", "municipality", "municipality_iri", "note", "optional_instant", "planned_body", "seat_groups",
    "optional_interval", "organisation", "part", "person", "plan", "planned", "population", "project", "set_title",
    "site", "strukturbild", "tenure", "undated", "undated_until", "unit", "valid",
]
