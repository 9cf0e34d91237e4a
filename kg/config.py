"""Settings: each declared once (name, type, default, help), read from flags, then the
environment, then an optional TOML file, then the default — once, at start-up."""

from __future__ import annotations

import dataclasses
import ipaddress
import os
import re
import tomllib
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import BadRequest
from kg.federation import allow_list
from kg.store import deadline_param


@dataclass(frozen=True)
class Setting:
    name: str
    type: type
    default: Any
    help: str
    # Settings that are secrets are never printed with their value.
    secret: bool = False
    # A list (type tuple): the flag may be given more than once; the environment variable and a
    # TOML string hold the entries separated by spaces or commas, a TOML array one per item.
    multiple: bool = False
    # Checks the converted value at start-up; raises BadRequest saying what is wrong.
    check: Callable[[Any], Any] | None = None

    @property
    def env(self) -> str:
        return "KG_" + self.name.upper()

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")


def trusted_networks(values: tuple[str, ...]) -> tuple:
    """The trusted proxies as ip_network objects; a BadRequest names an entry that is none."""
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value, strict=False))
        except ValueError:
            raise BadRequest(f"trusted_proxies: {value!r} is no IP address or network (give "
                             f"e.g. 127.0.0.1 or 10.0.0.0/8).") from None
    return tuple(networks)


SETTINGS: tuple[Setting, ...] = (
    Setting("store", str, "var/store",
            "Where the data live: a directory for the embedded Oxigraph store, or the URL of a "
            "SPARQL 1.1 endpoint for a remote store."),
    Setting("root", str, ".",
            "The project folder whose ontology/, shapes/ and data/ `kg load` reads."),
    Setting("host", str, "127.0.0.1", "The address `kg serve` listens on."),
    Setting("port", int, 8080, "The port `kg serve` listens on."),
    Setting("base_url", str, "",
            "The public base URL of this deployment (e.g. https://kg.example.org/), used in "
            "links, redirects, the Service Description and VoID. Empty: http://<host>:<port>/ "
            "(the request's Host header is never used)."),
    Setting("query_timeout", float, 30.0,
            "Seconds a public query may run before it is stopped with a 503."),
    Setting("max_query_bytes", int, 100_000, "Largest SPARQL query text accepted, in bytes (413 above)."),
    Setting("max_upload_bytes", int, 20_000_000,
            "Largest upload (validation, submissions, loads through the API), in bytes (413 above)."),
    Setting("result_row_cap", int, 100_000,
            "Most result rows a public query returns; a response header says when it was applied."),
    Setting("query_workers", int, 2, "Worker processes that run public queries."),
    Setting("threads", int, 32,
            "Request threads of the WSGI server. A query waiting for its turn holds one, so "
            "the queue of queries is kept at threads - query_workers - 2 and the rest is "
            "refused with a 503 (busy); 32 leaves 8 clients their share (each up to 3 "
            "queries running or waiting) with threads to spare for /health and pages."),
    Setting("admin_token", str, "",
            "Token for the write API (`Authorization: Bearer …`). Empty: `kg serve` makes one "
            "and leaves it, readable only by its user, beside the store for local `kg` commands.",
            secret=True),
    Setting("tokens_file", str, "",
            "The submitters' tokens (`kg token add`): only their hashes are kept there. Empty: "
            "<store>.tokens.json beside the store."),
    Setting("service_allow", tuple, (),
            "The only endpoints SERVICE in a public query may call, as URLs (scheme, host and "
            "port are compared exactly; give the flag once per endpoint). Empty: federated "
            "queries are refused.", multiple=True, check=allow_list),
    Setting("replica", str, "auto",
            "Where query workers read the published graph: `memory` (a copy of each new "
            "checkpoint, built in the background while the worker still answers from disk; "
            "3–8× faster queries), `disk` (the on-disk checkpoint only), or `auto` (memory up "
            "to replica_max_quads).", check=lambda v: _one_of(v, ("auto", "memory", "disk"))),
    Setting("replica_max_quads", int, 1_000_000,
            "With replica auto: the most quads a checkpoint may hold for workers to copy it "
            "into memory. Measured (queries/ENGINE.md): 1-4 s and 40 MB per worker for the "
            "shipped 85 k quads, 124 s (load 7) and 600 MB for 1.66 M; at a million each worker "
            "holds about 360 MB and rebuilds its copy for 20-75 s after a write, reading the "
            "disk meanwhile."),
    Setting("connection_limit", int, 1000,
            "Most open connections `kg serve` keeps; beyond it new ones wait to be accepted."),
    Setting("idle_timeout", int, 30,
            "Seconds a connection may sit idle between requests before it is closed."),
    Setting("header_timeout", float, 10.0,
            "Seconds a client has to send a request's headers, counted from its first byte; a "
            "slower client is cut off."),
    Setting("request_read_timeout", float, 300.0,
            "Seconds a client has to send a whole request, body included (a 20 MB upload at "
            "100 KB/s takes 200 s); a slower client is cut off."),
    Setting("store_update", str, "",
            "For a remote store: its SPARQL 1.1 Update endpoint. Empty: /update beside the "
            "query endpoint's /query (Oxigraph's layout)."),
    Setting("store_gsp", str, "",
            "For a remote store: its Graph Store Protocol endpoint. Empty: /store beside the "
            "query endpoint's /query (Oxigraph's layout)."),
    Setting("store_timeout_param", str, "",
            "For a remote store: a request parameter that passes each query's deadline on to "
            "the server, so that it stops the work too: `NAME` or `NAME={seconds}` (whole "
            "seconds, rounded up), `NAME={ms}` (milliseconds), or text around one of them, e.g. "
            "`timeout={seconds}s`. Empty: the deadline is kept on our side only. Which server "
            "takes which: README, \"Running on an existing SPARQL server\".",
            check=lambda v: _timeout_param(v)),
    Setting("state_dir", str, "",
            "For a remote store: the local folder for this deployment's own files (dumps, "
            "submissions, tokens). Empty: var/remote/ and the server's host and port."),
    Setting("query_budget", float, 60.0,
            "Seconds of query-worker time each client may use per minute (queries, validations "
            "and submissions together; a client is a remote address); past it 429 with "
            "Retry-After. 0: no budget."),
    Setting("query_min_charge", float, 0.01,
            "Seconds each query or validation costs its client's budget at least, so that floods "
            "of cheap queries spend it too."),
    Setting("client_max_running", int, 2,
            "Most queries of one client that run at once (never every worker: at most "
            "query_workers - 1 when there are several)."),
    Setting("client_max_queued", int, 2,
            "Most queries of one client that wait for a worker; more are refused at once (429)."),
    Setting("trusted_proxies", tuple, (),
            "Addresses (or networks, e.g. 10.0.0.0/8) of reverse proxies whose X-Forwarded-For "
            "header names the client; from any other peer the header is ignored.",
            multiple=True, check=trusted_networks),
    Setting("log_client_addresses", bool, False,
            "Write clients' addresses into the access and query logs. Off: each address is "
            "written as a pseudonym (a keyed hash, its key made anew at each start), which "
            "follows one client within a run without keeping its address, which is personal "
            "data."),
    Setting("metrics", str, "public",
            "Who may read /metrics: `public` (anyone: Prometheus scrapers usually send no token, "
            "and the counts name routes, never clients), `admin` (only with the admin token, "
            "`Authorization: Bearer …`; 401 without it, as the admin routes), or `off` (404).",
            check=lambda v: _one_of(v, ("public", "admin", "off"))),
)

_BY_NAME = {s.name: s for s in SETTINGS}


class _SettingsMethods:
    """Behaviour of the settings object; its fields are generated from SETTINGS below."""

    store: str
    root: str

    @property
    def store_is_remote(self) -> bool:
        return self.store.startswith(("http://", "https://"))

    @property
    def public_base_url(self) -> str:
        """base_url, else the address `kg serve` listens on. Never the request's Host header:
        a client chooses that, and it went into redirects, the Service Description, VoID and
        the query page (a poisoned cache then served another site's links)."""
        if self.base_url:
            return self.base_url.rstrip("/") + "/"
        host = self.host  # type: ignore[attr-defined]
        if host in ("", "0.0.0.0", "::"):
            host = "localhost"  # listening everywhere names no address; set base_url
        elif ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}/"  # type: ignore[attr-defined]

    @property
    def local_store(self) -> str:
        """Where this deployment's own files go beside `<local_store>.…`: the embedded store's
        directory, or for a remote store a local stand-in for it."""
        if not self.store_is_remote:
            return self.store
        if self.state_dir:  # type: ignore[attr-defined]
            return str(Path(self.state_dir) / "store")  # type: ignore[attr-defined]
        parts = urllib.parse.urlsplit(self.store)
        name = re.sub(r"[^A-Za-z0-9.-]+", "-", f"{parts.hostname}-{parts.port or 'default'}")
        return str(Path("var") / "remote" / name / "store")

    @property
    def root_path(self) -> Path:
        return Path(self.root)

    @property
    def tokens_path(self) -> Path:
        return Path(self.tokens_file or self.local_store.rstrip("/") + ".tokens.json")

    def replace(self, **changes: Any) -> "Settings":
        return dataclasses.replace(self, **changes)  # type: ignore[type-var]


# Generated so that each setting is declared exactly once, in SETTINGS.
Settings = dataclasses.make_dataclass(
    "Settings",
    [(s.name, s.type, field(default=s.default, repr=not s.secret)) for s in SETTINGS],
    bases=(_SettingsMethods,),
    frozen=True,
)
Settings.__module__ = __name__  # so that pickling (worker processes) finds it


def _convert(setting: Setting, raw: Any, origin: str) -> Any:
    if setting.multiple:
        return _convert_list(setting, raw, origin)
    try:
        if setting.type is bool and isinstance(raw, str):
            return raw.strip().lower() in {"1", "true", "yes", "on"}
        value = setting.type(raw)
    except (TypeError, ValueError):
        raise BadRequest(
            f"{origin}: {setting.name} must be of type {setting.type.__name__}, got {raw!r}."
        ) from None
    if setting.type in (int, float) and value < 0:
        raise BadRequest(f"{origin}: {setting.name} must not be negative, got {raw!r}.")
    if setting.check is not None:
        try:
            setting.check(value)
        except BadRequest as exc:
            raise BadRequest(f"{origin}: {setting.name} {exc.message}") from None
    return value


def _timeout_param(value: str) -> None:
    deadline_param.check(value)  # the store's own rule


def _one_of(value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise BadRequest(f"must be one of {', '.join(allowed)}, got {value!r}.")


def _convert_list(setting: Setting, raw: Any, origin: str) -> tuple:
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, (list, tuple)) or not all(isinstance(i, str) for i in items):
        raise BadRequest(f"{origin}: {setting.name} must be a list of strings, got {raw!r}.")
    values = tuple(part for item in items for part in re.split(r"[\s,]+", item) if part)
    if setting.check is not None:
        try:
            setting.check(values)
        except BadRequest as exc:
            raise BadRequest(f"{origin}: {exc.message}") from None
    return values


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            table = tomllib.load(fh)
    except FileNotFoundError:
        raise BadRequest(f"Config file {path} does not exist; check --config or KG_CONFIG.") from None
    except tomllib.TOMLDecodeError as exc:
        raise BadRequest(f"Config file {path} is not valid TOML: {exc}.") from None
    table = table.get("kg", table)
    unknown = sorted(set(table) - set(_BY_NAME))
    if unknown:
        raise BadRequest(
            f"Config file {path}: unknown setting(s) {', '.join(unknown)}; known: "
            f"{', '.join(_BY_NAME)}."
        )
    return table


def load_settings(flags: Mapping[str, Any] | None = None, *, config_file: str | None = None,
                  environ: Mapping[str, str] | None = None) -> Settings:
    """Flags (None = not given) win over KG_* variables, which win over the TOML file."""
    environ = os.environ if environ is None else environ
    flags = {k: v for k, v in (flags or {}).items() if v is not None}
    config_file = config_file or environ.get("KG_CONFIG")
    from_file = _read_toml(Path(config_file)) if config_file else {}
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        if setting.name in flags:
            values[setting.name] = _convert(setting, flags[setting.name], setting.flag)
        elif setting.env in environ:
            values[setting.name] = _convert(setting, environ[setting.env], setting.env)
        elif setting.name in from_file:
            values[setting.name] = _convert(setting, from_file[setting.name], str(config_file))
    return Settings(**values)


def settings_table_markdown() -> str:
    """The README's configuration table, generated from SETTINGS (a test keeps them in step)."""
    lines = ["| flag | environment | TOML key | type | default | meaning |",
             "| --- | --- | --- | --- | --- | --- |"]
    for s in SETTINGS:
        default = "" if s.secret or s.multiple else s.default
        kind = "list of str" if s.multiple else s.type.__name__
        lines.append(f"| `{s.flag}` | `{s.env}` | `{s.name}` | {kind} | "
                     f"`{default}` | {s.help} |")
    return "\n".join(lines) + "\n"
