"""The declarative vocabulary of a batch-3 module: rows, clause dispositions and facts (see the guide
in the package docstring). A fact is a function of the row's context that writes through `model`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, RDF, SKOS, XSD

import re

import model
from builder import FileGraph
from dates import SourceDate, parse, vague
from mapping.infrastructure.actors import Infra
from mapping.infrastructure.roles import attested, holder, member
from mapping.registry import COUNCIL_NAMES, REG
from model.nodes import local_name
from sources import SourceRow
from vocab import IKG, concept, de, integer, slug, thing

When = str | SourceDate | None
NOTE_PREFIX = "Noted from the source row, not checked as a fact: "
INFERRED = "Jahr in Klammern: aus dem Datum der Seite erschlossen, nicht von der Quelle genannt"


@dataclass
class Ctx:
    """What a fact sees: the actors so far, the file, the row's actor node, the row and its city."""
    x: Infra
    f: FileGraph
    node: URIRef
    row: SourceRow
    city: str
    ags: str
    made: list[URIRef] = field(default_factory=list)  # statement nodes (for ikg:conflictsWith)
    classified: bool = False  # a clause says how the body is composed or what it does (see BODIES)
    _keys: int = 0

    @property
    def key(self) -> str:
        """A key unique to the row and call, for the IRIs of the statement nodes it makes."""
        self._keys += 1
        return self.row.row_id if self._keys == 1 else f"{self.row.row_id}-{self._keys}"


Fact = Callable[[Ctx], None]
Check = tuple[str, object]  # ('date', '2014-05') | ('count', 50) | ('person', 'Name') | ('text', literal) | ('name', actor)


def _checked(write: Fact, *checks: Check) -> Fact:
    """The values the fact states, for the accounting test: each must be in the clause and in the graph."""
    write.checks = tuple(ch for ch in checks if ch[1] is not None)  # type: ignore[attr-defined]
    return write


def _date_check(when: When) -> Check:
    d = _d(when)
    return ("date", str(d.value) if d is not None and d.value is not None else None)


@dataclass(frozen=True)
class Keep:
    clause: int
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class Note:
    clause: int
    text: str | None  # None: the clause as written
    about: str | None = None  # another actor the clause is about (same actor type as the row's)


@dataclass(frozen=True)
class Out:
    clause: int
    reason: str


@dataclass(frozen=True)
class Row:
    parts: tuple[Keep | Note | Out, ...]
    actor: str | None = None        # another name for the row's actor (an existing node's name)
    actor_type: str | None = None   # overrides the row's actor_type column
    planned: bool = False           # the row's actor is a body the row says is planned
    conflicts: tuple[int, ...] = () # rows (numbers) whose statement this row's statement conflicts with


@dataclass(frozen=True)
class LeftOut:
    reason: str


@dataclass(frozen=True)
class Body:
    """A body's classification, cited to the rows that state it; None: not stated by any row (not recorded)."""
    kind: str                 # scheme advisory-body-kind (the type its name says)
    composition: str | None   # scheme body-composition
    function: str | None      # scheme body-function
    rows: tuple[int, ...]


# ------------------------------------------------------------------ rows and dispositions

def row(*parts: Keep | Note | Out, actor: str | None = None, actor_type: str | None = None, planned: bool = False,
        conflicts: tuple[int, ...] = ()) -> Row:
    return Row(tuple(parts), actor, actor_type, planned, tuple(conflicts))


def keep(clause: int, *facts: Fact) -> Keep:
    """Clause `clause` (1-based) becomes the given facts."""
    return Keep(clause, facts)


def note(clause: int, text: str | None = None, about: str | None = None) -> Note:
    """Clause `clause` is kept as a marked English note on the actor, or on the actor named `about` (its own
    words unless `text`)."""
    return Note(clause, text, about)


def out(clause: int, reason: str) -> Out:
    """Clause `clause` is left out, with the reason (listed in data/README.md)."""
    return Out(clause, reason)


def one(*facts: Fact, **kwargs) -> Row:
    """A row of one clause that becomes these facts."""
    return row(keep(1, *facts), **kwargs)


def noted(**kwargs) -> Row:
    """A row of one clause kept as a note only."""
    return row(note(1), **kwargs)


def left_out(reason: str) -> LeftOut:
    """The whole row is left out (data/README.md lists it with the reason)."""
    return LeftOut(reason)


def body(kind: str, composition: str | None = None, function: str | None = None, *,
         rows: tuple[int, ...] | list[int]) -> Body:
    """BODIES[(city, name)]: kind (advisory-body-kind), composition (body-composition), function (body-function)
    as the rows `rows` state them; leave out what no row states."""
    return Body(kind, composition, function, tuple(rows))


# ------------------------------------------------------------------ dates

def inferred_year(year: str) -> SourceDate:
    """'(2014)' in a value: a year the fact base inferred from the page's date: year precision and a note."""
    return vague(year, f"{year}-01-01", f"{year}-12-31", INFERRED)


def within(value: str, earliest: str, latest: str, words: str) -> SourceDate:
    """A vague date ('autumn 2009', 'early 2015'): the value at its precision, narrowed bounds, the words."""
    return vague(value, earliest, latest, words)


def _d(when: When) -> SourceDate | None:
    return parse(when) if isinstance(when, str) else when


# "autumn 2009" -> (German note as the provenance check reads it, first and last month-day). Keep in step with
# VAGUE in tests/data/provenance_check.py.
SEASONS = {"early": ("Anfang", "01-01", "04-30"), "spring": ("Frühjahr", "03-01", "06-30"),
           "summer": ("Sommer", "06-01", "09-30"), "autumn": ("Herbst", "09-01", "12-31"),
           "late": ("Ende", "10-01", "12-31"), "end of": ("Ende", "10-01", "12-31")}


def season(words: str) -> SourceDate:
    """'autumn 2009', 'early 2015', 'end of 2023', 'spring 2016', 'summer 2016', 'late 2019': the year with the
    bounds the words give and a German note."""
    m = re.fullmatch(r"(early|spring|summer|autumn|late|end of) (\d{4})", words.strip(), re.I)
    if not m:
        raise ValueError(f"not a season: {words!r}")
    german, first, last = SEASONS[m[1].lower()]
    return vague(m[2], f"{m[2]}-{first}", f"{m[2]}-{last}", f"{german} {m[2]}")


def _council(c: "Ctx", name: str) -> URIRef:
    """The municipal council under the name the row gives it ('Ratsversammlung', 'Bürgerschaft', 'Stadtrat')."""
    shown = f"{name} {c.city}"
    COUNCIL_NAMES.setdefault(c.ags, shown)
    node = REG.council(c.f, c.ags)
    if COUNCIL_NAMES[c.ags] != shown:
        c.f.add(node, SKOS.altLabel, de(shown))
    return node


# ------------------------------------------------------------------ facts

def established(when: When, decided_by: str | None = None, predecessor: str | None = None) -> Fact:
    """The actor's founding at the stated date (decided by the council the row names, e.g. "Ratsversammlung"; as
    successor of `predecessor`, a node of the same actor type): one establishment event per row (conflicts stay
    apart); ikg:founded from the first row that dates it."""
    def write(c: Ctx) -> None:
        by = _council(c, decided_by) if decided_by else None
        before = c.x.actor(c.f, c.city, c.row.fields["actor_type"], predecessor) if predecessor else None
        ev = model.change_event(c.f, f"{local_name(c.node)}-established-{c.key}", "establishment", before, c.node,
                                _d(when), decided_by=by, name="Gründung")
        c.made.append(ev)
        if (c.node, IKG.founded) not in _FOUNDED:
            _FOUNDED.add((c.node, IKG.founded))
            model.founded(c.f, c.node, _d(when))
    return _checked(write, _date_check(when), ("name", predecessor), ("name", decided_by))


_FOUNDED: set = set()


def members_count(total: int | None = None, *groups: tuple[int, str], when: When = None, unit: str = "persons",
                  qualifier: str = "exact") -> Fact:
    """A count of members; with seat groups `(seats, selection-method)` a composition instead (total may be
    None when the row gives only the groups). Undated unless `when`."""
    def write(c: Ctx) -> None:
        if groups:
            # a total the row does not give is the sum of its groups, marked with that derivation rule
            seats = total if total is not None else sum(s for s, _ in groups)
            node = model.composition(c.f, c.node, c.key, seats, [(s, m, m) for s, m in groups], _d(when))
            if total is None:
                c.f.derive(node, IKG.totalSeats, "sum-of-seat-groups")
        else:
            node = model.count(c.f, c.node, c.key, total, unit, _d(when), qualifier, name="Mitgliederzahl")
        c.made.append(node)
    return _checked(write, ("count", total), *(("count", s) for s, _ in groups), _date_check(when))


class Election:
    """An election of the row's body, as a fact of the clause that dates it; `more(...)` gives a fact for another
    clause of the same row that adds to the same election (turnout, seats …), checked against that clause."""

    def __init__(self, when: When, **stated) -> None:
        self.when, self.stated = when, stated
        self.checks = (_date_check(when), *_election_checks(stated))

    def _node(self, c: Ctx) -> URIRef:
        return thing("election", f"{local_name(c.node)}-{c.row.row_id}-{_d(self.when).value}")

    def __call__(self, c: Ctx) -> None:
        node = self._node(c)
        if (node, RDF.type, IKG.Election) not in c.f.triples:
            d = _d(self.when)
            model.election(c.f, c.node, d, key=f"{c.row.row_id}-{d.value}")
            c.made.append(node)
        _election_values(c.f, node, self.stated)

    def more(self, **stated) -> Fact:
        def write(c: Ctx) -> None:
            if (self._node(c), RDF.type, IKG.Election) not in c.f.triples:
                self(c)
            _election_values(c.f, self._node(c), stated)
        return _checked(write, *_election_checks(stated))


def _election_checks(stated: dict) -> tuple[Check, ...]:
    return tuple(("decimal" if k == "turnout" else "count", v) for k, v in stated.items() if k != "mode")


def _election_values(f: FileGraph, node: URIRef, stated: dict) -> None:
    props = {"eligible": IKG.eligibleVoters, "candidates": IKG.candidateCount, "seats": IKG.seatsToFill}
    for k, v in stated.items():
        if k == "turnout":
            f.add(node, IKG.turnoutPercent, Literal(v, datatype=XSD.decimal))
        elif k == "mode":
            f.add(node, IKG.votingMode, concept("voting-mode", v))
        else:
            f.add(node, props[k], integer(v))


def election(when: When, *, eligible: int | None = None, turnout: str | None = None, seats: int | None = None,
             candidates: int | None = None, mode: str | None = None) -> Election:
    """An election of the row's body at the stated date with what the clause states: eligible voters, turnout
    (per cent, as a string: "20.67"), seats to fill, candidates, voting mode (voting-mode concept)."""
    stated = {k: v for k, v in dict(eligible=eligible, turnout=turnout, seats=seats, candidates=candidates,
                                    mode=mode).items() if v is not None}
    return Election(when, **stated)


def chair(name: str, when: When = None, role: str = "chair") -> Fact:
    """A person named as chair (or `role`: deputy-chair, head, member) of the actor, at the date named."""
    def write(c: Ctx) -> None:
        c.made.append(member(c.f, c.node, name, role, _d(when), label=f"{name} ({role})"))
    return _checked(write, ("person", name), _date_check(when))


def head(name: str, when: When = None) -> Fact:
    """A person named as head of the actor (a unit), at the date named."""
    return chair(name, when, role="head")


def office_holder(name: str, when: When = None, title: str | None = None) -> Fact:
    """A person holding the actor (a post) as the row names them: at `when` (a reference time), or undated."""
    def write(c: Ctx) -> None:
        if title:
            model.set_title(c.f, c.node, title)
        label = f"{name} ({title or 'Amtsinhaber*in'})"
        t = attested(c.f, c.node, name, _d(when), label, key=c.key) if when else holder(c.f, c.node, name, label)
        c.made.append(t)
    return _checked(write, ("person", name), _date_check(when), ("text", title))


def adopted(when: When, by: str | None = None) -> Fact:
    """The plan's adoption at the stated date, by the council as the row names it ("Stadtrat"); never for
    'scheduled'/'expected' (note those)."""
    def write(c: Ctx) -> None:
        model.adopted(c.f, c.node, _council(c, by) if by else None, _d(when))
    return _checked(write, _date_check(when), ("name", by))


def constituted(when: When) -> Fact:
    """The body's constituent session at the stated date (an event of kind constituent-session)."""
    def write(c: Ctx) -> None:
        ev = model.event(c.f, f"{local_name(c.node)}-constituted-{c.key}", "Konstituierende Sitzung",
                         "constituent-session", _d(when), model.municipality_iri(c.ags))
        c.made.append(ev)
    return _checked(write, _date_check(when))


def legal_basis(text: str) -> Fact:
    def write(c: Ctx) -> None:
        c.f.add(c.node, IKG.legalBasis, de(text))
    return _checked(write, ("text", text))


def term(years: int) -> Fact:
    def write(c: Ctx) -> None:
        c.f.add(c.node, IKG.termYears, integer(years))
    return _checked(write, ("count", years))


def title(text: str) -> Fact:
    """The post's official title as the row states it."""
    return _checked(lambda c: model.set_title(c.f, c.node, text), ("text", text))


def valid(start: When, end: When = None) -> Fact:
    """The plan's period of validity as its title or the row states it."""
    return _checked(lambda c: model.valid(c.f, c.node, _d(start), _d(end)), _date_check(start), _date_check(end))


NO_DATE = "Datum des Wechsels nicht angegeben; spätestens am Lesetag 25.11.2026"


def _change(kind: str, other: str, other_type: str | None, when: When, before: bool) -> Fact:
    """A change between the actor and `other`; without a stated date an undated instant (no value, the technical
    bounds) with a note, as the shapes want one date per change."""
    def write(c: Ctx) -> None:
        o = c.x.actor(c.f, c.city, other_type or c.row.fields["actor_type"], other)
        orig, res = (o, c.node) if before else (c.node, o)
        d = _d(when) if when else model.undated(note=NO_DATE)
        c.made.append(model.change_event(c.f, f"{local_name(c.node)}-{kind}-{c.key}", kind, orig, res, d,
                                         name={"renaming": "Umbenennung", "establishment": "Gründung"}.get(
                                             kind, "Nachfolge")))
    return _checked(write, ("name", other), _date_check(when))


def predecessor(name: str, when: When = None, kind: str = "reorganisation", actor_type: str | None = None) -> Fact:
    """`name` (a node of the same actor type unless `actor_type`) preceded the actor; the change at `when`."""
    return _change(kind, name, actor_type, when, before=True)


def successor(name: str, when: When = None, kind: str = "reorganisation", actor_type: str | None = None) -> Fact:
    return _change(kind, name, actor_type, when, before=False)


def renamed(old_name: str, when: When = None) -> Fact:
    """The actor was called `old_name` before `when`."""
    return _change("renaming", old_name, None, when, before=True)


def located_in(name: str, actor_type: str = "office") -> Fact:
    """The actor (a unit or post) sits in the unit `name`: org:subOrganizationOf / org:postIn."""
    def write(c: Ctx) -> None:
        within = c.x.actor(c.f, c.city, actor_type, name)
        prop = ORG.postIn if "/id/post/" in str(c.node) else ORG.subOrganizationOf
        c.f.remove(c.node, prop, REG.admin(c.f, c.ags))  # the placement in the whole administration, made by default
        c.f.add(c.node, prop, within)
    return _checked(write, ("name", name))


def dated(when: When) -> Fact:
    """A date the actor (an event or document) has, as stated."""
    return _checked(lambda c: c.f.add(c.node, IKG.date, model.instant(c.f, _d(when))), _date_check(when))


def on(name: str, *facts: Fact, actor_type: str | None = None) -> Fact:
    """The facts are about another actor the clause names (made on first mention), not the row's own."""
    def write(c: Ctx) -> None:
        other = c.x.actor(c.f, c.city, actor_type or c.row.fields["actor_type"], name)
        sub = Ctx(c.x, c.f, other, c.row, c.city, c.ags, c.made, _keys=c._keys + 100)
        for fact in facts:
            fact(sub)
    return _checked(write, ("name", name), *(ch for fact in facts for ch in getattr(fact, "checks", ())))


def rest(text: str) -> Fact:
    """The part of a kept clause the model has no property for, as a marked English note (own words allowed)."""
    def write(c: Ctx) -> None:
        model.note(c.f, c.node, NOTE_PREFIX + text)
    return _checked(write, ("note", text))


def classifies() -> Fact:
    """The clause states the body's composition or function: BODIES gives it, citing this row (checked)."""
    def write(c: Ctx) -> None:
        c.classified = True
    return _checked(write, ("classified", "yes"))


def publication(name: str, when: When, publisher: str | None = None, publisher_type: str = "office") -> Fact:
    """A report or document the clause names (foaf:Document), dated as stated, published by a named actor."""
    def write(c: Ctx) -> None:
        by = c.x.actor(c.f, c.city, publisher_type, publisher) if publisher else None
        c.made.append(model.document(c.f, f"{model.municipality_iri(c.ags).rsplit('/', 1)[-1]}-{slug(name)[:50]}",
                                     name, by, _d(when)))
    return _checked(write, ("name", name), _date_check(when))


# ------------------------------------------------------------------ facts several Länder need


def replaces(name: str) -> Fact:
    """The row's plan replaces (is an update of) the plan `name` (dct:replaces; made on first mention)."""
    def write(c: Ctx) -> None:
        c.f.add(c.node, DCTERMS.replaces, c.x.actor(c.f, c.city, "action_plan", name))
    return _checked(write, ("name", name))


def drafted_by(name: str, actor_type: str = "office") -> Fact:
    """The plan was drawn up by (or under the lead of) the actor the clause names (ikg:draftedBy)."""
    def write(c: Ctx) -> None:
        c.f.add(c.node, IKG.draftedBy, c.x.actor(c.f, c.city, actor_type, name))
    return _checked(write, ("name", name))


def election_node(e, c: Ctx) -> URIRef:
    """The node of election `e`: made now if `e` is this row's election and no fact made it yet; an
    election another row made (an object with `_node` only, not callable) must exist already."""
    node = e._node(c)
    if (node, RDF.type, IKG.Election) not in c.f.triples:
        if not callable(e):
            raise SystemExit(f"{c.row.row_id}: no election {node} was made by the row that dates it")
        e(c)
    return node


def votes_cast(e: Election, n: int) -> Fact:
    """The number of people who voted in election `e` (ikg:votesCast), as the clause gives it."""
    def write(c: Ctx) -> None:
        c.f.add(election_node(e, c), IKG.votesCast, integer(n))
    return _checked(write, ("count", n))


def list_result(e: Election, name: str, share: str | None = None, seats: int | None = None) -> Fact:
    """One list's result in election `e`: its name as the row spells it, vote share (per cent, as a
    string) and seats won, each where the clause gives it."""
    def write(c: Ctx) -> None:
        model.election_result(c.f, election_node(e, c), name, share, seats)
    return _checked(write, ("text", name), ("decimal", share), ("count", seats))


def unit_kind(kind: str, words: str | None = None) -> Fact:
    """The unit is of kind `kind` (scheme unit-kind) as its name or the clause's `words` say, instead of
    the kind the shared table reads from its name."""
    def write(c: Ctx) -> None:
        for fg in c.x.b.files.values():
            for old in [o for (s, p, o) in fg.triples if s == c.node and p == IKG.unitKind]:
                fg.remove(c.node, IKG.unitKind, old)
        c.f.add(c.node, IKG.unitKind, concept("unit-kind", kind))
    return _checked(write, *([("name", words)] if words else []))
