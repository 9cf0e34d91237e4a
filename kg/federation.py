"""Outbound federation: which SERVICE endpoints a public query may make this server call.

Oxigraph performs a query's SERVICE calls itself, over HTTP, from the worker. Anyone who can send
a query could so make the server fetch any URL (other hosts, its own loopback, the private
network), so a query is inspected before it runs: every SERVICE endpoint must be on the
operator's allow-list, compared by exact scheme, host and port. `SERVICE ?var` is refused, since
its endpoint is only known while the query runs.

The endpoints are read by a lexer of SPARQL's tokens (comments, strings, IRIs with their `\\u`
escapes, prefixed names with theirs), with BASE and PREFIX resolved. rdflib's parser was tried
first and dropped: with rdflib 7.6 a query with SERVICE fails to parse when any IRI before it
holds a `#` (`?m <…ontology#ags> ?a OPTIONAL { SERVICE … }`), and SERVICE inside SERVICE ends in
a RecursionError. Oxigraph knows SERVICE only as a keyword (it expands no escapes in keywords), so
every call it can make follows a SERVICE token here; nested ones are checked too. Whatever this
cannot read as an endpoint is refused: the check fails closed.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

from kg.errors import BadRequest, KGError

DEFAULT_PORTS = {"http": 80, "https": 443}
# scheme://host[:port] then the end, a path, a query or a fragment; no user info, no backslash:
# what this pattern takes apart is read the same way by every URL parser, Oxigraph's included.
_URL = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://"
                  r"(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~%-]+)"
                  r"(?::(?P<port>[0-9]{1,5}))?(?P<rest>[/?#][^\\]*)?")
FIX = {"en": "Ask the operator of this server to add the endpoint with --service-allow URL "
             "(or KG_SERVICE_ALLOW), or run the SERVICE part at that endpoint yourself.",
       "de": "Bitten Sie die Betreiber dieses Servers, den Endpunkt mit --service-allow URL "
             "(oder KG_SERVICE_ALLOW) zuzulassen, oder führen Sie den SERVICE-Teil selbst an "
             "jenem Endpunkt aus."}


class ServiceFailed(KGError):
    """An allowed SERVICE endpoint was called and did not answer usably."""

    status = 502
    kind = "service-failed"


@dataclass(frozen=True, order=True)
class Origin:
    """Scheme, host and port: what the allow-list compares."""

    scheme: str
    host: str
    port: int

    def __str__(self) -> str:
        return f"{self.scheme}://{self.host}:{self.port}"


def parse_origin(url: str) -> Origin | None:
    """The origin of an http(s) URL in plain form, or None for anything else."""
    match = _URL.fullmatch(url)
    if not match:
        return None
    scheme = match.group("scheme").lower()
    if scheme not in DEFAULT_PORTS:
        return None
    port = int(match.group("port")) if match.group("port") else DEFAULT_PORTS[scheme]
    if not 0 < port < 65536:
        return None
    return Origin(scheme, match.group("host").lower().rstrip("."), port)


def allow_list(urls: Iterable[str]) -> tuple[Origin, ...]:
    """The operator's list, checked at start-up: each entry must be a plain http(s) URL."""
    origins = []
    for url in urls:
        origin = parse_origin(url)
        if origin is None:
            raise BadRequest(
                f"service_allow: {url!r} is no plain http(s) URL; give endpoints as "
                "http://host[:port]/… or https://host[:port]/… (without user name or password).")
        origins.append(origin)
    return tuple(sorted(set(origins)))


def host_kind(host: str) -> str | None:
    """"loopback", "private" (or otherwise not public) or "numeric" (an address not written as
    its canonical dotted quad, e.g. 127.1, 2130706433, 0x7f000001), else None.

    Numeric spellings are read as the C library reads them (inet_aton), as HTTP clients and
    resolvers may; bracketed IPv6, IPv4-mapped IPv6 included, by the ipaddress module."""
    name = host[1:-1] if host.startswith("[") else host
    if name in ("localhost", "localhost.localdomain", "ip6-localhost") or \
            name.endswith(".localhost"):
        return "loopback"
    address: ipaddress.IPv4Address | ipaddress.IPv6Address | None = None
    numeric = False
    try:
        address = ipaddress.ip_address(name.split("%")[0])
    except ValueError:
        try:
            address = ipaddress.IPv4Address(socket.inet_aton(name))
            numeric = True  # a legal address, but in a spelling that hides what it is
        except OSError:
            return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address.is_loopback or address.is_unspecified:
        return "loopback"
    if address.is_private or address.is_link_local or address.is_reserved or \
            address.is_multicast or not address.is_global:
        return "private"
    return "numeric" if numeric else None


@dataclass(frozen=True)
class Endpoint:
    """One SERVICE of a query: its IRI, or the variable in `SERVICE ?var`."""

    iri: str | None
    variable: str | None = None


# The lexer: whitespace, comments, strings, IRIs, variables, prefixed names and words; a `<`
# that does not open an IRI is an operator. Escapes inside IRIs (\u, \U) and prefixed names
# (`\#`, `\/` …) are read as Oxigraph reads them, so a `\#` in a name starts no comment.
_SQ, _DQ = "'", '"'
_TOKEN = re.compile("|".join((
    r"(?P<ws>\s+)",
    r"(?P<comment>#[^\n]*)",
    "(?P<string>" + "|".join((
        _SQ * 3 + r"(?:[^\\]|\\.)*?" + _SQ * 3,
        _DQ * 3 + r"(?:[^\\]|\\.)*?" + _DQ * 3,
        _SQ + r"(?:[^'\\\n]|\\.)*" + _SQ,
        _DQ + r'(?:[^"\\\n]|\\.)*' + _DQ)) + ")",
    r'(?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)',
    r"(?P<var>[?$]\w+)",
    # Names, numbers and prefixed names, a whole run at once: matched piece by piece, each
    # position of `a.a.a…` would scan the rest of the run for a colon (quadratic time).
    r"(?P<bare>(?:[\w.:%-]|\\.)+)",
    r"(?P<other>.)")), re.DOTALL)
_WORD = re.compile(r"[^\W\d]\w*")
_IRI_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_NAME_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def _tokens(sparql: str) -> Iterator[tuple[str, str]]:
    position = 0
    while position < len(sparql):
        match = _TOKEN.match(sparql, position)
        assert match is not None  # `other` takes any one character
        kind, value = match.lastgroup or "other", match.group()
        position += len(value)
        if kind == "bare" and ":" in value.lstrip("."):
            # A prefixed name (as Oxigraph reads it: dots inside, never at its end).
            name = value.lstrip(".")
            while name.endswith(".") and not name.endswith("\\."):
                name = name[:-1]
            yield "pname", name
        elif kind == "bare":
            yield from (("word", word) for word in _WORD.findall(value))
        elif kind not in ("ws", "comment"):
            yield kind, value


def _iri(token: str, base: str) -> str:
    text = _IRI_ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), token[1:-1])
    return urljoin(base, text) if base else text


def endpoints(sparql: str) -> list[Endpoint]:
    """Every SERVICE of the query, nested ones included, with prefixes and BASE resolved."""
    base, prefixes, found = "", {}, []
    tokens = list(_tokens(sparql))
    for index, (kind, value) in enumerate(tokens):
        upper = value.upper() if kind == "word" else ""
        following = tokens[index + 1:index + 3]
        if upper == "BASE" and following[:1] and following[0][0] == "iri":
            base = _iri(following[0][1], base)
        elif upper == "PREFIX" and len(following) == 2 and following[1][0] == "iri":
            prefixes[following[0][1].rstrip(":")] = _iri(following[1][1], base)
        elif upper == "SERVICE":
            if following[:1] and following[0][0] == "word" and following[0][1].upper() == "SILENT":
                following = following[1:]
            found.append(_endpoint(following[0] if following else ("other", ""), base, prefixes))
    return found


def _endpoint(token: tuple[str, str], base: str, prefixes: dict[str, str]) -> Endpoint:
    kind, value = token
    if kind == "var":
        return Endpoint(None, value[1:])
    if kind == "iri":
        return Endpoint(_iri(value, base))
    if kind == "pname":
        prefix, _, local = value.partition(":")
        if prefix in prefixes:
            return Endpoint(prefixes[prefix] + _NAME_ESCAPE.sub(r"\1", local))
        raise _unreadable(f"the prefix {prefix}: is not declared",
                          f"das Präfix {prefix}: ist nicht deklariert")
    raise _unreadable(f"SERVICE is followed by {value or 'nothing'!r}, not by an endpoint",
                      f"auf SERVICE folgt {value or 'nichts'!r}, kein Endpunkt")


def _unreadable(why_en: str, why_de: str) -> BadRequest:
    return BadRequest(messages={
        "en": f"The query calls SERVICE, and its endpoints could not be checked ({why_en}), so "
              "it was not run. Name each endpoint as an IRI or a declared prefixed name.",
        "de": f"Die Abfrage ruft SERVICE auf, und ihre Endpunkte ließen sich nicht prüfen "
              f"({why_de}); sie wurde daher nicht ausgeführt. Nennen Sie jeden Endpunkt als "
              "IRI oder als deklarierten Präfix-Namen."})


def check(sparql: str, allowed: tuple[Origin, ...]) -> list[Origin]:
    """Refuse (400) unless every SERVICE of the query names an allowed endpoint; the endpoints
    it calls. Nothing is fetched here, and nothing is run when this raises."""
    # Oxigraph reads SERVICE only as a keyword, with no escapes: without these letters, no call.
    found = endpoints(sparql) if "service" in sparql.lower() else []
    if not found:
        return []
    if not allowed:
        raise BadRequest(messages={
            "en": "Federated queries (SERVICE) are not enabled on this endpoint: no remote "
                  "endpoint is allowed, and this server fetches nothing from other servers. "
                  + FIX["en"],
            "de": "Föderierte Abfragen (SERVICE) sind an diesem Endpunkt nicht eingeschaltet: "
                  "kein entfernter Endpunkt ist zugelassen, und dieser Server ruft nichts von "
                  "anderen Servern ab. " + FIX["de"]},
            detail={"allowed_endpoints": []})
    called = []
    for endpoint in found:
        if endpoint.iri is None:
            raise BadRequest(messages={
                "en": f"SERVICE ?{endpoint.variable} is refused: an endpoint taken from a "
                      "variable cannot be checked before the query runs. Name the endpoint "
                      "as an IRI, one of: " + _listed(allowed) + ".",
                "de": f"SERVICE ?{endpoint.variable} wird abgelehnt: ein Endpunkt aus einer "
                      "Variablen lässt sich nicht prüfen, bevor die Abfrage läuft. Nennen Sie "
                      "den Endpunkt als IRI, einen von: " + _listed(allowed) + "."},
                detail=_detail(None, allowed))
        origin = parse_origin(endpoint.iri)
        if origin is None or origin not in allowed:
            raise _refusal(endpoint.iri, origin, allowed)
        called.append(origin)
    return called


def _refusal(iri: str, origin: Origin | None, allowed: tuple[Origin, ...]) -> BadRequest:
    kind = None if origin is None else host_kind(origin.host)
    if origin is None:
        why = {"en": "it is no plain http(s) URL", "de": "er ist keine einfache http(s)-URL"}
    elif kind == "loopback":
        why = {"en": "it is this machine (a loopback address) and not on the allow-list",
               "de": "er ist dieser Rechner (eine Loopback-Adresse) und nicht zugelassen"}
    elif kind == "private":
        why = {"en": "it is in a private or reserved address range and not on the allow-list",
               "de": "er liegt in einem privaten oder reservierten Adressbereich und ist nicht "
                     "zugelassen"}
    elif kind == "numeric":
        why = {"en": "its host is an address in an unusual spelling and not on the allow-list",
               "de": "sein Host ist eine Adresse in ungewöhnlicher Schreibweise und nicht "
                     "zugelassen"}
    else:
        why = {"en": f"{origin} is not on the allow-list",
               "de": f"{origin} ist nicht zugelassen"}
    return BadRequest(messages={
        "en": f"SERVICE <{iri}> is refused and nothing was fetched: {why['en']}. Allowed "
              f"endpoints (scheme, host and port): {_listed(allowed)}. " + FIX["en"],
        "de": f"SERVICE <{iri}> wird abgelehnt, und nichts wurde abgerufen: {why['de']}. "
              f"Zugelassene Endpunkte (Schema, Host und Port): {_listed(allowed)}. "
              + FIX["de"]}, detail=_detail(iri, allowed))


def _listed(allowed: tuple[Origin, ...]) -> str:
    return ", ".join(str(o) for o in allowed)


def _detail(iri: str | None, allowed: tuple[Origin, ...]) -> dict:
    return {"refused_endpoint": iri, "allowed_endpoints": [str(o) for o in allowed]}


def service_failed(cause: KGError | Exception, called: list[Origin]) -> ServiceFailed:
    """A 502 for a query whose run failed while it called allowed endpoints."""
    reason = cause.message if isinstance(cause, KGError) else f"{type(cause).__name__}: {cause}"
    reason = reason.removeprefix("The query worker failed: ")[:500]
    names = ", ".join(dict.fromkeys(str(o) for o in called))
    return ServiceFailed(messages={
        "en": f"A SERVICE endpoint of the query ({names}) did not answer usably: {reason}. "
              "Nothing was returned. Try again later, or use SERVICE SILENT to go on without it.",
        "de": f"Ein SERVICE-Endpunkt der Abfrage ({names}) hat nicht brauchbar geantwortet: "
              f"{reason}. Es wurde nichts zurückgegeben. Versuchen Sie es später erneut, oder "
              "verwenden Sie SERVICE SILENT, um ohne ihn fortzufahren."},
        detail={"endpoints": list(dict.fromkeys(str(o) for o in called))})
