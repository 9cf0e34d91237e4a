import dataclasses

import pytest

from kg.config import SETTINGS, Settings, load_settings, settings_table_markdown
from kg.errors import BadRequest
from support import ROOT


def test_every_setting_is_a_field_with_its_declared_default():
    assert [f.name for f in dataclasses.fields(Settings)] == [s.name for s in SETTINGS]
    assert {s.name: getattr(Settings(), s.name) for s in SETTINGS} == {s.name: s.default for s in SETTINGS}


def test_defaults_named_by_the_issue():
    s = Settings()
    assert (s.store, s.port, s.query_timeout, s.max_query_bytes) == ("var/store", 8080, 30.0, 100_000)


def test_flags_win_over_environment_which_wins_over_the_file(tmp_path):
    toml = tmp_path / "kg.toml"
    toml.write_text('port = 7000\nhost = "0.0.0.0"\nquery_timeout = 5\nstore = "from-file"\n')
    env = {"KG_PORT": "7100", "KG_QUERY_TIMEOUT": "9", "KG_CONFIG": str(toml)}
    s = load_settings({"port": 7200, "store": None}, environ=env)
    assert (s.port, s.query_timeout, s.host, s.store) == (7200, 9.0, "0.0.0.0", "from-file")


def test_config_file_may_use_a_kg_table(tmp_path):
    toml = tmp_path / "kg.toml"
    toml.write_text('[kg]\nport = 7001\n')
    assert load_settings(config_file=str(toml), environ={}).port == 7001


@pytest.mark.parametrize("content, words", [
    ("port = 1\nnonsense = 2\n", "unknown setting(s) nonsense"),
    ("port = [", "not valid TOML"),
    ('port = "abc"\n', "port must be of type int"),
])
def test_bad_config_files_say_what_is_wrong(tmp_path, content, words):
    toml = tmp_path / "kg.toml"
    toml.write_text(content)
    with pytest.raises(BadRequest) as exc:
        load_settings(config_file=str(toml), environ={})
    assert words in exc.value.message and str(toml) in exc.value.message


def test_bad_environment_value_names_the_variable():
    with pytest.raises(BadRequest, match="KG_QUERY_TIMEOUT: query_timeout must be of type float"):
        load_settings(environ={"KG_QUERY_TIMEOUT": "soon"})


def test_missing_config_file_is_named():
    with pytest.raises(BadRequest, match="does-not-exist.toml does not exist"):
        load_settings(config_file="does-not-exist.toml", environ={})


def test_readme_configuration_table_is_generated_from_the_declarations():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert settings_table_markdown() in readme


def test_secret_settings_are_not_shown_in_repr():
    assert "sekrit" not in repr(Settings(admin_token="sekrit"))
