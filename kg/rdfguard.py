"""Cheap checks that run before Oxigraph's parsers see RDF/XML or JSON-LD.

Measured with pyoxigraph 0.5.13 (see tests/validation/test_safety.py):
- RDF/XML: internal entities are expanded when they are *declared*; ten nested declarations of
  ten references each make the parser ask for 4 GB and abort the whole process. External
  entities are refused by the parser itself, but we refuse them first with a clearer message.
- RDF/XML: 50,000 nested elements take 35 s (quadratic); 200,000 did not finish in 120 s.
- JSON-LD: 10,000 nested objects crash the process (stack overflow); 3,000 take 2.4 s.
- JSON-LD remote and file: contexts are not loaded (no document loader is set), so nothing to do.

So: RDF/XML may declare only plain internal entities (no references inside, no external or
parameter entities) whose total expansion stays under a bound, and element nesting is bounded;
JSON-LD nesting is bounded. Real documents of this project nest less than 30 levels.
"""

from __future__ import annotations

import array
import itertools
import json
import re
import xml.parsers.expat

from kg.errors import ParseError
from kg.i18n import number

MAX_NESTING = 256
MAX_ENTITY_EXPANSION = 1_000_000  # characters that entity references may add, in all


class _Refused(Exception):
    def __init__(self, messages: dict[str, str]) -> None:
        super().__init__(messages["en"])
        self.messages = messages


def check_rdfxml(data: bytes, source: str) -> None:
    """Refuse entity tricks and deep nesting; leave every other judgement to Oxigraph."""
    entities: dict[str, int] = {}
    depth = [0]
    parser = xml.parsers.expat.ParserCreate()
    # Parameter entities could pull in an external DTD; never parse them.
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def entity_decl(name, is_parameter, value, base, system_id, public_id, notation):
        if is_parameter or value is None:
            raise _Refused({
                "en": f"declares the external or parameter entity {name!r}; external entities "
                      "are never loaded. Put the text into the document itself.",
                "de": f"deklariert die externe oder Parameter-Entität {name!r}; externe Entitäten "
                      "werden nie geladen. Schreiben Sie den Text in das Dokument selbst."})
        if "&" in value:
            raise _Refused({
                "en": f"the entity {name!r} refers to other entities; nested entity "
                      "declarations are refused (they can expand without bound).",
                "de": f"die Entität {name!r} verweist auf andere Entitäten; verschachtelte "
                      "Entitäten werden abgelehnt (sie können sich unbegrenzt ausdehnen)."})
        entities[name] = len(value)

    def start(name, attrs):
        if depth[0] == 0 and entities:
            _check_expansion(data, entities)
        depth[0] += 1
        if depth[0] > MAX_NESTING:
            raise _Refused({
                "en": f"elements nest deeper than {MAX_NESTING} levels; flatten the document.",
                "de": f"Elemente sind tiefer als {MAX_NESTING} Ebenen verschachtelt; machen Sie "
                      "das Dokument flacher."})

    def end(name):
        depth[0] -= 1

    parser.EntityDeclHandler = entity_decl
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.ExternalEntityRefHandler = lambda *args: 0  # never load; makes expat report an error
    try:
        parser.Parse(data, True)
    except _Refused as exc:
        raise ParseError(messages=exc.messages, source=source, line=parser.CurrentLineNumber,
                         column=parser.CurrentColumnNumber + 1) from None
    except xml.parsers.expat.ExpatError as exc:
        why = xml.parsers.expat.ErrorString(exc.code)
        raise ParseError(messages={"en": f"not well-formed XML: {why}",
                                   "de": f"kein wohlgeformtes XML: {why} (Meldung des Parsers)"},
                         source=source, line=exc.lineno, column=exc.offset + 1) from None


def _check_expansion(data: bytes, entities: dict[str, int]) -> None:
    # An upper bound: every reference anywhere in the bytes, times the length of its value.
    text = data.decode("utf-8", errors="replace")
    total = 0
    for name, count in _reference_counts(text).items():
        total += count * entities.get(name, 0)
    if total > MAX_ENTITY_EXPANSION:
        raise _Refused({
            "en": f"entity references would add {number(total, 'en')} characters (limit "
                  f"{number(MAX_ENTITY_EXPANSION, 'en')}); write the text out instead of using "
                  "entities.",
            "de": f"Verweise auf Entitäten würden {number(total, 'de')} Zeichen hinzufügen "
                  f"(Grenze {number(MAX_ENTITY_EXPANSION, 'de')}); schreiben Sie den Text aus, "
                  "statt Entitäten zu verwenden."})


def _reference_counts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for match in re.finditer(r"&([A-Za-z_][\w.\-]*);", text):
        counts[match.group(1)] = counts.get(match.group(1), 0) + 1
    return counts


def check_jsonld(data: bytes, source: str) -> None:
    """Refuse nesting deeper than MAX_NESTING; invalid JSON is left to Oxigraph's message."""
    try:
        document = json.loads(data)
    except RecursionError:
        raise ParseError(messages=_TOO_DEEP_JSON, source=source) from None
    except ValueError:
        return  # Oxigraph reports the syntax error with line and column
    stack = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_NESTING:
            raise ParseError(messages=_TOO_DEEP_JSON, source=source)
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))


_TOO_DEEP_JSON = {
    "en": f"JSON nests deeper than {MAX_NESTING} levels; flatten the document.",
    "de": f"das JSON ist tiefer als {MAX_NESTING} Ebenen verschachtelt; machen Sie das Dokument "
          "flacher.",
}


# Turtle, TriG and N3: Oxigraph parses collections `( … )`, blank-node property lists `[ … ]`
# and N3 formulas `{ … }` recursively; a 50,000-deep collection took about 2 s, 1,000,000 took
# 36 s, in the request thread. One pass over the bytes counts the brackets that are syntax,
# skipping strings, IRIs and comments, where brackets are only text. The patterns are unrolled
# loops of disjoint alternatives, so matching stays linear; all of it runs in C (re.sub,
# translate, accumulate): a Python loop per token took 5 s for 16 MB of short literals.
_Q3 = rb"'''"
_TURTLE_TEXT = re.compile(
    rb'"""[^\\"]*(?:(?:\\.|"{1,2}(?!")|"{1,2}(?="""))[^\\"]*)*"""'
    + rb"|" + _Q3 + rb"[^\\']*(?:(?:\\.|'{1,2}(?!')|'{1,2}(?=" + _Q3 + rb"))[^\\']*)*" + _Q3
    + rb'|"[^\\"\n\r]*(?:\\.[^\\"\n\r]*)*"'
    + rb"|'[^\\'\n\r]*(?:\\.[^\\'\n\r]*)*'"
    + rb"|<[^>\n\r]*>"
    + rb"|#[^\n\r]*", re.DOTALL)
_BRACKETS = b"[({])}"
_NOT_BRACKETS = bytes(b for b in range(256) if b not in _BRACKETS)
# Opening brackets become +1, closing ones -1 (0xFF read as a signed byte).
_STEPS = bytes.maketrans(_BRACKETS, b"\x01\x01\x01\xff\xff\xff")


def check_turtle(data: bytes, source: str) -> None:
    """Refuse brackets nested deeper than MAX_NESTING; every syntax error is left to Oxigraph.

    An unterminated string stays in the text and may pair later quotes wrongly; such a document
    is refused by Oxigraph anyway, at that string, before any nesting behind it is parsed."""
    if sum(data.count(bracket) for bracket in (b"[", b"(", b"{")) <= MAX_NESTING:
        return  # cannot nest deeper, whatever is text; most documents stop here
    syntax = _TURTLE_TEXT.sub(b"", data)
    steps = array.array("b", syntax.translate(_STEPS, _NOT_BRACKETS))
    if steps.count(1) > MAX_NESTING and max(itertools.accumulate(steps)) > MAX_NESTING:
        raise ParseError(messages=_TOO_DEEP_TURTLE, source=source)


_TOO_DEEP_TURTLE = {
    "en": f"collections ( … ), blank-node property lists [ … ] or formulas {{ … }} nest deeper "
          f"than {MAX_NESTING} levels; flatten the document (give nested nodes their own "
          "subjects).",
    "de": f"Listen ( … ), Blank-Node-Eigenschaftslisten [ … ] oder Formeln {{ … }} sind tiefer "
          f"als {MAX_NESTING} Ebenen verschachtelt; machen Sie das Dokument flacher (geben Sie "
          "verschachtelten Knoten eigene Subjekte).",
}
