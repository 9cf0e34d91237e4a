"""Content negotiation: one function that picks a media type from an Accept header (RFC 9110).

Used by /sparql, its Service Description, VoID, the ontology, validation reports and the error
handler, so that every route honours q-values, wildcards and combined headers the same way.
werkzeug parses the header and matches ranges (the most specific range that matches an offer
gives its q, as RFC 9110 section 12.5.1 says); Accept-Language goes through the same parser in
kg.i18n. What is ours is the policy around it, below.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Protocol, TypeVar

from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from kg.errors import NotAcceptable


def accepted(header: str | None) -> MIMEAccept:
    """The media ranges of an Accept header that can match anything we offer.

    Parameters other than q are dropped: none of our offers has any, and werkzeug would let
    `application/sparql-results+xml; charset=utf-8` match no offer at all. Entries without a
    slash are dropped too (werkzeug keeps them, but they can never match): clients send odd
    things, and a header with nothing readable counts as no header. An entry whose q does not
    parse is left out by werkzeug.
    """
    ranges = parse_accept_header(header, MIMEAccept)
    return MIMEAccept([(value.split(";")[0].strip(), q) for value, q in ranges if "/" in value])


def negotiate(accept: str | None, offered: Sequence[str]) -> str:
    """The offered media type the client prefers. At equal q the offer matched by the more
    specific range wins, then the earlier offer (our preference).

    No Accept header (or an empty or unreadable one) accepts anything. Raises NotAcceptable
    (406) listing what is offered when nothing fits.
    """
    if not offered:
        raise ValueError("negotiate() needs at least one offered media type")
    ranges = accepted(accept)
    if not ranges:
        return offered[0]
    best = ranges.best_match([m.lower() for m in offered])
    if best is None:
        listed = ", ".join(offered)
        raise NotAcceptable(messages={
            "en": f"None of the media types in Accept: {accept} is available here. Offered: "
                  f"{listed}.",
            "de": f"Keiner der Medientypen in Accept: {accept} ist hier verfügbar. Angeboten: "
                  f"{listed}.",
        }, detail={"offered": list(offered)})
    return next(m for m in offered if m.lower() == best)


class _Format(Protocol):
    @property
    def media_types(self) -> tuple[str, ...]: ...


F = TypeVar("F", bound=_Format)


def negotiate_format(accept: str | None, formats: Sequence[F],
                     exclude: Collection[str] = ()) -> F:
    """The entry of a format table (kg.rdfio, kg.results) whose media types the client prefers."""
    offered = [m for info in formats for m in info.media_types if m not in exclude]
    chosen = negotiate(accept, offered)
    return next(info for info in formats if chosen in info.media_types)
