"""SHACL validation for data stewards: pyshacl against `shapes/` and `ontology/`, in the context of
the store, with one bilingual report model rendered as HTML, JSON, Turtle and text."""

from kg.parsed_input import Submission
from kg.validation.bundle import Bundle, load_bundle
from kg.validation.engine import Validator
from kg.validation.model import Record, Report, Result

__all__ = ["Bundle", "Record", "Report", "Result", "Submission", "Validator", "load_bundle"]
