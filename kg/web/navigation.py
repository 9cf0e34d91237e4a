"""The navigation every page shows: its links, which of them is the current page, and the link
to the same page in the other language.

A blueprint without routes: it only gives the templates `navigation(lang)` and
`other_language_url(lang)`, for every page of the app (app_context_processor).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from flask import Blueprint, current_app, request, url_for

from kg.i18n import LANGUAGES

bp = Blueprint("navigation", __name__)


@dataclass(frozen=True)
class Link:
    key: str  # the UI text of its label (kg.i18n.UI)
    href: str
    current: str | None  # "page" on the page itself, "true" on a page below it, else None


# (label, blueprint, endpoint, path) in the order shown. A blueprint that an app leaves out (tests
# build apps with parts of it) is linked by its path.
_ITEMS = (
    ("nav_home", "pages", "pages.home", "/"),
    ("nav_search", "search", "search.page", "/search"),
    ("nav_queries", "queries", "queries.page_list", "/queries"),
    ("nav_compare", "compare", "compare.page", "/compare"),
    ("nav_validate", "validate", "validate.page", "/validate"),
    ("nav_submit", "submissions", "submissions.page", "/submit"),
    ("nav_sparql", "editor", "editor.page", "/query"),
    ("nav_ontology", "ontology", "ontology.document", "/ontology"),
)


def navigation(lang: str) -> list[Link]:
    links = []
    for key, blueprint, endpoint, path in _ITEMS:
        if endpoint is not None and blueprint in current_app.blueprints:
            target = url_for(endpoint)
        else:
            target = request.script_root + path
        links.append(Link(key, f"{target}?{urlencode({'lang': lang})}", _current(target, path)))
    return links


def _current(target: str, path: str) -> str | None:
    here = request.script_root + request.path
    if here == target:
        return "page"
    if path != "/" and here.startswith(target.rstrip("/") + "/"):
        return "true"
    return None


def other_language(lang: str) -> str:
    return next(other for other in LANGUAGES if other != lang)


def other_language_url(lang: str) -> str:
    """This page with its query string, in the other language (only `lang` changes)."""
    pairs = [(name, value) for name, value in request.args.items(multi=True) if name != "lang"]
    pairs.append(("lang", other_language(lang)))
    return request.script_root + request.path + "?" + urlencode(pairs)


@bp.app_context_processor
def helpers() -> dict:
    return {"navigation": navigation, "other_language": other_language,
            "other_language_url": other_language_url}
