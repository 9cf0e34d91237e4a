"""German and English: choosing the language of a request, and the UI's shared words.

Messages that belong to one feature live beside it as {"de": …, "en": …} pairs; `text()` picks one.
"""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "en"

UI: dict[str, dict[str, str]] = {
    "site_title": {"de": "Wissensgraph kommunale Integrationsinfrastruktur",
                   "en": "Knowledge graph of municipal integration infrastructure"},
    "nav_home": {"de": "Start", "en": "Home"},
    "nav_sparql": {"de": "SPARQL-Abfrage", "en": "SPARQL query"},
    "nav_validate": {"de": "Daten prüfen", "en": "Validate data"},
    "nav_ontology": {"de": "Ontologie", "en": "Ontology"},
    "other_language": {"de": "English", "en": "Deutsch"},
    # The SPARQL query page (kg/web/templates/sparql.html)
    "sparql_title": {"de": "SPARQL-Abfrage", "en": "SPARQL query"},
    "sparql_intro": {"de": "Fragen Sie den veröffentlichten Datenbestand mit SPARQL 1.1 ab. "
                           "Derselbe Endpunkt antwortet Programmen unter",
                     "en": "Query the published dataset with SPARQL 1.1. The same endpoint "
                           "answers programs at"},
    "sparql_query_label": {"de": "Abfrage", "en": "Query"},
    "sparql_examples": {"de": "Beispiele", "en": "Examples"},
    "sparql_run": {"de": "Ausführen", "en": "Run"},
    "sparql_running": {"de": "Läuft …", "en": "Running …"},
    "sparql_results": {"de": "Ergebnis", "en": "Results"},
    "sparql_rows": {"de": "Zeilen", "en": "rows"},
    "sparql_truncated": {"de": "Gekürzt auf", "en": "Cut off at"},
    "sparql_error": {"de": "Fehler", "en": "Error"},
    "sparql_download": {"de": "Herunterladen als", "en": "Download as"},
    "sparql_description": {"de": "Dienstbeschreibung", "en": "Service description"},
    "sparql_void": {"de": "VoID-Beschreibung des Datenbestands", "en": "VoID description of the dataset"},
}


def choose_language(param: str | None, accept_language: str | None) -> str:
    """`lang` parameter first, then the best Accept-Language match, then English."""
    if param and param.lower()[:2] in LANGUAGES:
        return param.lower()[:2]
    best, best_q = DEFAULT_LANGUAGE, -1.0
    for index, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        for p in params.split(";"):
            name, _, value = p.strip().partition("=")
            if name == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        code = tag.strip().lower()[:2]
        # Earlier entries win ties, as listed order expresses preference.
        if code in LANGUAGES and q > 0 and q > best_q:
            best, best_q = code, q
    return best


def text(messages: Mapping[str, str], lang: str) -> str:
    return messages.get(lang) or messages[DEFAULT_LANGUAGE]


def ui(key: str, lang: str) -> str:
    return text(UI[key], lang)
