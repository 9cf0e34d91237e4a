"""Query execution: where public SPARQL queries run, and how they are stopped.

`QueryRunner.run()` is what the web layer calls. `WorkerPool` runs queries in worker processes
over checkpoints of the embedded store, so that a query can be killed at its deadline or after a
crash without harming other requests; `InProcessRunner` runs them in this process (unit tests,
trusted internal queries). `make_query_runner` picks one from the settings.
"""

from kg.errors import QueryCrashed
from kg.querying.factory import make_query_runner
from kg.querying.guard import MAX_NESTING_DEPTH, check_nesting, nesting_depth
from kg.querying.pool import WorkerPool
from kg.querying.runner import InProcessRunner, QueryRunner

__all__ = ["MAX_NESTING_DEPTH", "InProcessRunner", "QueryCrashed", "QueryRunner", "WorkerPool",
           "check_nesting", "make_query_runner", "nesting_depth"]
