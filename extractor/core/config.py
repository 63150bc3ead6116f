"""Settings that shape a conversion, from defaults, a TOML config file and the command line.

A config file is either a dedicated TOML file (``--config extractor.toml``, keys at the top
level) or the ``[tool.extractor]`` table of ``pyproject.toml`` in the current folder. Relative
paths in a config file are taken relative to that file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal, get_args

from extractor.core.errors import ConfigError

DEFAULT_MAX_BYTES = 20_000_000


@dataclass(frozen=True, slots=True)
class Limits:
    """Work budgets per input, counted in units of work rather than seconds.

    Each bounds one step whose cost grows with the input: what a .docx inflates to, how much
    XML is parsed, how many blocks and lines are segmented, how long a line is, how much text
    the tagger sees. An input over a budget is refused with a
    :class:`~extractor.core.errors.BudgetError` naming the budget. The defaults are far above
    real minutes (the largest seen use under a tenth of each), so only hostile or runaway
    inputs meet them. Set them under ``[tool.extractor.limits]`` or with ``--limit NAME=N``.
    """

    xml_bytes: int = 50_000_000
    """Bytes of XML a .docx inflates to (its ``.xml`` and ``.rels`` parts), checked before
    inflating."""
    xml_elements: int = 2_000_000
    """XML elements in those parts, counted before they are parsed."""
    blocks: int = 100_000
    """Blocks (paragraphs, list items, table rows, lines) the reader gives the segmenter."""
    lines: int = 200_000
    """Lines of a text or Markdown file."""
    line_chars: int = 250_000
    """Characters in the longest line of a text file or the longest block of any input."""
    tagger_chars: int = 2_000_000
    """Characters of one document sent to the tagger (items, headings, header lines)."""


DEFAULT_LIMITS = Limits()
LIMIT_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Limits))


def set_limits(limits: Limits, values: Mapping[str, object], *, path: Path | None = None) -> Limits:
    """``limits`` with ``values`` (budget name → positive whole number) set; checked."""
    for name, value in values.items():
        if name not in LIMIT_NAMES:
            known = ", ".join(LIMIT_NAMES)
            raise ConfigError(f"unknown limit {name!r} (known: {known})", path=path)
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise ConfigError(f"limit {name!r} must be a positive whole number", path=path)
    return replace(limits, **values)  # type: ignore[arg-type]


def parse_limit_flags(flags: list[str]) -> dict[str, int]:
    """``["lines=500000"]`` (``--limit`` values) as ``{"lines": 500000}``; ConfigError if bad."""
    values: dict[str, int] = {}
    for flag in flags:
        name, sep, number = flag.partition("=")
        name = name.strip().replace("-", "_")
        digits = number.strip().replace("_", "").replace(",", "")
        if not sep or not digits.isdigit():
            known = ", ".join(LIMIT_NAMES)
            raise ConfigError(f"--limit takes NAME=NUMBER (names: {known}), not {flag!r}")
        values[name] = int(digits)
    set_limits(DEFAULT_LIMITS, values)
    return values


DateOrder = Literal["auto", "day-first", "month-first"]
"""How numeric dates ("03/05/2018") are read: decided per document from its own evidence
(``auto``), or always day first (3 May) or month first (March 5)."""
DATE_ORDERS: tuple[DateOrder, ...] = get_args(DateOrder)


@dataclass(frozen=True, slots=True)
class Options:
    """Everything that changes what a conversion produces."""

    model: str = "auto"
    patterns: tuple[Path, ...] = ()
    acronym_dict: Path | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    batch_size: int = 256
    date_order: DateOrder = "auto"
    limits: Limits = DEFAULT_LIMITS


@dataclass(frozen=True, slots=True)
class FileConfig:
    """What a config file says; ``None`` means "not set there"."""

    path: Path | None = None
    model: str | None = None
    patterns: tuple[Path, ...] = ()
    acronym_dict: Path | None = None
    max_bytes: int | None = None
    ignore: tuple[str, ...] = ()
    date_order: DateOrder | None = None
    limits: dict[str, int] = field(default_factory=dict)
    """The budgets the file sets (its ``limits`` table), by name."""
    extra: dict[str, Any] = field(default_factory=dict)


_KNOWN_KEYS = {"model", "patterns", "acronyms", "max_bytes", "ignore", "date_order", "limits"}


def load_config(path: Path | None = None, *, cwd: Path | None = None) -> FileConfig:
    """Read ``path``, or ``[tool.extractor]`` of ``pyproject.toml`` in ``cwd`` if present."""
    if path is None:
        candidate = (cwd or Path.cwd()) / "pyproject.toml"
        if not candidate.is_file():
            return FileConfig()
        table = _read_toml(candidate).get("tool", {}).get("extractor", {})
        return _parse(table, candidate)
    return _parse(_read_toml(path), path)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as e:
        raise ConfigError(f"cannot read the config file: {e.strerror}", path=path) from e
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"the config file is not valid TOML: {e}", path=path) from e


def _parse(table: dict[str, Any], origin: Path) -> FileConfig:
    """Check the keys and types of a config table and resolve its paths."""
    unknown = sorted(set(table) - _KNOWN_KEYS)
    if unknown:
        known = ", ".join(sorted(_KNOWN_KEYS))
        raise ConfigError(f"unknown setting {unknown[0]!r} (known: {known})", path=origin)
    base = origin.parent

    def paths(value: Any, key: str) -> tuple[Path, ...]:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            raise ConfigError(f"{key!r} must be a path or a list of paths", path=origin)
        return tuple(base / v for v in items)

    max_bytes = table.get("max_bytes")
    if max_bytes is not None and (not isinstance(max_bytes, int) or max_bytes <= 0):
        raise ConfigError("'max_bytes' must be a positive whole number", path=origin)
    model = table.get("model")
    if model is not None and not isinstance(model, str):
        raise ConfigError("'model' must be a string", path=origin)
    acronyms = paths(table["acronyms"], "acronyms") if "acronyms" in table else ()
    if len(acronyms) > 1:
        raise ConfigError("'acronyms' takes one file", path=origin)
    ignore = table.get("ignore", [])
    if not isinstance(ignore, list) or not all(isinstance(v, str) for v in ignore):
        raise ConfigError("'ignore' must be a list of rule codes", path=origin)
    date_order = table.get("date_order")
    if date_order is not None:
        date_order = check_date_order(date_order, path=origin, name="'date_order'")
    limits = table.get("limits", {})
    if not isinstance(limits, dict):
        raise ConfigError("'limits' must be a table of budgets (NAME = NUMBER)", path=origin)
    set_limits(Limits(), limits, path=origin)
    return FileConfig(
        path=origin,
        model=model,
        patterns=paths(table["patterns"], "patterns") if "patterns" in table else (),
        acronym_dict=acronyms[0] if acronyms else None,
        max_bytes=max_bytes,
        ignore=tuple(ignore),
        date_order=date_order,
        limits=dict(limits),
    )


def check_date_order(
    value: object, *, path: Path | None = None, name: str = "date order"
) -> DateOrder:
    """``value`` as a :data:`DateOrder`; a :class:`ConfigError` naming the choices otherwise."""
    for order in DATE_ORDERS:
        if value == order:
            return order
    choices = ", ".join(DATE_ORDERS)
    raise ConfigError(f"{name} must be one of {choices}, not {value!r}", path=path)


def merge_options(
    config: FileConfig,
    *,
    model: str | None = None,
    patterns: tuple[Path, ...] = (),
    acronym_dict: Path | None = None,
    max_bytes: int | None = None,
    date_order: DateOrder | None = None,
    limits: dict[str, int] | None = None,
) -> Options:
    """Command-line values win over the config file, which wins over the defaults.

    Pattern files add up: the config file's first, then the command line's; so do budgets,
    name by name.
    """
    return Options(
        model=model or config.model or "auto",
        patterns=config.patterns + patterns,
        acronym_dict=acronym_dict or config.acronym_dict,
        max_bytes=max_bytes or config.max_bytes or DEFAULT_MAX_BYTES,
        date_order=date_order or config.date_order or "auto",
        limits=set_limits(Limits(), {**config.limits, **(limits or {})}),
    )
