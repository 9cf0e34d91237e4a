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

# The whole suite once more on the remote backend (KG_TEST_BACKEND=remote): the fixtures and
# tests/remote_backend.py put each store on a real Oxigraph server started by the tests (the
# shipped files are loaded into one server per session and compacted; each module gets a copy
# of its folder). A server's own files (record, dumps, submissions) are read from its
# --state-dir. A test of what only the embedded store has (its folder and lock, `kg backup` of
# the folder, a full disk under it, `make run`'s var/store) skips itself there and says why.
# Not run twice:
# - modules that open no store and start no server, the same on either backend: the ontology,
#   the shapes, the data's build, provenance and accounting, settings, tokens, the architecture,
#   the wheel, the benchmark scripts, SPARQL content negotiation and dataset parsing, stated
#   dates, SECURITY.md;
# - the embedded store's own machinery: the query worker pool and its replicas (test_querying,
#   test_replica), its merge (test_store_merge); and test_remote_store and
#   test_remote_validation_charge, which start Oxigraph servers of their own in the run above.
REMOTE_IGNORE := tests/ontology tests/shapes tests/data/test_build.py tests/data/test_provenance.py \
	tests/data/test_accounting.py tests/data/test_accounting_batch3.py tests/test_config.py \
	tests/test_tokens.py tests/test_architecture.py tests/test_wheel.py tests/test_bench.py \
	tests/test_bench_search.py tests/test_sparql_conneg.py tests/test_sparql_dataset.py \
	tests/test_stated_dates.py tests/test_security_doc.py tests/test_querying.py tests/test_replica.py \
	tests/test_store_merge.py tests/test_remote_store.py tests/test_remote_validation_charge.py
test-remote: install
	KG_TEST_BACKEND=remote $(BIN)/python -m pytest tests $(addprefix --ignore=,$(REMOTE_IGNORE)) $(PYTEST_ARGS)

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
