"""CSV templates: one per main kind of record, each with its CSVW metadata (the declared mapping
to RDF) beside it as `<name>.csv-metadata.json`; see convert.py for how they are read."""

from kg.csv_templates.convert import TEMPLATES, Template, read_csv, template_by_name

__all__ = ["TEMPLATES", "Template", "read_csv", "template_by_name"]
