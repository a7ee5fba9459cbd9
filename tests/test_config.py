"""Configuration from [tool.scrapeclean]: keys, pass selection, pass settings, errors that name the key."""

from __future__ import annotations

import attrs
import pytest

from scrapeclean import default_pipeline
from scrapeclean.config import (
    Config,
    build_pipeline,
    find_pyproject,
    from_table,
    load,
    parse_assignment,
    with_assignments,
)
from scrapeclean.errors import ConfigError
from scrapeclean.pipeline import Pipeline


@attrs.frozen
class MarkShortLines:
    min_words: int = 3
    ratio: float = 0.5
    strict: bool = False
    words: tuple = ("menu",)
    name = "mark-short-lines"

    def __call__(self, document):
        return document


@attrs.frozen
class DoNothing:
    name = "do-nothing"

    def __call__(self, document):
        return document


BASE = Pipeline((MarkShortLines(), DoNothing()))


def test_every_documented_key_is_accepted():
    config = from_table(
        {
            "passes": ["a"],
            "disable": ["b"],
            "text-field": "content",
            "id-field": "doc",
            "include": ["*.txt"],
            "exclude": ["drafts"],
            "extend-exclude": ["tmp"],
            "allow-empty": True,
            "input-format": "jsonl",
            "settings": {"a": {"x": 1}},
        },
        "pyproject.toml",
    )
    assert (config.passes, config.text_field, config.id_field, config.allow_empty) == (("a",), "content", "doc", True)
    assert config.exclude == ("drafts",) and config.extend_exclude == ("tmp",) and config.source == "pyproject.toml"


def test_an_unknown_key_is_an_error_that_names_it_and_the_file():
    with pytest.raises(ConfigError, match=r"pyproject\.toml: unknown key 'text_feild'.*valid keys: allow-empty"):
        from_table({"text_feild": "x"}, "pyproject.toml")


@pytest.mark.parametrize(
    "table, message",
    [
        ({"passes": "a"}, "passes must be a list of strings"),
        ({"text-field": 3}, "text-field must be a string"),
        ({"allow-empty": "yes"}, "allow-empty must be true or false"),
        ({"settings": {"a": 1}}, "one table per pass"),
    ],
)
def test_wrong_types_are_errors_naming_the_key(table, message):
    with pytest.raises(ConfigError, match=message):
        from_table(table)


def test_passes_select_and_order_disable_drops():
    assert build_pipeline(Config(passes=["do-nothing", "mark-short-lines"]), BASE).names == (
        "do-nothing",
        "mark-short-lines",
    )
    assert build_pipeline(Config(disable=["do-nothing"]), BASE).names == ("mark-short-lines",)


def test_settings_are_typed_and_applied():
    config = Config(settings={"mark-short-lines": {"min-words": 5, "ratio": 1, "strict": True, "words": ["a", "b"]}})
    item = build_pipeline(config, BASE).get("mark-short-lines")
    assert item == MarkShortLines(min_words=5, ratio=1.0, strict=True, words=("a", "b"))


@pytest.mark.parametrize(
    "settings, message",
    [
        (
            {"mark-short-lines": {"min-words": "5"}},
            r"mark-short-lines.min-words must be of type int \(like its default 3\), not '5'",
        ),
        ({"mark-short-lines": {"strict": 1}}, "must be of type bool"),
        (
            {"mark-short-lines": {"max-words": 5}},
            r"no setting 'max-words'; its settings: min-words, ratio, strict, words",
        ),
        ({"do-nothing": {"x": 1}}, r"no setting 'x'; its settings: none"),
        ({"no-such-pass": {"x": 1}}, r"no pass named 'no-such-pass'; the passes are: mark-short-lines, do-nothing"),
    ],
)
def test_bad_settings_name_the_setting_and_the_valid_choices(settings, message):
    with pytest.raises(ConfigError, match=message):
        build_pipeline(Config(settings=settings), BASE)


def test_unknown_pass_names_in_passes_or_disable_are_errors():
    with pytest.raises(ConfigError, match="no pass named 'chrome'"):
        build_pipeline(Config(disable=["chrome"]))
    assert build_pipeline(Config()).names == default_pipeline().names


def test_nearest_pyproject_wins_even_without_the_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.scrapeclean]\ntext-field = "outer"\n')
    inner = tmp_path / "corpus" / "part"
    inner.mkdir(parents=True)
    (tmp_path / "corpus" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_pyproject(inner) == str(tmp_path / "corpus" / "pyproject.toml")
    assert load(find_pyproject(inner)).text_field == "text"
    assert load(find_pyproject(tmp_path / "other.txt")).text_field == "outer"


def test_invalid_toml_names_the_file(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text("[tool.scrapeclean\n")
    with pytest.raises(ConfigError, match="pyproject.toml: not valid TOML"):
        load(path)


def test_command_line_assignments_and_overrides():
    assert parse_assignment("a.b=true") == ("a", "b", True)
    assert parse_assignment("a.b=words here") == ("a", "b", "words here")
    assert parse_assignment("a.b=[1, 2]") == ("a", "b", [1, 2])
    with pytest.raises(ConfigError, match="PASS.SETTING=VALUE"):
        parse_assignment("min-words=5")
    config = with_assignments(Config(settings={"a": {"x": 1}}), ["a.y=2", "b.z='s'"])
    assert config.settings == {"a": {"x": 1, "y": 2}, "b": {"z": "s"}}
    assert Config(text_field="a").override(text_field=None, id_field="doc").text_field == "a"


@pytest.mark.parametrize(
    "text, holds",
    [
        ('[project]\nname = "scrapeclean"\n', False),
        ('[project]\ndependencies = [\n  "scrapeclean[ray]>=0.1",\n]\n', False),
        ('[project.scripts]\nscrapeclean = "scrapeclean.cli:main"\n', False),
        ("# scrapeclean is configured below\n[tool.ruff]\nline-length = 100\n", False),
        ('[tool.scrapeclean]\ntext-field = "body"\n', True),
        ('[ tool . "scrapeclean" ]\n', True),
        ('[[tool.scrapeclean.settings]]\n', True),
        ('[tool]\nscrapeclean = { text-field = "body" }\n', True),
        ('[tool]\n"scrapeclean".text-field = "body"\n', True),
        ('tool.scrapeclean.text-field = "body"\n', True),
        ('tool = { scrapeclean = { text-field = "body" } }\n', True),
        # A line the scan cannot read as a header (a nested array's) leaves the table unknown.
        ('[tool]\nmatrix = [\n[1, 2],\n]\nscrapeclean = { text-field = "body" }\n', True),
        # A multi-line string can make any line look like a header or a key: the file is parsed.
        ('[project]\ndescription = """\n[tool.ruff]\n"""\nname = "scrapeclean"\n', True),
    ],
)
def test_a_file_is_parsed_unless_it_surely_holds_no_scrapeclean_table(text, holds):
    from scrapeclean.config import _may_name_the_table

    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib

    document = tomllib.loads(text)  # every case is valid TOML
    assert _may_name_the_table(text.encode()) is holds
    if not holds:
        assert "scrapeclean" not in document.get("tool", {})


def test_a_pyproject_without_the_table_is_not_parsed(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "scrapeclean"\nversion = = "broken"\n')
    config = load(path)
    assert config == Config(source=str(path))


def test_a_config_is_immutable_compared_by_value_and_pickles():
    import copy
    import pickle

    config = Config(passes=["a"], settings={"a": {"x": 1}}, source="pyproject.toml")
    assert pickle.loads(pickle.dumps(config)) == config == copy.deepcopy(config)
    assert config != Config(passes=["b"], settings={"a": {"x": 1}}, source="pyproject.toml")
    assert config.passes == ("a",) and config.override(passes=["b"]).passes == ("b",)
    with pytest.raises(AttributeError, match="immutable"):
        config.passes = ("b",)
    with pytest.raises(TypeError, match="text_feild"):
        Config(text_feild="x")
