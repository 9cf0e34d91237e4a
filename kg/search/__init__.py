"""Finding things by name or AGS: folding (folding), the index (index), the service (service)."""

from kg.search.service import DEFAULT_LIMIT, KIND_LABELS, MAX_LIMIT, Result, Search

__all__ = ["DEFAULT_LIMIT", "KIND_LABELS", "MAX_LIMIT", "Result", "Search"]
