"""Submissions by data stewards: tokens, scope, accept/replace/withdraw/erase with provenance,
kept files, an audit log, and reconciliation after a crash (see lifecycle.py and recovery.py)."""

from kg.submissions.lifecycle import Outcome, Submissions
from kg.submissions.tokens import OPERATOR, Principal, TokenBook, parse_scope

__all__ = ["OPERATOR", "Outcome", "Principal", "Submissions", "TokenBook", "parse_scope"]
