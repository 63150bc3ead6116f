from pathlib import Path

import pytest

from extractor.core.config import DEFAULT_MAX_BYTES, FileConfig, load_config, merge_options
from extractor.core.errors import ConfigError


def test_no_pyproject_means_defaults(tmp_path: Path) -> None:
    assert load_config(cwd=tmp_path) == FileConfig()


def test_pyproject_table_is_read_with_paths_relative_to_it(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.extractor]\nmodel = "blank"\npatterns = ["p/orgs.jsonl"]\n'
        'acronyms = "acr.tsv"\nmax_bytes = 1000\nignore = ["empty-item"]\n',
        encoding="utf-8",
    )
    config = load_config(cwd=tmp_path)
    assert config.model == "blank"
    assert config.patterns == (tmp_path / "p" / "orgs.jsonl",)
    assert config.acronym_dict == tmp_path / "acr.tsv"
    assert (config.max_bytes, config.ignore) == (1000, ("empty-item",))


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("colour = 1", "unknown setting 'colour'"),
        ("max_bytes = -5", "positive whole number"),
        ("patterns = 3", "must be a path or a list of paths"),
        ("ignore = 'x'", "list of rule codes"),
        ("model = [", "not valid TOML"),
    ],
)
def test_bad_config_names_the_problem(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "extractor.toml"
    path.write_text(body + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(path)


def test_missing_config_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read the config file"):
        load_config(tmp_path / "nope.toml")


def test_command_line_wins_and_patterns_add_up(tmp_path: Path) -> None:
    config = FileConfig(model="blank", patterns=(tmp_path / "a.jsonl",), max_bytes=10)
    options = merge_options(config, model="en_core_web_sm", patterns=(tmp_path / "b.jsonl",))
    assert options.model == "en_core_web_sm"
    assert options.patterns == (tmp_path / "a.jsonl", tmp_path / "b.jsonl")
    assert options.max_bytes == 10


def test_defaults_when_nothing_is_set() -> None:
    options = merge_options(FileConfig())
    assert (options.model, options.max_bytes, options.patterns) == ("auto", DEFAULT_MAX_BYTES, ())
