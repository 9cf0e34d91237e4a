"""The report as text, JSON, Turtle (sh:ValidationReport) and HTML — all from the one model."""

from __future__ import annotations

import functools
import json
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.util import from_n3

from kg import i18n
from kg.validation.model import SEVERITIES, Report, Result
from kg.validation.terms import PREFIXES, compact, from_node_id

FORMATS = {"text": "text/plain; charset=utf-8", "json": "application/json",
           "turtle": "text/turtle; charset=utf-8", "html": "text/html; charset=utf-8"}
SH = Namespace("http://www.w3.org/ns/shacl#")
# Our additions to each sh:ValidationResult: the input line, the expected value, the record.
IKGV = Namespace("https://w3id.org/integration-kg/validation#")
TEMPLATES = Path(__file__).resolve().parents[1] / "web" / "templates"


def render(report: Report, fmt: str) -> str:
    return {"text": to_text, "json": to_json, "turtle": to_turtle, "html": to_html}[fmt](report)


def summary(report: Report) -> str:
    lang = report.lang
    verdict = i18n.ui("report_conforms" if report.conforms else "report_not_conforms", lang)
    counts = ", ".join(f"{report.counts[s]} {i18n.ui(f'severity_{s}_plural', lang)}" for s in SEVERITIES)
    return f"{verdict} ({counts})"


def to_text(report: Report) -> str:
    lang = report.lang
    lines = [f"{i18n.ui('report_title', lang)}: {report.source}", summary(report),
             i18n.ui("report_summary", lang).format(triples=report.triples,
                                                    context=report.context_triples), ""]
    for record in report.records:
        where = (f", {record.source}" if record.source else "") + \
            (f", {i18n.ui('report_line', lang)} {record.line}" if record.line else "")
        kind = f" ({record.kind})" if record.kind else ""
        lines.append(f"{record.label}{kind} — {record.node}{where}")
        for result in record.results:
            lines.extend("  " + line for line in _text_result(result, lang))
        lines.append("")
    if not report.records:
        lines.append(i18n.ui("report_no_results", lang))
    return "\n".join(lines).rstrip() + "\n"


def _text_result(result: Result, lang: str) -> list[str]:
    prop = result.path_label or i18n.ui("report_whole_record", lang)
    head = f"[{i18n.ui('severity_' + result.severity, lang)}] {prop}"
    if result.value is not None:
        head += f" = {result.value}"
    out = [head, f"    {result.message}"]
    if result.expected:
        out.append(f"    {i18n.ui('report_expected', lang)}: {result.expected}")
    engine = compact(result.component) + (f", {compact(result.shape)}" if result.shape else "")
    if result.focus.startswith("_:"):
        engine += f", {i18n.ui('report_focus', lang)} {result.focus}"
    out.append(f"    {i18n.ui('report_engine', lang)}: {engine}")
    return out


def to_json(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


def to_graph(report: Report) -> Graph:
    graph = Graph()
    graph.bind("sh", SH)
    graph.bind("ikgv", IKGV)
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=False)
    node = BNode()
    graph.add((node, RDF.type, SH.ValidationReport))
    graph.add((node, SH.conforms, Literal(report.conforms)))
    for record in report.records:
        for result in record.results:
            graph.add((node, SH.result, _result_node(graph, result, record.node, report.lang)))
    return graph


def _result_node(graph: Graph, result: Result, record: str, lang: str) -> BNode:
    node = BNode()
    add = lambda p, o: graph.add((node, p, o))  # noqa: E731
    add(RDF.type, SH.ValidationResult)
    add(SH.focusNode, from_node_id(result.focus))
    if result.path:
        add(SH.resultPath, URIRef(result.path))
    if result.value_term:
        add(SH.value, from_n3(result.value_term))
    add(SH.resultSeverity, SH[result.severity])
    add(SH.sourceConstraintComponent, URIRef(result.component))
    if result.shape:
        add(SH.sourceShape, URIRef(result.shape))
    if result.constraint:
        add(SH.sourceConstraint, URIRef(result.constraint))
    add(SH.resultMessage, Literal(result.message, lang=lang))
    if result.expected:
        add(IKGV.expected, Literal(result.expected, lang=lang))
    if result.line:
        add(IKGV.line, Literal(result.line, datatype=XSD.integer))
    add(IKGV.record, from_node_id(record))
    return node


def to_turtle(report: Report) -> str:
    return to_graph(report).serialize(format="turtle")


@functools.cache
def html_environment() -> Environment:
    # Built once: an Environment caches its compiled templates (and reloads them when they change).
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape())
    env.globals.update(ui=i18n.ui, compact=compact, SEVERITIES=SEVERITIES, summary=summary)
    return env


def to_html(report: Report) -> str:
    return reports_html([report])


def render_reports(reports: list[Report], fmt: str) -> str:
    """Several reports as one text (`kg validate` with many files): a JSON list, one Turtle
    graph, one HTML page, or the texts one after the other."""
    if fmt == "json":
        body = [json.loads(to_json(r)) for r in reports]
        return json.dumps(body[0] if len(body) == 1 else body, ensure_ascii=False, indent=2) + "\n"
    if fmt == "turtle":
        graph = to_graph(reports[0])  # its prefixes too
        for report in reports[1:]:
            graph += to_graph(report)
        return graph.serialize(format="turtle")
    if fmt == "html":
        return reports_html(reports)
    return "\n".join(to_text(r) for r in reports)


def reports_html(reports: list[Report]) -> str:
    """A page of its own (for `kg validate --format html`), with the same fragment as /validate."""
    return html_environment().get_template("validate_standalone.html").render(
        reports=reports, lang=reports[0].lang if reports else "en")
