from dataclasses import replace
from pathlib import Path

import pytest

from extractor.core.config import (
    DATE_ORDERS,
    DEFAULT_MAX_BYTES,
    FileConfig,
    Limits,
    check_date_order,
    load_config,
    merge_options,
    parse_limit_flags,
)
from extractor.core.errors import ConfigError
from tests.conftest import write_text


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
        ("date_order = 'dmy'", "'date_order' must be one of auto, day-first, month-first"),
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


@pytest.mark.parametrize("order", ["auto", "day-first", "month-first"])
def test_date_order_is_read_from_toml(tmp_path: Path, order: str) -> None:
    path = write_text(tmp_path / "extractor.toml", f'date_order = "{order}"\n')
    config = load_config(path)
    assert config.date_order == order
    assert merge_options(config).date_order == order


@pytest.mark.parametrize("value", ['"us"', '"Day-First"', "1"])
def test_a_bad_date_order_is_a_one_line_config_error(tmp_path: Path, value: str) -> None:
    path = write_text(tmp_path / "extractor.toml", f"date_order = {value}\n")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert "'date_order' must be one of auto, day-first, month-first" in raised.value.one_line()
    assert "\n" not in raised.value.one_line()


def test_date_order_on_the_command_line_wins_over_the_config() -> None:
    config = FileConfig(date_order="month-first")
    assert merge_options(config).date_order == "month-first"
    assert merge_options(config, date_order="day-first").date_order == "day-first"
    assert merge_options(FileConfig()).date_order == "auto"


def test_check_date_order_accepts_only_the_three_values() -> None:
    assert [check_date_order(order) for order in DATE_ORDERS] == list(DATE_ORDERS)
    with pytest.raises(ConfigError, match="--date-order must be one of"):
        check_date_order("dmy", name="--date-order")


def test_limits_table_is_read_and_merged_name_by_name(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.extractor.limits]\nlines = 10\nblocks = 20\n", encoding="utf-8"
    )
    config = load_config(cwd=tmp_path)
    assert config.limits == {"lines": 10, "blocks": 20}
    options = merge_options(config, limits=parse_limit_flags(["blocks=30", "line-chars=1_000"]))
    assert options.limits == replace(Limits(), lines=10, blocks=30, line_chars=1000)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[limits]\nlinez = 5\n", "unknown limit 'linez'"),
        ("[limits]\nlines = 0\n", "'lines' must be a positive whole number"),
        ("[limits]\nlines = '5'\n", "'lines' must be a positive whole number"),
        ("limits = 5\n", "'limits' must be a table"),
    ],
)
def test_bad_limits_name_the_problem(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "extractor.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(path)


@pytest.mark.parametrize("flag", ["lines", "lines=", "lines=many", "nolimit=5", "lines=0"])
def test_bad_limit_flags_are_config_errors(flag: str) -> None:
    with pytest.raises(ConfigError):
        parse_limit_flags([flag])
