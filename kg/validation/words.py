"""The engine's terms in a steward's words: classes and properties by their labels, datatypes as
what to write with an example (`xsd:date` → "a date, e.g. 2024-06-30"), and a date that cannot
exist said to be so. The engine's own names stay in the report's details section."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable

from kg.validation.terms import PREFIXES

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SH = "http://www.w3.org/ns/shacl#"

Label = Callable[[str, str], "str | None"]

# datatype -> language -> (what it is, an example)
DATATYPES: dict[str, dict[str, tuple[str, str]]] = {
    XSD + "date": {"de": ("ein Datum", "2024-06-30"), "en": ("a date", "2024-06-30")},
    XSD + "gYearMonth": {"de": ("ein Monat", "2024-06"), "en": ("a month", "2024-06")},
    XSD + "gYear": {"de": ("ein Jahr", "2024"), "en": ("a year", "2024")},
    XSD + "dateTime": {"de": ("Datum und Uhrzeit", "2024-06-30T14:00:00"),
                       "en": ("a date and time", "2024-06-30T14:00:00")},
    XSD + "integer": {"de": ("eine ganze Zahl", "42"), "en": ("a whole number", "42")},
    XSD + "nonNegativeInteger": {"de": ("eine ganze Zahl ab 0", "42"),
                                 "en": ("a whole number from 0", "42")},
    XSD + "positiveInteger": {"de": ("eine ganze Zahl ab 1", "42"),
                              "en": ("a whole number from 1", "42")},
    XSD + "decimal": {"de": ("eine Zahl", "12.5"), "en": ("a number", "12.5")},
    XSD + "double": {"de": ("eine Zahl", "12.5"), "en": ("a number", "12.5")},
    XSD + "boolean": {"de": ("wahr oder falsch", "true"), "en": ("true or false", "true")},
    XSD + "string": {"de": ("ein Text ohne Sprachangabe", '"Musterstadt"'),
                     "en": ("a text without a language tag", '"Musterstadt"')},
    XSD + "anyURI": {"de": ("eine Web-Adresse", "https://example.org/seite"),
                     "en": ("a web address", "https://example.org/page")},
    RDF + "langString": {"de": ("ein Text mit Sprachangabe", '"Integrationsrat"@de'),
                         "en": ("a text with a language tag", '"Integration council"@en')},
}

# Terms the ontology does not label (it reuses them from other vocabularies).
WORDS: dict[str, dict[str, str]] = {
    "http://purl.org/dc/terms/title": {"de": "Titel", "en": "title"},
    "http://purl.org/dc/terms/creator": {"de": "Urheber", "en": "creators"},
    "http://purl.org/dc/terms/description": {"de": "Beschreibung", "en": "description"},
    "http://purl.org/dc/terms/license": {"de": "Lizenz", "en": "licence"},
    "http://purl.org/dc/terms/issued": {"de": "Veröffentlichungsdatum", "en": "date of issue"},
    "http://purl.org/dc/terms/modified": {"de": "Änderungsdatum", "en": "date modified"},
    "http://www.w3.org/2000/01/rdf-schema#label": {"de": "Bezeichnung", "en": "label"},
    "http://www.w3.org/2004/02/skos/core#prefLabel": {"de": "Vorzugsbezeichnung",
                                                      "en": "preferred label"},
    "http://www.w3.org/2004/02/skos/core#scopeNote": {"de": "Anwendungshinweis", "en": "scope note"},
    "http://www.w3.org/2002/07/owl#versionIRI": {"de": "Versions-IRI", "en": "version IRI"},
    "http://www.w3.org/2002/07/owl#versionInfo": {"de": "Versionsangabe", "en": "version info"},
    "http://www.w3.org/2002/07/owl#sameAs": {"de": "Gleichsetzung", "en": "same-as link"},
    "http://purl.org/vocab/vann/preferredNamespacePrefix": {"de": "Präfix", "en": "prefix"},
    "http://purl.org/vocab/vann/preferredNamespaceUri": {"de": "Namensraum", "en": "namespace"},
    SH + "IRI": {"de": "ein Verweis (IRI)", "en": "a reference (IRI)"},
    SH + "Literal": {"de": "ein Wert (Text, Zahl oder Datum)", "en": "a value (text, number or date)"},
    SH + "BlankNode": {"de": "ein eingebetteter Knoten [ … ]", "en": "an embedded node [ … ]"},
    SH + "BlankNodeOrIRI": {"de": "ein Verweis oder eingebetteter Knoten",
                            "en": "a reference or embedded node"},
    SH + "IRIOrLiteral": {"de": "ein Verweis oder ein Wert", "en": "a reference or a value"},
}
_ALL_PREFIXES = {**PREFIXES, "vann": "http://purl.org/vocab/vann/"}


def datatype_words(iri: str, lang: str) -> str | None:
    """'ein Datum, z. B. 2024-06-30' for xsd:date; None for an unknown datatype."""
    found = DATATYPES.get(iri)
    if found is None:
        return None
    noun, example = found.get(lang) or found["en"]
    return f"{noun}, {'z. B.' if lang == 'de' else 'e.g.'} {example}"


def term_words(iri: str, lang: str, label: Label) -> str:
    """A term in words: a datatype with its example, else its label, else its local name spelt
    out ('officialName' → 'official name'); never a prefixed name."""
    words = datatype_words(iri, lang) or label(iri, lang)
    if words:
        return words
    own = WORDS.get(iri)
    if own:
        return own.get(lang) or own["en"]
    local = re.split(r"[#/]", iri.rstrip("/#"))[-1]
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", local).lower() or iri


_PREFIXED = re.compile(r"(?<![\w/:.@-])(%s):([A-Za-z_][\w\-]*)" % "|".join(
    sorted((re.escape(p) for p in _ALL_PREFIXES), key=len, reverse=True)))
_DATATYPE_IRI = re.compile(r"<?(%s|%s)(\w+)>?" % (re.escape(XSD), re.escape(RDF)))


def humanize(text: str, lang: str, label: Label) -> str:
    """Every prefixed name and datatype IRI in `text` replaced by its words."""
    text = _DATATYPE_IRI.sub(lambda m: term_words(m.group(1) + m.group(2), lang, label), text)
    return _PREFIXED.sub(lambda m: term_words(_ALL_PREFIXES[m.group(1)] + m.group(2), lang, label),
                         text)


def has_engine_terms(text: str) -> list[str]:
    """The prefixed names and datatype IRIs `text` contains (what tests forbid in messages)."""
    return [m.group(0) for m in _PREFIXED.finditer(text)] + \
        [m.group(0) for m in _DATATYPE_IRI.finditer(text)]


_DATE = re.compile(r"^(-?\d{4,})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(-?\d{4,})-(\d{2})$")
_MONTHS = {"de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                  "September", "Oktober", "November", "Dezember"],
           "en": list(calendar.month_name)[1:]}


def impossible_date(value: str, datatype: str, lang: str) -> str | None:
    """'Den 30. Februar 2024 gibt es nicht …' for a date (or month) that is written well but
    cannot exist; None for anything else."""
    if datatype in (XSD + "date", XSD + "dateTime"):
        found = _DATE.match(value.split("T")[0])
        if not found:
            return None
        year, month, day = (int(g) for g in found.groups())
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
            return None
        if not 1 <= month <= 12:
            return _no_month(value, month, lang)
        days = calendar.monthrange(year, month)[1]
        name = _MONTHS.get(lang, _MONTHS["en"])[month - 1]
        if lang == "de":
            return (f"Den {day}. {name} {year} gibt es nicht ({name} {year} hat {days} Tage). "
                    "Korrigieren Sie das Datum.")
        return (f"{name} {day}, {year} does not exist ({name} {year} has {days} days). "
                "Correct the date.")
    if datatype == XSD + "gYearMonth":
        found = _MONTH.match(value)
        if found and not 1 <= int(found.group(2)) <= 12:
            return _no_month(value, int(found.group(2)), lang)
    return None


def _no_month(value: str, month: int, lang: str) -> str:
    if lang == "de":
        return (f"{value}: einen Monat {month} gibt es nicht (Monate gehen von 01 bis 12). "
                "Korrigieren Sie das Datum.")
    return f"{value}: there is no month {month} (months run from 01 to 12). Correct the date."
