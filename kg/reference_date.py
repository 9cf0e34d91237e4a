"""The reference date a request asks for (`date=`): a day written as YYYY-MM-DD, today where none
is given. One reader for every page that shows the graph as of a day (comparison, structure
picture), so that they accept and refuse the same dates with the same words."""

from __future__ import annotations

from datetime import date

from kg.errors import BadRequest


def reference_date(text: str | None) -> date:
    """The day asked for, today for None or ""; anything else is a BadRequest naming it."""
    if text is None or text == "":
        return date.today()
    try:
        # exactly YYYY-MM-DD: Python also reads 20240630 and week dates, which no form sends
        if len(text) == 10:
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise BadRequest(messages={
        "en": f"The date {text[:40]!r} is not a day written as YYYY-MM-DD, such as 2024-06-30. Give "
              "the reference date (date=YYYY-MM-DD), or leave date out for today.",
        "de": f"Das Datum {text[:40]!r} ist kein Tag in der Form JJJJ-MM-TT, etwa 2024-06-30. Geben "
              "Sie den Stichtag an (date=JJJJ-MM-TT), oder lassen Sie date weg für heute."},
        detail={"date": text[:40]})
