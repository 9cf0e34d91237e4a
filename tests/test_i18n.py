import re
import urllib.error
import urllib.request
from html.parser import HTMLParser

import pytest
from support import ROOT

from kg.i18n import UI, choose_language, ui


@pytest.mark.parametrize("param, header, expected", [
    (None, "de-DE,de;q=0.9,en;q=0.8", "de"),
    ("en", "de", "en"),
    ("DE", None, "de"),
    (None, "fr, en;q=0.5, de;q=0.7", "de"),
    (None, "de;q=0, en", "en"),
    (None, None, "en"),
    ("xx", "fr", "en"),
    (None, "de, en", "de"),  # equal q: the order the client listed them in
    (None, "en, de", "en"),
    (None, "de-AT", "de"),
    (None, "*", "en"),
    (None, "fr;q=bad, de;q=0.1", "de"),
])
def test_language_choice(param, header, expected):
    assert choose_language(param, header) == expected


def test_every_ui_text_exists_in_both_languages():
    assert all(set(v) == {"de", "en"} and all(v.values()) for v in UI.values())


def test_texts_name_the_same_placeholders_in_both_languages():
    # A placeholder only one language has would be filled in one and left as "{name}" in the other.
    def placeholders(text: str) -> set[str]:
        return set(re.findall(r"\{(\w+)\}", text))
    differing = {key: texts for key, texts in UI.items()
                 if placeholders(texts["de"]) != placeholders(texts["en"])}
    assert differing == {}


def test_every_ui_text_is_used_somewhere():
    """A text that no template, module or page script names is dead, and never checked in use.
    Keys built at run time count by their stem: ui("severity_" ~ r.severity, lang),
    ui(f'severity_{s}_plural', lang)."""
    sources = "\n".join(path.read_text(encoding="utf-8") for folder in ("kg", "web/src")
                        for path in (ROOT / folder).rglob("*")
                        if path.suffix in (".py", ".html", ".js") and path.is_file()
                        and path != ROOT / "kg" / "i18n.py")
    stems = re.findall(r"""["'](\w+_)(?:["']|\{)""", sources)
    unused = [key for key in UI if not re.search(rf"[\"']{re.escape(key)}[\"']", sources)
              and not any(key.startswith(stem) for stem in stems)]
    assert unused == []


class _Text(HTMLParser):
    """The text a reader sees: no script, no style, whitespace collapsed."""

    # not the page's words: code, and query texts shown as they are (with both languages' headers)
    NOT_UI = ("script", "style", "pre", "code", "textarea")

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        self._hidden += tag in self.NOT_UI

    def handle_endtag(self, tag):
        self._hidden -= tag in self.NOT_UI

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)

    @classmethod
    def of(cls, page: str) -> str:
        parser = cls()
        parser.feed(page)
        return " ".join(" ".join(parser.parts).split())


# Every kind of page (the thing and graph pages by one example each; a missing page for the error page).
PAGES = ["", "search?q=Dresden", "queries", "queries/cq03", "query", "compare?ags=15002000&ags=14612000", "validate", "submit", "ontology",
         "id/municipality/14612000", "id/concept/plan-kind/action-plan", "dumps/",
         "graph/ontology/integration", "no/such/page"]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_pages_show_no_text_of_the_other_language(server, lang):
    """Each page in one language shows its navigation in that language and none of the other
    language's UI phrases. Single words are left out: data (names of places and organisations)
    hold words such as "Stadt" whatever the page's language."""
    other = "en" if lang == "de" else "de"
    own = {texts[lang] for texts in UI.values()}
    phrases = [texts[other] for texts in UI.values()
               if texts[other] not in own and len(texts[other].split()) > 1 and "{" not in texts[other]]
    for path in PAGES:
        request = server.get(f"{path}{'&' if '?' in path else '?'}lang={lang}", Accept="text/html")
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                page = response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            assert error.code == 404 and path.startswith("no/"), (path, error.code)
            page = error.read().decode("utf-8")
        assert f'<html lang="{lang}">' in page, path
        text = _Text.of(page)
        for key in ("nav_home", "nav_search", "nav_queries", "nav_compare", "nav_validate",
                    "nav_submit", "nav_sparql", "nav_ontology", "other_language", "nav_skip"):
            assert ui(key, lang) in text, (path, key)
        shown = [phrase for phrase in phrases
                 if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)]
        assert shown == [], path
