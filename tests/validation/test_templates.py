"""The CSV templates: every column described in German and English, and every template's example
rows valid in the context of the published graph (a store built by `kg load`), judged by
validate_package as a submitted package is: alone where they refer to nothing new, else together
with the examples of the templates they refer to, and all together as one package."""

from __future__ import annotations

import pytest

from kg.csv_templates import TEMPLATES, read_csv, template_by_name
from kg.validation.package import PackageFile, validate_package
import remote_backend

NAMES = [t.name for t in TEMPLATES]
# What each template's example refers to: the examples of these templates make those records.
NEEDS = {
    "municipalities": [],
    "advisory-bodies": ["municipalities"],
    "compositions": ["municipalities", "advisory-bodies"],
    "elections": ["municipalities", "advisory-bodies"],
    "plans": ["municipalities"],
    "offices": ["municipalities"],
    "commissioner-posts": ["municipalities", "offices"],
    "organisations": ["municipalities"],
    "memberships": ["municipalities", "organisations"],
    "events": ["municipalities", "organisations"],
    "contributions": ["municipalities", "organisations", "events"],
}
# The main kinds of record the issue names, by the class their template makes.
KINDS = {"ikg#Municipality", "ikg#AdvisoryBody", "ikg#Composition", "ikg#Election", "ikg#Plan",
         "ikg#AdministrativeUnit", "ikg#CommissionerPost", "ikg#MigrantOrganisationNetwork",
         "org#Membership", "ikg#Event", "ikg#Contribution"}


def test_every_template_is_listed_with_what_its_example_needs():
    assert sorted(NEEDS) == sorted(NAMES)


def test_the_templates_make_every_main_kind_of_record():
    made = set()
    for template in TEMPLATES:
        for triple in read_csv(template.csv_text().encode(), source="x.csv").triples:
            if triple.predicate.value.endswith("#type"):
                made.add(triple.object.value.rsplit("/", 1)[-1].replace("ontology#", "ikg#"))
    assert KINDS <= made, KINDS - made


@pytest.mark.parametrize("name", NAMES)
def test_every_column_is_described_in_german_and_english(name):
    template = template_by_name(name)
    for lang in ("de", "en"):
        assert template.title(lang) and template.description(lang)
    assert template.title("de") != template.title("en")
    for column in template.columns:
        if column.get("virtual"):
            continue
        described = column.get("dc:description")
        assert isinstance(described, dict), column["titles"]
        assert described.get("de", "").strip() and described.get("en", "").strip(), column["titles"]
        assert described["de"] != described["en"], column["titles"]


@pytest.mark.parametrize("name", NAMES)
def test_every_template_downloads_with_a_filled_example_and_cites_its_source(name):
    template = template_by_name(name)
    assert {"source_url", "source_title", "accessed_on"} <= set(template.headers)
    for row in template.examples:
        filled = dict(zip(template.headers, row))
        required = [c["titles"] for c in template.columns
                    if c.get("required") and not c.get("virtual")]
        assert all(filled[title] for title in required), filled
        assert filled["source_title"] and filled["accessed_on"]
    submission = read_csv(template.csv_text().encode(), source=f"{name}.csv")
    titles = [t for t in submission.triples if t.predicate.value == "http://purl.org/dc/terms/title"]
    assert [t.subject.value for t in titles] == ["https://example.org/fictional/source"]


@pytest.fixture(scope="module")
def judge(loaded_store_path, tmp_path_factory):
    state = tmp_path_factory.mktemp("judge-state")
    store = remote_backend.open_store(loaded_store_path, state)
    settings = remote_backend.settings_on(loaded_store_path, state, query_workers=1)

    def run(names):
        files = [PackageFile(f"{n}.csv", template_by_name(n).csv_text().encode(), "csv", n)
                 for n in names]
        return validate_package(files, "de", store=store, settings=settings)

    yield run
    store.close()


def violations(result) -> list[tuple[str, str, str]]:
    return [(record.source or "", record.label, r.message)
            for record in result.report.records for r in record.results
            if r.severity == "Violation"]


@pytest.mark.parametrize("name", NAMES)
def test_each_example_validates_with_what_it_refers_to(judge, name):
    result = judge(NEEDS[name] + [name])
    assert result.report.triples > 0
    assert violations(result) == []


def test_all_examples_together_validate_as_one_package(judge):
    result = judge(NAMES)
    assert violations(result) == []
    assert result.report.conforms
    records = {r.node for r in result.report.records}
    assert len(result.triples) > 100 and records


def test_an_example_without_what_it_refers_to_names_the_missing_record(judge):
    # The check above can fail: the contribution alone points to an event that is not there.
    found = violations(judge(["contributions"]))
    assert any("Veranstaltung" in message for _, _, message in found), found


@pytest.mark.parametrize("name", NAMES)
def test_a_downloaded_template_is_recognised_by_its_header_alone(name):
    from kg.csv_templates.convert import choose_template

    assert choose_template(template_by_name(name).headers, None, "x.csv").name == name
