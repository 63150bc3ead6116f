from pathlib import Path

import pytest

from extractor.core import UsageError
from extractor.files.inputs import Walk, collect_inputs


def _touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x", encoding="utf-8")
    return path


def test_folder_is_mirrored_and_unknown_files_skipped(tmp_path: Path) -> None:
    _touch(tmp_path / "a.txt")
    _touch(tmp_path / "2023" / "b.docx")
    _touch(tmp_path / "2023" / "notes.pdf")
    _touch(tmp_path / ".git" / "c.md")
    _touch(tmp_path / "~$lock.docx")
    found = collect_inputs([str(tmp_path)])
    assert [(f.path.name, str(f.relative_output)) for f in found] == [
        ("b.docx", "2023/b.json"),
        ("a.txt", "a.json"),
    ]


def test_files_named_directly_land_at_the_top(tmp_path: Path) -> None:
    path = _touch(tmp_path / "deep" / "x.md")
    [found] = collect_inputs([str(path)])
    assert found.relative_output == Path("x.json")


def test_glob_is_expanded(tmp_path: Path) -> None:
    _touch(tmp_path / "a.txt")
    _touch(tmp_path / "b.txt")
    _touch(tmp_path / "c.md")
    found = collect_inputs([str(tmp_path / "*.txt")])
    assert sorted(f.path.name for f in found) == ["a.txt", "b.txt"]


def test_same_file_twice_is_converted_once(tmp_path: Path) -> None:
    path = _touch(tmp_path / "a.txt")
    assert len(collect_inputs([str(path), str(tmp_path)])) == 1


def test_clash_is_reported_before_anything_is_written(tmp_path: Path) -> None:
    _touch(tmp_path / "a.txt")
    _touch(tmp_path / "a.docx")
    with pytest.raises(UsageError, match=r"would write the same output file.*--keep-extension"):
        collect_inputs([str(tmp_path)])


def test_keep_extension_resolves_the_clash(tmp_path: Path) -> None:
    _touch(tmp_path / "a.txt")
    _touch(tmp_path / "a.docx")
    names = sorted(
        str(f.relative_output) for f in collect_inputs([str(tmp_path)], keep_extension=True)
    )
    assert names == ["a.docx.json", "a.txt.json"]


@pytest.mark.parametrize("argument", ["*.nothing", "missing-*.txt"])
def test_glob_matching_nothing_is_a_usage_error(tmp_path: Path, argument: str) -> None:
    with pytest.raises(UsageError, match="nothing matches"):
        collect_inputs([str(tmp_path / argument)])


def test_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"no input files found \(looked for \.docx"):
        collect_inputs([str(tmp_path)])


def test_missing_file_is_kept_to_fail_in_its_turn(tmp_path: Path) -> None:
    [found] = collect_inputs([str(tmp_path / "gone.txt")])
    assert found.path.name == "gone.txt"


def _linked_folder(tmp_path: Path) -> Path:
    """``in/`` with a file, a link to a file outside it and a link to a file inside it."""
    folder = tmp_path / "in"
    _touch(folder / "a.txt")
    _touch(tmp_path / "secret.txt")
    (folder / "outside.txt").symlink_to(tmp_path / "secret.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "inside.md").symlink_to(folder / "a.txt")
    (folder / "sub" / "b.md").symlink_to(Path("..") / ".." / "secret.txt")
    return folder


def test_links_leading_out_of_a_folder_are_skipped_and_listed(tmp_path: Path) -> None:
    folder = _linked_folder(tmp_path)
    walk = Walk()
    found = [item.path for item in collect_inputs([str(folder)], walk=walk)]
    assert found == [folder / "a.txt"]  # sub/inside.md is a.txt again
    assert walk.skipped == [(folder / "outside.txt", folder), (folder / "sub" / "b.md", folder)]


def test_follow_symlinks_follows_them(tmp_path: Path) -> None:
    folder = _linked_folder(tmp_path)
    walk = Walk(follow_symlinks=True)
    found = [item.path for item in collect_inputs([str(folder)], walk=walk)]
    assert found == [folder / "a.txt", folder / "outside.txt"]
    assert walk.skipped == []


def test_a_link_named_on_the_command_line_is_followed(tmp_path: Path) -> None:
    folder = _linked_folder(tmp_path)
    walk = Walk()
    found = [item.path for item in collect_inputs([str(folder / "outside.txt")], walk=walk)]
    assert found == [folder / "outside.txt"] and walk.skipped == []
