"""The `kg` command line on real stores: an embedded one, or a real Oxigraph server under
KG_TEST_BACKEND=remote (the `empty_site` fixture)."""

import json
import subprocess

import pytest

from kg.cli import main
from support import ROOT

TTL = '@prefix ex: <https://example.org/fictional/> .\nex:town ex:name "Musterstadt" .\n'


@pytest.fixture
def project(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "towns.ttl").write_text(TTL)
    return tmp_path


def store_options(site) -> list[str]:
    return ["--store", site.store, *site.options]


def test_load_then_query_as_csv_json_and_table(runner, project, empty_site):
    store = store_options(empty_site)
    result = runner.invoke(main, ["load", *store, "--root", str(project)])
    assert result.exit_code == 0, result.output
    assert "Loaded 1 file(s), 1 triples" in result.output
    q = "SELECT ?n WHERE { ?s <https://example.org/fictional/name> ?n }"
    csv = runner.invoke(main, ["query", q, *store, "--format", "csv"])
    assert csv.stdout_bytes == b"n\r\nMusterstadt\r\n"
    js = runner.invoke(main, ["query", q, *store, "--format", "json"])
    assert json.loads(js.output)["results"]["bindings"] == [{"n": {"type": "literal", "value": "Musterstadt"}}]
    table = runner.invoke(main, ["query", q, *store])
    assert table.output.splitlines() == ["n", "-----------", "Musterstadt", "(1 row)"]


def test_load_with_a_broken_file_exits_2_and_names_the_place(runner, project, empty_site):
    (project / "data" / "bad.ttl").write_text("<a> <b> .\n")
    result = runner.invoke(main, ["load", *store_options(empty_site), "--root", str(project)])
    assert result.exit_code == 2
    assert "data/bad.ttl, line 1" in result.output


def test_load_without_files_says_where_it_looked(runner, tmp_path, empty_site):
    result = runner.invoke(main, ["load", *store_options(empty_site), "--root", str(tmp_path / "none")])
    assert result.exit_code == 2 and "No RDF files below" in result.output


def test_query_syntax_error_exits_2(runner, project, empty_site):
    result = runner.invoke(main, ["query", "SELEKT", *store_options(empty_site)])
    assert result.exit_code == 2 and "does not parse" in result.output


def test_settings_markdown_lists_every_flag(runner):
    from kg.config import SETTINGS
    out = runner.invoke(main, ["settings", "--markdown"]).output
    assert all(f"`{s.flag}`" in out for s in SETTINGS)


def test_settings_show_environment_values(runner):
    out = runner.invoke(main, ["settings"], env={"KG_PORT": "9123"}).output
    assert "port = 9123" in out


def test_console_script_is_installed():
    out = subprocess.run([str(ROOT / ".venv" / "bin" / "kg"), "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and "0.1.0" in out.stdout


def test_dump_writes_the_published_dataset_with_its_graphs(runner, project, tmp_path, empty_site):
    import pyoxigraph as ox
    store = store_options(empty_site)
    assert runner.invoke(main, ["load", *store, "--root", str(project)]).exit_code == 0
    out = tmp_path / "dump.nq"
    result = runner.invoke(main, ["dump", *store, "-o", str(out)])
    assert result.exit_code == 0, result.output
    quads = list(ox.parse(out.read_bytes(), format=ox.RdfFormat.N_QUADS))
    assert [(q.object.value, q.graph_name.value) for q in quads] == [
        ("Musterstadt", "https://w3id.org/integration-kg/graph/data/towns")]


@pytest.mark.parametrize("args, env, words", [
    (["--config", "no-such-file.toml"], {}, "no-such-file.toml does not exist"),
    ([], {"KG_PORT": "eighty"}, "KG_PORT: port must be of type int"),
])
def test_bad_settings_are_a_message_and_exit_2_not_a_traceback(runner, empty_site, args, env, words):
    result = runner.invoke(main, ["load", *store_options(empty_site), *args], env=env)
    assert result.exit_code == 2 and words in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
