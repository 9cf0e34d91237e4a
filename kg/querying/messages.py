"""What a user reads when a query is stopped, in German and English (see kg.i18n.text)."""

from __future__ import annotations

from kg.errors import KGError

TIMEOUT = {
    "en": "The query ran longer than {seconds:g} s, this server's limit, and was stopped. Make it "
          "cheaper (narrower patterns, a LIMIT, no unbounded cross products) and send it again.",
    "de": "Die Abfrage lief länger als {seconds:g} s, die Grenze dieses Servers, und wurde "
          "abgebrochen. Machen Sie sie günstiger (engere Muster, ein LIMIT, keine unbegrenzten "
          "Kreuzprodukte) und senden Sie sie erneut.",
}
BUSY = {
    "en": "All {workers} query workers stayed busy with other queries for {seconds:g} s; "
          "try again in a moment.",
    "de": "Alle {workers} Abfrage-Prozesse waren {seconds:g} s lang mit anderen Abfragen "
          "belegt; versuchen Sie es gleich noch einmal.",
}
CRASHED = {
    "en": "The query crashed the query engine ({how}); it was stopped and a fresh worker took "
          "its place, other requests are unaffected. Simplify the query (less nesting, fewer or "
          "smaller parts) and send it again.",
    "de": "Die Abfrage hat die Abfrage-Engine zum Absturz gebracht ({how}); sie wurde beendet "
          "und durch einen neuen Prozess ersetzt, andere Anfragen sind nicht betroffen. "
          "Vereinfachen Sie die Abfrage (weniger Verschachtelung, weniger oder kleinere Teile) "
          "und senden Sie sie erneut.",
}
SHUTTING_DOWN = {
    "en": "The server is shutting down; the query was not answered.",
    "de": "Der Server wird beendet; die Abfrage wurde nicht beantwortet.",
}


def error(cls: type[KGError], messages: dict[str, str], **values: object) -> KGError:
    """The error in both languages (the web layer answers in the one asked for), its values
    in the detail."""
    texts = {lang: text.format(**values) for lang, text in messages.items()}
    return cls(messages=texts, detail=values)
