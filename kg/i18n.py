"""German and English: choosing the language of a request, and the UI's shared words.

Messages that belong to one feature live beside it as {"de": …, "en": …} pairs; `text()` picks one.
"""

from __future__ import annotations

from collections.abc import Mapping

from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "en"

UI: dict[str, dict[str, str]] = {
    "site_title": {"de": "Wissensgraph kommunale Integrationsinfrastruktur",
                   "en": "Knowledge graph of municipal integration infrastructure"},
    "nav_home": {"de": "Start", "en": "Home"},
    "nav_sparql": {"de": "SPARQL-Abfrage", "en": "SPARQL query"},
    "nav_validate": {"de": "Daten prüfen", "en": "Validate data"},
    "nav_ontology": {"de": "Ontologie", "en": "Ontology"},
    "other_language": {"de": "English", "en": "Deutsch"},
    # The SPARQL query page (kg/web/templates/sparql.html)
    "sparql_title": {"de": "SPARQL-Abfrage", "en": "SPARQL query"},
    "sparql_intro": {"de": "Fragen Sie den veröffentlichten Datenbestand mit SPARQL 1.1 ab. "
                           "Derselbe Endpunkt antwortet Programmen unter",
                     "en": "Query the published dataset with SPARQL 1.1. The same endpoint "
                           "answers programs at"},
    "sparql_query_label": {"de": "Abfrage", "en": "Query"},
    "sparql_examples": {"de": "Beispiele", "en": "Examples"},
    "sparql_run": {"de": "Ausführen", "en": "Run"},
    "sparql_running": {"de": "Läuft …", "en": "Running …"},
    "sparql_results": {"de": "Ergebnis", "en": "Results"},
    "sparql_rows": {"de": "Zeilen", "en": "rows"},
    "sparql_truncated": {"de": "Gekürzt auf", "en": "Cut off at"},
    "sparql_error": {"de": "Fehler", "en": "Error"},
    "sparql_download": {"de": "Herunterladen als", "en": "Download as"},
    "sparql_description": {"de": "Dienstbeschreibung", "en": "Service description"},
    "sparql_void": {"de": "VoID-Beschreibung des Datenbestands", "en": "VoID description of the dataset"},
    # Validation: the page /validate and its reports (kg/web/templates/validate*.html, kg.validation)
    "validate_title": {"de": "Daten prüfen", "en": "Validate data"},
    "validate_intro": {"de": "Prüfen Sie Daten gegen die Formen (SHACL) des Wissensgraphen, bevor Sie "
                             "sie einreichen. Verweise auf vorhandene Dinge (z. B. eine Kommune) werden "
                             "im veröffentlichten Datenbestand nachgeschlagen. Es wird nichts gespeichert.",
                       "en": "Check data against the knowledge graph's shapes (SHACL) before you "
                             "submit it. References to existing things (a municipality, say) are "
                             "looked up in the published dataset. Nothing is stored."},
    "validate_upload": {"de": "Datei hochladen", "en": "Upload a file"},
    "validate_paste": {"de": "oder Text einfügen", "en": "or paste text"},
    "validate_format": {"de": "Format", "en": "Format"},
    "validate_format_auto": {"de": "aus dem Dateinamen", "en": "from the file name"},
    "validate_submit": {"de": "Prüfen", "en": "Validate"},
    "validate_templates": {"de": "CSV-Vorlagen", "en": "CSV templates"},
    "validate_templates_intro": {"de": "Eine Vorlage je Art von Datensatz: Kopfzeile, Beispielzeile und "
                                       "die Zuordnung der Spalten zu RDF (CSVW-Metadaten).",
                                 "en": "One template per kind of record: header, an example row and "
                                       "the mapping of the columns to RDF (CSVW metadata)."},
    "validate_template_csv": {"de": "Vorlage", "en": "template"},
    "validate_template_mapping": {"de": "Zuordnung", "en": "mapping"},
    "validate_error": {"de": "Die Eingabe ist nicht verwendbar", "en": "The input cannot be used"},
    "report_title": {"de": "Prüfbericht", "en": "Validation report"},
    "report_conforms": {"de": "Die Daten erfüllen die Formen.", "en": "The data conform to the shapes."},
    "report_not_conforms": {"de": "Die Daten erfüllen die Formen nicht.",
                            "en": "The data do not conform to the shapes."},
    "report_summary": {"de": "{triples} Tripel geprüft, {context} Tripel Kontext aus dem Datenbestand",
                       "en": "{triples} triples checked, {context} triples of context from the dataset"},
    "report_no_results": {"de": "Keine Befunde.", "en": "No findings."},
    "report_line": {"de": "Zeile", "en": "line"},
    "report_property": {"de": "Eigenschaft", "en": "property"},
    "report_value": {"de": "Wert", "en": "value"},
    "report_message": {"de": "Befund und was zu tun ist", "en": "finding and what to do"},
    "report_severity": {"de": "Schwere", "en": "severity"},
    "report_expected": {"de": "erwartet", "en": "expected"},
    "report_engine": {"de": "Prüfregel", "en": "engine"},
    "report_shape": {"de": "Form", "en": "shape"},
    "report_focus": {"de": "Knoten", "en": "node"},
    "report_whole_record": {"de": "(der Datensatz als Ganzes)", "en": "(the record as a whole)"},
    "severity_Violation": {"de": "Verstoß", "en": "Violation"},
    "severity_Warning": {"de": "Warnung", "en": "Warning"},
    "severity_Info": {"de": "Hinweis", "en": "Info"},
    "severity_Violation_plural": {"de": "Verstöße", "en": "violations"},
    "severity_Warning_plural": {"de": "Warnungen", "en": "warnings"},
    "severity_Info_plural": {"de": "Hinweise", "en": "infos"},
    # The home page (kg/web/templates/home.html)
    "home_intro": {"de": "Ein offener Wissensgraph der kommunalen Integrationsinfrastruktur in "
                         "Deutschland: Migrations- und Integrationsgremien, Beauftragtenstellen, "
                         "Integrationsämter und -zentren, Pläne und Konzepte, Migrantenorganisationen "
                         "und ihre Netzwerke. Jede Aussage ist mit der Quelle belegt, aus der sie "
                         "stammt, und mit dem Tag, an dem diese gelesen wurde.",
                   "en": "An open knowledge graph of municipal integration infrastructure in "
                         "Germany: migrant advisory bodies, commissioner posts, integration offices "
                         "and centres, plans and strategies, migrant organisations and their "
                         "networks. Every statement is cited to the source it comes from and the "
                         "day that source was read."},
    "home_holds": {"de": "Was der Graph enthält", "en": "What the graph holds"},
    "home_coverage": {"de": "Wie vollständig die kreisfreien Städte erfasst sind",
                      "en": "How complete the record of each kreisfreie Stadt is"},
    "home_coverage_intro": {"de": "Je kreisfreie Stadt (mit Stadtkreisen und Stadtstaaten): wie viele "
                                  "Fakten jeder Art erfasst sind, auf wie vielen Quellen sie beruhen und "
                                  "wann zuletzt eine Quelle gelesen wurde (Abfrage cq17).",
                            "en": "For each kreisfreie Stadt (with Stadtkreise and Stadtstaaten): how "
                                  "many facts of each kind are recorded, how many sources they rest on "
                                  "and when a source was last read (query cq17)."},
    "home_use": {"de": "Die Daten nutzen", "en": "Using the data"},
    "home_link_sparql": {"de": "Abfragen mit SPARQL 1.1", "en": "Query with SPARQL 1.1"},
    "home_link_validate": {"de": "Daten gegen die Formen prüfen", "en": "Check data against the shapes"},
    "home_link_ontology": {"de": "Die Ontologie und ihre Begriffssysteme",
                           "en": "The ontology and its concept schemes"},
    "home_link_void": {"de": "Beschreibung des Datenbestands (VoID)", "en": "Description of the dataset (VoID)"},
    "home_link_queries": {"de": "Fragen ohne SPARQL beantworten: der Fragenkatalog",
                          "en": "Answers without writing SPARQL: the query catalogue"},
    "home_link_shapes": {"de": "Die Formen (SHACL), gegen die alle Daten geprüft werden",
                         "en": "The shapes (SHACL) all data are checked against"},
    "home_licence": {"de": "Lizenz der Daten", "en": "Licence of the data"},
    "home_cite": {"de": "So zitieren Sie den Datenbestand", "en": "How to cite the dataset"},
    "coverage_municipality": {"de": "Stadt", "en": "City"},
    "coverage_land": {"de": "Land", "en": "Land"},
    "coverage_sources": {"de": "Quellen", "en": "Sources"},
    "coverage_citations": {"de": "Belege", "en": "Citations"},
    "coverage_newest_read": {"de": "Zuletzt gelesen", "en": "Newest date read"},
    # The municipality page (kg/web/templates/municipality.html)
    "municipality_ags": {"de": "Amtlicher Gemeindeschlüssel (AGS)", "en": "Official municipality key (AGS)"},
    "municipality_official_name": {"de": "Amtlicher Name", "en": "Official name"},
    "municipality_kind": {"de": "Art", "en": "Kind"},
    "municipality_population": {"de": "Einwohnerzahl", "en": "Population"},
    "municipality_population_as_of": {"de": "Stand", "en": "as of"},
    "municipality_iri": {"de": "Kennung (IRI)", "en": "Identifier (IRI)"},
    "municipality_coverage": {"de": "Wie vollständig die Erfassung ist", "en": "How complete the record is"},
    "municipality_recorded_kinds": {"de": "Erfasste Arten von Fakten", "en": "Kinds of facts recorded"},
    "municipality_no_kind_recorded": {"de": "In den gelesenen Quellen ist keine Art von Fakten über die "
                                            "Integrationsinfrastruktur erfasst.",
                                      "en": "No kind of fact about integration infrastructure is recorded "
                                            "in the sources read."},
    "municipality_elements": {"de": "Strukturelemente am {date}", "en": "Structural elements on {date}"},
    "municipality_elements_intro": {"de": "Was am Stichtag erfasst ist (Abfrage cq13).",
                                    "en": "What is recorded on the date (query cq13)."},
    "elements_bodies": {"de": "Gremien", "en": "Advisory bodies"},
    "elements_kinds": {"de": "Arten der Gremien", "en": "Kinds of bodies"},
    "elements_compositions": {"de": "Zusammensetzung", "en": "Composition"},
    "elements_functions": {"de": "Funktion", "en": "Function"},
    "elements_commissioner": {"de": "Beauftragtenstelle", "en": "Commissioner post"},
    "elements_office": {"de": "Integrationsamt oder -zentrum", "en": "Integration office or centre"},
    "elements_plan": {"de": "Plan in Kraft", "en": "Plan in force"},
    "elements_recorded": {"de": "erfasst", "en": "recorded"},
    "elements_not_recorded": {"de": "nicht erfasst", "en": "not recorded"},
    "elements_plan_not_in_force": {"de": "erfasst, am Stichtag nicht in Kraft",
                                   "en": "recorded, not in force on the date"},
    "municipality_statements": {"de": "Aussagen und ihre Quellen", "en": "Statements and their sources"},
    "municipality_statements_intro": {"de": "Jede Aussage über die Kommune und die Dinge, die sie nennen, "
                                            "mit der Quelle, die sie belegt, und dem Tag, an dem diese "
                                            "gelesen wurde (Abfrage cq12).",
                                      "en": "Every statement about the municipality and the things that "
                                            "name it, with the source it is cited to and the day that "
                                            "source was read (query cq12)."},
    "municipality_truncated": {"de": "Die Liste ist an der Zeilengrenze des Dienstes abgeschnitten; "
                                     "den Rest liefert der SPARQL-Endpunkt.",
                               "en": "The list is cut at the service's row limit; the SPARQL endpoint "
                                     "gives the rest."},
    "statement_property": {"de": "Eigenschaft", "en": "Property"},
    "statement_value": {"de": "Wert", "en": "Value"},
    "statement_source": {"de": "Quelle", "en": "Source"},
    "statement_read": {"de": "Gelesen am", "en": "Read on"},
    "statement_uncited": {"de": "ohne eigenen Beleg", "en": "not cited"},
    # The query catalogue: /queries and /queries/<id> (kg/web/templates/queries.html, query.html)
    "nav_queries": {"de": "Fragenkatalog", "en": "Query catalogue"},
    "queries_title": {"de": "Fragenkatalog", "en": "Query catalogue"},
    "queries_intro": {"de": "Fertige Fragen an den Graphen, jede mit ihren Parametern. Jede Antwort gibt "
                            "es als Tabelle, als CSV, TSV und JSON; Programme rufen sie unter",
                      "en": "Ready-made questions to the graph, each with its parameters. Every answer "
                            "comes as a table, as CSV, TSV and JSON; programs call them at"},
    "queries_id": {"de": "Kennung", "en": "Id"},
    "queries_question": {"de": "Frage", "en": "Question"},
    "queries_parameters": {"de": "Parameter", "en": "Parameters"},
    "queries_no_parameters": {"de": "Diese Abfrage hat keine Parameter.", "en": "This query has no parameters."},
    "queries_expected": {"de": "erwartet", "en": "expected"},
    "queries_one_per_line": {"de": "eine je Zeile", "en": "one per line"},
    "queries_default": {"de": "leer gelassen gilt", "en": "when left empty"},
    "queries_permalink": {"de": "Dauerhafter Link zu dieser Tabelle", "en": "Permalink to this table"},
    "queries_shown": {"de": "die ersten {shown} gezeigt; die Downloads enthalten alle",
                      "en": "the first {shown} shown; the downloads hold them all"},
    "queries_truncated": {"de": "Die Antwort ist an der Zeilengrenze des Dienstes abgeschnitten.",
                          "en": "The answer is cut at the service's row limit."},
    "queries_format_json": {"de": "JSON", "en": "JSON"},
    "queries_format_csv": {"de": "CSV", "en": "CSV"},
    "queries_format_excel": {"de": "CSV für Excel", "en": "CSV for Excel"},
    "queries_format_tsv": {"de": "TSV", "en": "TSV"},
    "queries_sparql": {"de": "Die SPARQL-Abfrage", "en": "The SPARQL query"},
    "queries_sparql_intro": {"de": "Zum Kopieren; die Parameter werden als VALUES-Block nach dem ersten "
                                   "WHERE { eingesetzt. Sie läuft unverändert am SPARQL-Endpunkt.",
                             "en": "To copy; parameters are bound in a VALUES block after the first "
                                   "WHERE {. It runs unchanged at the SPARQL endpoint."},
    # Search (kg/web/templates/search.html, kg.web.search)
    "search_title": {"de": "Suche", "en": "Search"},
    "search_intro": {"de": "Kommunen, Gremien, Pläne, Beauftragtenstellen, Ämter, Organisationen und "
                           "Ereignisse nach ihrem Namen (auf Deutsch oder Englisch, Groß- und "
                           "Kleinschreibung und Umlaute gleich welcher Schreibweise) oder eine Kommune "
                           "nach ihrem AGS. Programme fragen unter",
                     "en": "Municipalities, advisory bodies, plans, commissioner posts, offices, "
                           "organisations and events by name (in German or English, whatever the case "
                           "and however umlauts are written), or a municipality by its AGS. Programs "
                           "ask at"},
    "home_link_search": {"de": "Kommunen, Gremien, Pläne und Organisationen nach Namen oder AGS suchen",
                         "en": "Search municipalities, bodies, plans and organisations by name or AGS"},
    "search_label": {"de": "Name oder AGS", "en": "Name or AGS"},
    "search_limit": {"de": "Höchstens", "en": "At most"},
    "search_submit": {"de": "Suchen", "en": "Search"},
    "search_count": {"de": "{count} Treffer für „{query}“", "en": "{count} results for “{query}”"},
    "search_name": {"de": "Name", "en": "Name"},
    "search_kind": {"de": "Art", "en": "Kind"},
    "search_municipality": {"de": "Kommune", "en": "Municipality"},
    "search_identifier": {"de": "Kennung (IRI)", "en": "Identifier (IRI)"},
    # The error page (kg/web/templates/error.html); the message itself says what is wrong.
    "error_what_to_do": {"de": "Was Sie tun können", "en": "What you can do"},
    "error_advice_client": {"de": "Ändern Sie die Anfrage so, wie die Meldung oben es sagt, und "
                                  "senden Sie sie erneut. Es wurde nichts verändert.",
                            "en": "Change the request as the message above says and send it "
                                  "again. Nothing was changed."},
    "error_advice_server": {"de": "Das liegt nicht an Ihnen: versuchen Sie es in einem Moment "
                                  "erneut. Bleibt der Fehler, melden Sie ihn den Betreibern.",
                            "en": "This is not your doing: try again in a moment. If it stays, "
                                  "tell the operators of this service."},
    "error_back_query": {"de": "Zur SPARQL-Abfrage", "en": "To the SPARQL query page"},
    "error_back_validate": {"de": "Zur Datenprüfung", "en": "To validating data"},
    # Linked data: the page of any /id/… thing and of the graphs (kg/web/templates/thing.html, graph.html)
    "thing_other_formats": {"de": "Auch als", "en": "Also as"},
    "thing_facts": {"de": "Aussagen", "en": "Facts"},
    "thing_facts_intro": {"de": "Was der veröffentlichte Graph über dieses Ding sagt, nach Eigenschaft; bei jedem "
                                "Wert die Quelle, die ihn nennt, und wann sie gelesen wurde. Daten stehen so genau, "
                                "wie die Quelle sie angibt.",
                          "en": "What the published graph says about this thing, by property; with each value "
                                "the source that states it and when it was read. Dates are as precise as the "
                                "source states them."},
    "thing_sources": {"de": "Quelle", "en": "Source"},
    "thing_read_on": {"de": "gelesen am", "en": "read on"},
    "thing_conflicts": {"de": "Widersprüchliche Angaben", "en": "Conflicting claims"},
    "thing_conflicts_intro": {"de": "Quellen widersprechen einander hier; beide Angaben bleiben erhalten und "
                                    "stehen nebeneinander.",
                              "en": "Sources contradict each other here; both claims are kept and shown side "
                                    "by side."},
    "thing_incoming": {"de": "Verweise auf dieses Ding", "en": "Links to this thing"},
    "thing_no_incoming": {"de": "Nichts im veröffentlichten Graphen verweist hierher.",
                          "en": "Nothing in the published graph links here."},
    "thing_incoming_truncated": {"de": "Es gibt mehr Verweise, als hier stehen; /sparql nennt alle.",
                                 "en": "There are more links than shown here; /sparql lists them all."},
    "graph_title": {"de": "Veröffentlichter Graph", "en": "Published graph"},
    "graph_intro": {"de": "Ein benannter Graph je geladener Datei; der Datenbestand ist ihre Vereinigung.",
                    "en": "One named graph per loaded file; the dataset is their merge."},
    "graph_name": {"de": "Graph", "en": "Graph"},
    "graph_file": {"de": "Datei", "en": "File"},
    "graph_triples": {"de": "Tripel", "en": "Triples"},
    "graph_loaded": {"de": "Geladen", "en": "Loaded"},
    # The dumps listing (kg/web/templates/dumps.html) and the home page's link to it
    "dumps_title": {"de": "Abzüge des Datenbestands", "en": "Dumps of the dataset"},
    "dumps_intro": {"de": "Der veröffentlichte Datenbestand als Dateien, ganz und je Graph: N-Quads "
                          "(gzip-komprimiert) für Programme, TriG zum Lesen. Die Dateien werden aus "
                          "dem Stand gemacht, der jetzt veröffentlicht ist, und neu gemacht, sobald "
                          "sich die Daten ändern. Jeder Graph ist eine geladene Datei; der ganze "
                          "Bestand hält alle Graphen mit ihren Namen.",
                    "en": "The published dataset as files, whole and per graph: N-Quads (gzip "
                          "compressed) for programs, TriG for reading. The files are made from the "
                          "state published now, and made again as soon as the data change. Each "
                          "graph is one loaded file; the whole dataset holds every graph by name."},
    "dumps_state": {"de": "Veröffentlichungsstand (Fingerabdruck)",
                    "en": "Publication state (fingerprint)"},
    "dumps_newest_load": {"de": "Zuletzt geladen", "en": "Last loaded"},
    "dumps_made": {"de": "Dateien erstellt", "en": "Files made"},
    "dumps_graphs": {"de": "Veröffentlichte Graphen", "en": "Published graphs"},
    "dumps_triples": {"de": "Verschiedene Tripel (Vereinigung aller Graphen)",
                      "en": "Distinct triples (merge of every graph)"},
    "dumps_whole": {"de": "Der ganze Bestand", "en": "The whole dataset"},
    "dumps_per_graph": {"de": "Je Graph", "en": "Per graph"},
    "dumps_graph": {"de": "Graph", "en": "Graph"},
    "dumps_file": {"de": "Datei", "en": "File"},
    "dumps_format": {"de": "Format", "en": "Format"},
    "dumps_size": {"de": "Bytes", "en": "Bytes"},
    "dumps_quads": {"de": "Quads", "en": "Quads"},
    "dumps_format_nquads-gzip": {"de": "N-Quads, gzip", "en": "N-Quads, gzip"},
    "dumps_format_trig": {"de": "TriG", "en": "TriG"},
    "dumps_machines": {"de": "Programme erhalten diese Übersicht als JSON (Accept: application/json); "
                             "die Beschreibung des Datenbestands verweist auf die Dateien:",
                       "en": "Programs get this listing as JSON (Accept: application/json); the "
                             "description of the dataset links the files:"},
    "home_link_dumps": {"de": "Den ganzen Datenbestand herunterladen (N-Quads, TriG)",
                        "en": "Download the whole dataset (N-Quads, TriG)"},
    "yes": {"de": "ja", "en": "yes"},
    "no": {"de": "nein", "en": "no"},
    # The structure picture of a municipality (kg/structure_picture.py, kg/structure_svg.py,
    # kg/web/templates/_structure_picture.html)
    "structure_heading": {"de": "Strukturbild aus dem Graphen", "en": "Structure picture from the graph"},
    "structure_svg_title": {"de": "Integrationslandschaft {name} am {date}",
                            "en": "Integration landscape of {name} on {date}"},
    "structure_caption": {"de": "Aus dem Graphen abgeleitet, Stand {date} – kein Strukturbild einer Quelle",
                          "en": "Derived from the graph as of {date} – not a source's Strukturbild"},
    "structure_intro": {"de": "Gezeichnet aus den erfassten Aussagen: was am Stichtag bestand (ohne "
                              "erfasstes Datum zählt es als bestehend). Was fehlt, ist nicht erfasst – "
                              "das heißt nicht, dass es das nicht gibt. Jeder Kasten führt zu seiner Seite.",
                        "en": "Drawn from the recorded statements: what existed on the date (a thing "
                              "without a recorded date counts as existing). What is missing is not "
                              "recorded, which does not mean it is not there. Each box leads to its page."},
    "structure_date": {"de": "Stichtag", "en": "Date"},
    "structure_show": {"de": "Zeichnen", "en": "Draw"},
    "structure_download": {"de": "Als SVG herunterladen", "en": "Download as SVG"},
    "structure_sector_administration": {"de": "Verwaltung", "en": "Administration"},
    "structure_sector_politics": {"de": "Politik und Gremien", "en": "Politics and advisory bodies"},
    "structure_sector_migrant-organisations": {"de": "Migrant*innenorganisationen und Verbünde",
                                               "en": "Migrant organisations and networks"},
    "structure_sector_welfare": {"de": "Wohlfahrtsverbände", "en": "Welfare associations"},
    "structure_sector_research": {"de": "Wissenschaft", "en": "Research"},
    "structure_sector_civil-society": {"de": "Weitere Zivilgesellschaft", "en": "Other civil society"},
    "structure_sector_projects": {"de": "Projekte", "en": "Projects"},
    "structure_sector_funders": {"de": "Fördergeber", "en": "Funders"},
    "structure_sector_empty": {"de": "nichts erfasst", "en": "nothing recorded"},
    "structure_relation_membership": {"de": "Mitgliedschaft", "en": "Membership"},
    "structure_relation_cooperation": {"de": "Kooperation", "en": "Cooperation"},
    "structure_relation_funding": {"de": "Förderung", "en": "Funding"},
    "structure_relation_participation": {"de": "Teilnahme", "en": "Participation"},
    "structure_relation_carrier": {"de": "Trägerschaft", "en": "Carrier"},
    "structure_relation_part-of": {"de": "Teil von", "en": "Part of"},
    "structure_legend": {"de": "Legende", "en": "Legend"},
    "structure_legend_node": {"de": "Kasten: ein Akteur oder Projekt (führt zu seiner Seite)",
                              "en": "Box: an actor or project (leads to its page)"},
    "structure_legend_stub": {"de": "offenes Ende: weitere Beteiligte nicht erfasst",
                              "en": "open end: further parties not recorded"},
    "structure_no_second_party": {"de": "weitere Beteiligte nicht erfasst", "en": "further parties not recorded"},
    "structure_sources_heading": {"de": "Strukturbilder laut Quellen", "en": "Strukturbilder according to sources"},
    "structure_sources_intro": {"de": "Was eine Quelle über ein von Menschen gezeichnetes Strukturbild sagt – "
                                      "so, wie die Quelle es sagt, nicht aus dem Graphen abgeleitet.",
                                "en": "What a source says about a Strukturbild drawn by people – as the "
                                      "source says it, not derived from the graph."},
    "structure_sources_none": {"de": "Der Graph hält für diese Kommune kein Strukturbild aus einer Quelle fest.",
                               "en": "The graph holds no Strukturbild from a source for this municipality."},
    "structure_source_made_by": {"de": "Erstellt von", "en": "Made by"},
    "structure_source_made_for": {"de": "Erstellt für", "en": "Made for"},
    "structure_source_date": {"de": "Datum laut Quelle", "en": "Date as the source states it"},
    "structure_source_source": {"de": "Quelle", "en": "Source"},
    "structure_source_shows": {"de": "Zeigt laut Quelle", "en": "Shows, according to the source"},
    "structure_source_shows_none": {"de": "Die Quelle nennt nicht, was es zeigt.",
                                    "en": "The source does not say what it shows."},
    # The development type on a municipality's page (kg/web/templates/_development_type.html)
    "devtype_heading": {"de": "Entwicklungstyp am {date}", "en": "Development type on {date}"},
    "devtype_own_classification": {
        "de": "Klassifikation dieses Projekts, keine Aussage einer Quelle.",
        "en": "This project's classification, not a statement of a source."},
    "devtype_intro": {"de": "Nach festen Regeln aus dem Erfassten abgeleitet (Abfrage cq18); die Regel des Typs "
                            "steht in seiner Definition. Entschieden haben diese Sachverhalte:",
                      "en": "Derived by fixed rules from what is recorded (query cq18); the type's rule is "
                            "in its definition. These facts decided it:"},
    "devtype_not_enough": {"de": "nicht genug erfasst", "en": "not enough recorded"},
    "devtype_not_enough_intro": {
        "de": "Das Erfasste erfüllt die Regel keines Typs. Das heißt nicht, dass der Kommune etwas fehlt, "
              "nur dass der Datenbestand nicht genug dazu enthält. Erfasst sind:",
        "en": "What is recorded meets no type's rule. That does not mean that the municipality lacks "
              "anything, only that the record holds too little to decide. Recorded are:"},
    "devtype_none_recorded": {"de": "am Stichtag keine erfasst", "en": "none recorded on the date"},
    "devtype_commissionerPosts": {"de": "Beauftragtenstellen", "en": "Commissioner's posts"},
    "devtype_advisoryBodies": {"de": "Migrationsgremien", "en": "Advisory bodies"},
    "devtype_plansInForce": {"de": "Geltende Pläne", "en": "Plans in force"},
    "devtype_cooperations": {"de": "Kooperation der Verwaltung mit MO", "en": "Cooperation of the administration with MOs"},
    "devtype_longTermFunding": {"de": "Dauerhafte Förderung", "en": "Long-term funding"},
    "devtype_projects": {"de": "Befristete Projekte (Projektstandorte)", "en": "Time-limited projects (site participations)"},
    # The comparison page /compare (kg/web/templates/compare.html)
    "compare_title": {"de": "Kommunen vergleichen", "en": "Compare municipalities"},
    "compare_intro": {"de": "Zwei bis sechs Kommunen nebeneinander: ihre Strukturelemente an einem Stichtag, "
                            "jede Zelle mit ihren Quellen und dem Tag, an dem sie gelesen wurden. \"nicht "
                            "erfasst\" heißt: Die Quellen fanden nichts, nicht, dass es nichts gibt. Wo Quellen "
                            "einander widersprechen, stehen beide da.",
                      "en": "Two to six municipalities side by side: their structural elements on a reference "
                            "date, each cell with its sources and the day they were read. \"not recorded\" "
                            "means the sources found nothing, not that there is nothing. Where sources "
                            "contradict each other, both are shown."},
    "compare_pick": {"de": "Kommunen (Name oder AGS)", "en": "Municipalities (name or AGS)"},
    "compare_pick_one": {"de": "Kommune", "en": "Municipality"},
    "compare_date": {"de": "Stichtag", "en": "Reference date"},
    "compare_date_help": {"de": "leer = heute", "en": "empty = today"},
    "compare_submit": {"de": "Vergleichen", "en": "Compare"},
    "compare_download": {"de": "Herunterladen:", "en": "Download:"},
    "compare_table": {"de": "Tabelle am Stichtag {date}", "en": "Table on {date}"},
    "compare_aspect": {"de": "Merkmal", "en": "Aspect"},
    "compare_sources": {"de": "Quellen", "en": "Sources"},
    "compare_read": {"de": "gelesen am", "en": "read on"},
    "compare_conflict": {"de": "Quellen widersprechen einander", "en": "sources contradict each other"},
    "compare_charts": {"de": "Diagramme", "en": "Charts"},
    "compare_chart_counts": {"de": "Anzahlen je Stadt", "en": "Counts per city"},
    "compare_chart_counts_desc": {"de": "Balkendiagramm: am Stichtag geltende Gremien, MO-Verbünde, "
                                        "Projektstandorte und Veranstaltungen je Stadt; die Zahlen stehen in "
                                        "der Tabelle darunter.",
                                  "en": "Bar chart: advisory bodies in force on the date, MO networks, project "
                                        "sites and events per city; the figures are in the table below it."},
    "compare_chart_members": {"de": "Mitgliedsorganisationen der MO-Verbünde", "en": "Member organisations of the MO networks"},
    "compare_chart_members_desc": {"de": "Balkendiagramm: Mitgliedsorganisationen der MO-Verbünde je Stadt "
                                         "(Untergrenze, cq10); die Zahlen stehen in der Tabelle darunter.",
                                   "en": "Bar chart: member organisations of the MO networks per city (a lower "
                                         "bound, cq10); the figures are in the table below it."},
    "compare_chart_per_capita": {"de": "Je 100.000 Einwohner*innen", "en": "Per 100,000 inhabitants"},
    "compare_chart_per_capita_desc": {"de": "Balkendiagramm: Mitgliedsorganisationen und Veranstaltungen je "
                                            "100.000 Einwohner*innen (Einwohnerzahl und Stand in der Tabelle "
                                            "oben); die Zahlen stehen in der Tabelle darunter.",
                                      "en": "Bar chart: member organisations and events per 100,000 inhabitants "
                                            "(population and its date in the table above); the figures are in "
                                            "the table below it."},
    "compare_chart_timeline": {"de": "Zeitleiste: Gremien, Pläne, Projekte, Veranstaltungen",
                               "en": "Timeline: councils, plans, projects, events"},
    "compare_chart_timeline_desc": {"de": "Zeitleiste je Stadt: Gremien, Pläne, Projektbeteiligungen und "
                                          "Veranstaltungen von Beginn bis Ende (offen: bis heute); Liste darunter.",
                                    "en": "Timeline per city: councils, plans, project participations and events "
                                          "from beginning to end (open: until today); list below it."},
    "compare_bar_advisory_bodies": {"de": "Gremien am Stichtag", "en": "Advisory bodies on the date"},
    "compare_bar_mo_networks": {"de": "MO-Verbünde", "en": "MO networks"},
    "compare_bar_member_organisations": {"de": "Mitgliedsorganisationen", "en": "Member organisations"},
    "compare_bar_project_sites": {"de": "Projektstandorte", "en": "Project sites"},
    "compare_bar_events": {"de": "Veranstaltungen", "en": "Events"},
    "compare_bar_mo_per_100k": {"de": "Mitgliedsorganisationen je 100.000", "en": "Member organisations per 100,000"},
    "compare_bar_events_per_100k": {"de": "Veranstaltungen je 100.000", "en": "Events per 100,000"},
    "compare_kind_advisory-body": {"de": "Gremium", "en": "Advisory body"},
    "compare_kind_plan": {"de": "Plan", "en": "Plan"},
    "compare_kind_project": {"de": "Projekt", "en": "Project"},
    "compare_kind_event": {"de": "Veranstaltung", "en": "Event"},
    "compare_timeline_from": {"de": "von", "en": "from"},
    "compare_timeline_to": {"de": "bis", "en": "to"},
    "compare_city": {"de": "Stadt", "en": "City"},
    "compare_choose": {"de": "Wählen Sie zwei bis sechs Kommunen und einen Stichtag.",
                       "en": "Choose two to six municipalities and a reference date."},
    # The navigation on every page (kg/web/templates/base.html, _nav.html)
    "nav_label": {"de": "Hauptnavigation", "en": "Main navigation"},
    "nav_skip": {"de": "Zum Inhalt springen", "en": "Skip to the content"},
    "nav_search": {"de": "Suche", "en": "Search"},
    "nav_compare": {"de": "Städte vergleichen", "en": "Compare cities"},
    # The SPARQL editor /query (kg/web/templates/query_editor.html, web/src/query-page.js)
    "editor_example": {"de": "Beispiel aus dem Fragenkatalog", "en": "Example from the query catalogue"},
    "editor_load_example": {"de": "Beispiel laden", "en": "Load example"},
    "editor_hint": {"de": "Strg+Eingabe (⌘+Eingabe) führt die Abfrage aus; Strg+Leertaste schlägt "
                          "Präfixe, Klassen und Eigenschaften vor.",
                    "en": "Ctrl+Enter (⌘+Enter) runs the query; Ctrl+Space suggests prefixes, "
                          "classes and properties."},
    "queries_open_in_editor": {"de": "Im SPARQL-Editor öffnen und ändern", "en": "Open and change it in the SPARQL editor"},
    "editor_permalink": {"de": "Dauerhafter Link zu dieser Abfrage", "en": "Permalink to this query"},
    "editor_graph_result": {"de": "Ein Graph (Turtle)", "en": "A graph (Turtle)"},
    "editor_no_editor": {"de": "Der Editor fehlt (führen Sie `make assets` aus); das Textfeld "
                               "funktioniert trotzdem.",
                         "en": "The editor is missing (run `make assets`); the text box works all "
                               "the same."},
    "report_details": {"de": "Details: die Begriffe der Prüfregeln (für Fachleute)",
                       "en": "Details: the rules' own terms (for specialists)"},
    "submit_title": {"de": "Daten einreichen", "en": "Submit data"},
    "submit_intro": {"de": "Für Datenverantwortliche mit einem Token ihrer Gemeinde: senden Sie ein "
                           "Paket (Dateien in RDF oder CSV nach den Vorlagen unter /validate, oder ein "
                           "Zip davon). Entspricht es den Formen, wird es mit seiner Herkunft "
                           "veröffentlicht; sonst zeigt der Bericht, was zu ändern ist. Mit der Nummer "
                           "einer Einreichung ersetzen Sie sie oder ziehen sie zurück.",
                     "en": "For data stewards with a token of their municipality: send a package "
                           "(files in RDF or CSV by the templates at /validate, or a zip of them). If "
                           "it conforms to the shapes it is published with its provenance; otherwise "
                           "the report says what to change. With a submission's number you replace "
                           "or withdraw it."},
    "submit_token": {"de": "Token", "en": "Token"},
    "submit_files": {"de": "Dateien (eine oder mehrere, oder ein Zip)",
                     "en": "Files (one or more, or a zip)"},
    "submit_id": {"de": "Nummer der Einreichung (nur zum Ersetzen oder Zurückziehen)",
                  "en": "Submission number (only to replace or withdraw)"},
    "submit_send": {"de": "Einreichen", "en": "Submit"},
    "submit_withdraw": {"de": "Zurückziehen", "en": "Withdraw"},
    "submit_list": {"de": "Meine Einreichungen zeigen", "en": "Show my submissions"},
    "submit_error": {"de": "Nicht ausgeführt", "en": "Not done"},
    "submit_accepted": {"de": "Angenommen und veröffentlicht: Einreichung {id}, Version {version}.",
                        "en": "Accepted and published: submission {id}, version {version}."},
    "submit_rejected": {"de": "Nicht angenommen: Einreichung {id}, Version {version} entspricht nicht "
                              "den Formen; nichts wurde veröffentlicht. Der Bericht unten sagt, was zu "
                              "ändern ist.",
                        "en": "Not accepted: submission {id}, version {version} does not conform to "
                              "the shapes; nothing was published. The report below says what to "
                              "change."},
    "submit_withdrawn": {"de": "Einreichung {id} ist zurückgezogen; ihr Verlauf bleibt erhalten.",
                         "en": "Submission {id} is withdrawn; its history is kept."},
    "submit_history": {"de": "Einreichungen und ihr Verlauf", "en": "Submissions and their history"},
    "submit_none": {"de": "Dieses Token hat noch keine Einreichungen.",
                    "en": "This token has no submissions yet."},
    "submit_graph": {"de": "Veröffentlichter Graph", "en": "Published graph"},
    "submit_reason": {"de": "Grund", "en": "Reason"},
    "submit_version": {"de": "Version", "en": "Version"},
    "submit_state": {"de": "Stand", "en": "State"},
    "submit_when": {"de": "Zeitpunkt", "en": "When"},
    "submit_by": {"de": "Von", "en": "By"},
    "submit_files_col": {"de": "Dateien (SHA-256)", "en": "Files (SHA-256)"},
    "submit_triples": {"de": "Tripel", "en": "Triples"},
    "submit_status_accepted": {"de": "veröffentlicht", "en": "published"},
    "submit_status_rejected": {"de": "abgelehnt", "en": "rejected"},
    "submit_status_withdrawn": {"de": "zurückgezogen", "en": "withdrawn"},
    "submit_status_erased": {"de": "gelöscht", "en": "erased"},
    "submit_state_published": {"de": "veröffentlicht", "en": "published"},
    "submit_state_superseded": {"de": "ersetzt", "en": "superseded"},
    "submit_state_withdrawn": {"de": "zurückgezogen", "en": "withdrawn"},
    "submit_state_rejected": {"de": "abgelehnt", "en": "rejected"},
    "nav_submit": {"de": "Daten einreichen", "en": "Submit data"},
    "queries_required": {"de": "verpflichtend", "en": "required"},
    "queries_example": {"de": "Beispiel", "en": "example"},
    "submit_refused": {"de": "Nicht angenommen: das Paket entspricht nicht den Formen; nichts wurde "
                             "veröffentlicht oder aufbewahrt. Der Bericht unten sagt, was zu ändern "
                             "ist; senden Sie das korrigierte Paket erneut.",
                       "en": "Not accepted: the package does not conform to the shapes; nothing was "
                             "published or kept. The report below says what to change; send the "
                             "corrected package again."},
}


def choose_language(param: str | None, accept_language: str | None) -> str:
    """`lang` parameter first, then the best Accept-Language match, then English.

    werkzeug parses the header (as for Accept, kg.web.conneg): its order is by q, then by the
    order the client listed them, which is the order tried here. A tag counts by its primary
    subtag (de-AT is German); `*` and unknown languages leave it to the default.
    """
    if param and param.lower()[:2] in LANGUAGES:
        return param.lower()[:2]
    for tag, q in parse_accept_header(accept_language, LanguageAccept):
        code = tag.lower().partition("-")[0]
        if q > 0 and code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE


def number(value: float, lang: str) -> str:
    """A number as the language writes it: 20,000,000 and 0.1 in English, 20.000.000 and 0,1
    in German (up to six decimals)."""
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return text.translate(_GERMAN_DIGITS) if lang == "de" else text


_GERMAN_DIGITS = str.maketrans(",.", ".,")


def megabytes(size: int) -> float:
    """Bytes as (decimal) megabytes, the unit the settings' defaults are round in."""
    return size / 1_000_000


def text(messages: Mapping[str, str], lang: str) -> str:
    return messages.get(lang) or messages[DEFAULT_LANGUAGE]


def best_text(texts: Mapping[str, str], lang: str) -> str | None:
    """Of texts by language tag ("" for untagged): `lang`, else English, else untagged, else any.

    For labels and messages read from data, where any language may be missing."""
    if not texts:
        return None
    return (texts.get(lang) or texts.get(DEFAULT_LANGUAGE) or texts.get("")
            or next(iter(texts.values())))


def ui(key: str, lang: str) -> str:
    return text(UI[key], lang)
