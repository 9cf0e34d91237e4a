"""Content negotiation: one function that picks a media type from an Accept header (RFC 9110).

Used by /sparql, its Service Description, VoID and (later) the linked-data pages, so that every
route honours q-values, wildcards and combined headers the same way.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from kg.errors import NotAcceptable


@dataclass(frozen=True)
class MediaRange:
    type: str  # "text", or "*"
    subtype: str  # "turtle", or "*"
    q: float
    order: int  # position in the header, for stable tie-breaking

    @property
    def specificity(self) -> int:
        """Exact types outrank type/* which outranks */* (RFC 9110, section 12.5.1)."""
        return (self.type != "*") + (self.subtype != "*")

    def matches(self, media_type: str) -> bool:
        main, _, sub = media_type.partition("/")
        return self.type in ("*", main) and self.subtype in ("*", sub)


def parse_accept(header: str | None) -> list[MediaRange]:
    """The ranges of an Accept header; malformed parts are skipped, as clients send odd things."""
    ranges: list[MediaRange] = []
    for order, part in enumerate((header or "").split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        main, slash, sub = media.lower().partition("/")
        if not slash or not main or not sub:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value.strip()), 0.0), 1.0)
                except ValueError:
                    q = 0.0  # an unreadable weight is no acceptance
        ranges.append(MediaRange(main, sub, q, order))
    return ranges


def quality(ranges: Sequence[MediaRange], media_type: str) -> float:
    """The q of the most specific range matching `media_type` (0 when none does)."""
    matching = [r for r in ranges if r.matches(media_type)]
    if not matching:
        return 0.0
    best = max(matching, key=lambda r: (r.specificity, -r.order))
    return best.q


def negotiate(accept: str | None, offered: Sequence[str]) -> str:
    """The offered media type the client prefers; ties go to the earlier offer (our preference).

    No Accept header (or an empty one) accepts anything. Raises NotAcceptable (406) listing what
    is offered when nothing fits.
    """
    if not offered:
        raise ValueError("negotiate() needs at least one offered media type")
    ranges = parse_accept(accept)
    if not ranges:
        return offered[0]
    scored = [(quality(ranges, m.lower()), -i, m) for i, m in enumerate(offered)]
    q, _, best = max(scored)
    if q <= 0:
        raise NotAcceptable(
            f"None of the media types in Accept: {accept} is available here. Offered: "
            + ", ".join(offered) + ".",
            detail={"offered": list(offered)},
        )
    return best


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
