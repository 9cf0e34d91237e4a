"""municipalities.csv: AGS, official name, kind, Land, population at 31.12.2021, Wikidata QIDs.

Row k of the file cites its URLs as `municipalities-NNN#k`: #1/#2 are the Destatis table (CSV and
its XLSX title sheet), further URLs corroborate the kind (Wikipedia mirrors) or give the QID.
"""

from __future__ import annotations

import re

from rdflib.namespace import OWL

import model
from builder import Builder, FileGraph
from vocab import IKG, WD, concept

KINDS = {
    "kreisfreie Stadt": "kreisfreie-stadt",
    "Stadtkreis": "stadtkreis",
    "kreisangehörige Stadt": "kreisangehoerige-stadt",
    "Große Kreisstadt (kreisangehörig)": "grosse-kreisstadt",
}
# QIDs whose source pairs them with the AGS (strong), and those matched by name only (weak).
QID_SOURCES = {
    ("Wikidata-Kennung aus einem Bibliotheksdatensatz (lobid), der sie mit dem AGS verbindet.",
     "Wikidata QID from a library-data record (lobid) that pairs it with the AGS."): ("lobid-blog",),
    ("Nur über den Namen zugeordnet (Tabelle Name → Wikidata-Kennung im Code einer Website).",
     "Matched by name only (a name-to-QID table in a website's code)."): ("Localdominate2",),
}
GV_URLS = ("31122021_Auszug_GV.csv", "31122021_Auszug_GV.xlsx")


def short_name(official: str) -> str:
    """'Dresden, Stadt' -> 'Dresden'; 'Hoyerswerda / Wojerecy, Stadt' -> 'Hoyerswerda / Wojerecy'."""
    return official.split(",")[0].strip()


def _cite(row_id: str, urls: tuple[str, ...], needles: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{row_id}#{k}" for k, url in enumerate(urls, 1) if any(n in url for n in needles))


def map_rows(builder: Builder) -> None:
    f = builder.file("municipalities", "Municipalities: AGS, Land, kind, population (31.12.2021), Wikidata links")
    model.datasets(f)
    # batch 3's rows have the same columns and go into the same file: one municipality table for all batches
    for row in (r for r in builder.rows.values()
                if r.file in ("facts/municipalities.csv", "facts/batch3/municipalities.csv")):
        _map_row(f, row)


def _map_row(f: FileGraph, row) -> None:
    fields, ags = row.fields, row.fields["ags"]
    kind_text = fields["kind"]
    match = re.fullmatch(r"(.*?)\s*\(((?:Landkreis|Kreis|Region|Regionalverband|Rhein-Kreis|Ennepe)[^()]*)\)", kind_text)
    base_kind, district_name = (match.group(1), match.group(2)) if match else (kind_text, None)
    gv = _cite(row.row_id, row.urls, GV_URLS)
    with f.row(*gv):
        district = None
        if district_name:
            district = model.municipality(f, ags[:5] + "000", district_name, district_name, "landkreis")
        muni = model.municipality(f, ags, fields["name"], short_name(fields["name"]), KINDS[base_kind], district)
        model.population(f, muni, int(fields["population"]), fields["population_date"], short_name(fields["name"]))
    corroborating = tuple(
        f"{row.row_id}#{k}" for k, url in enumerate(row.urls, 1)
        if not any(n in url for n in GV_URLS) and not any(n in url for ns in QID_SOURCES.values() for n in ns)
    )
    if corroborating:
        with f.row(*corroborating):
            f.add(muni, IKG.municipalityKind, concept("municipality-kind", KINDS[base_kind]))
    if fields["wikidata"]:
        for how, needles in QID_SOURCES.items():
            cited = _cite(row.row_id, row.urls, needles)
            if cited:
                with f.row(*cited):
                    f.add(muni, OWL.sameAs, WD[fields["wikidata"]])
                f.attribution_notes[(muni, OWL.sameAs)] = how
