"""Dates as the sources state them: a time:Instant holds a day, a month or a year (or only the
bounds a source allows, earliest and latest) and maybe a note. A page shows the stated precision,
never a day a source did not name, and the note beside it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

TIME = "http://www.w3.org/2006/time#"
IKG = "https://w3id.org/integration-kg/ontology#"
# Most precise first: a node that states a day and a year shows the day.
_PRECISIONS = (TIME + "inXSDDate", TIME + "inXSDDateTimeStamp", TIME + "inXSDgYearMonth",
               TIME + "inXSDgYear")
INSTANT, INTERVAL = TIME + "Instant", TIME + "Interval"
BEGINNING, END = TIME + "hasBeginning", TIME + "hasEnd"

_BETWEEN = {"de": "zwischen {earliest} und {latest}", "en": "between {earliest} and {latest}"}
_FROM = {"de": "ab {earliest}", "en": "from {earliest}"}
_UNTIL = {"de": "bis {latest}", "en": "until {latest}"}
_OPEN = {"de": "offen", "en": "open"}


@dataclass(frozen=True)
class StatedDate:
    text: str  # the date at its stated precision, or its bounds
    note: str | None  # ikg:dateNote, in the language it was written in
    note_lang: str | None


# What a blank node says: property IRI -> its values as (lexical form, language tag or "").
Properties = Mapping[str, Sequence[tuple[str, str]]]


def instant(props: Properties, lang: str) -> StatedDate:
    note = next(iter(props.get(IKG + "dateNote", ())), None)
    for precision in _PRECISIONS:
        if props.get(precision):
            text = props[precision][0][0]
            break
    else:
        earliest = _first(props, IKG + "earliest")
        latest = _first(props, IKG + "latest")
        if earliest and latest:
            text = (earliest if earliest == latest
                    else _BETWEEN[lang].format(earliest=earliest, latest=latest))
        elif earliest:
            text = _FROM[lang].format(earliest=earliest)
        elif latest:
            text = _UNTIL[lang].format(latest=latest)
        else:
            text = ""
    return StatedDate(text, note[0] if note else None, (note[1] or None) if note else None)


def interval(beginning: StatedDate | None, end: StatedDate | None, lang: str) -> StatedDate:
    """`begin – end`; a missing end is an open one, as the data leave it."""
    notes = [d.note for d in (beginning, end) if d is not None and d.note]
    langs = [d.note_lang for d in (beginning, end) if d is not None and d.note]
    text = f"{beginning.text if beginning else '…'} – {end.text if end else _OPEN[lang]}"
    return StatedDate(text, "; ".join(notes) or None, langs[0] if langs else None)


def _first(props: Properties, key: str) -> str | None:
    values = props.get(key)
    return values[0][0] if values else None
