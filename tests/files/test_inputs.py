from pathlib import Path

import pytest

from extractor.core import UsageError
from extractor.files import Walk, collect_inputs, describe_skipped, meeting_output, meeting_stem


def _touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x", encoding="utf-8")
    return path


def test_folder_is_mirrored_and_unknown_files_skipped(tmp_path: Path) -> None:
    _touch(tmp_path / "a.txt")
    _touch(tmp_path / "2023" / "b.docx")
    _touch(tmp_path / "2023" / "notes.pptx")
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


def test_a_walk_reports_the_files_it_passes_over_but_not_hidden_ones(tmp_path: Path) -> None:
    _touch(tmp_path / "a.txt")
    _touch(tmp_path / "2023" / "b.txt")
    _touch(tmp_path / "deck.PPTX")
    _touch(tmp_path / "2023" / "sheet.xlsx")
    _touch(tmp_path / "2023" / "other.pptx")
    _touch(tmp_path / "README")
    _touch(tmp_path / ".extractor-manifest.json")
    _touch(tmp_path / ".git" / "config.pdf")
    _touch(tmp_path / "~$lock.docx")
    _touch(tmp_path / "a.expected.json")
    _touch(tmp_path / "out" / "all.jsonl")
    skipped: list[Path] = []
    found = collect_inputs([str(tmp_path), str(tmp_path / "2023" / "*")], skipped=skipped)
    assert [f.path.name for f in found] == ["b.txt", "a.txt"]
    assert sorted(p.name for p in skipped) == ["README", "deck.PPTX", "other.pptx", "sheet.xlsx"]
    assert describe_skipped(skipped) == ("4 files skipped: 2 .pptx, 1 .xlsx, 1 without extension")


def test_a_file_named_directly_is_taken_not_skipped(tmp_path: Path) -> None:
    _touch(tmp_path / "a.txt")
    pdf = _touch(tmp_path / "scan.pdf")
    skipped: list[Path] = []
    found = collect_inputs([str(tmp_path), str(pdf)], skipped=skipped)
    assert [f.path.name for f in found] == ["a.txt", "scan.pdf"]
    assert skipped == []


@pytest.mark.parametrize(
    ("names", "line"),
    [
        (["x.pdf"], "1 file skipped: 1 .pdf"),
        (["a.doc", "b.doc", "c.key"], "3 files skipped: 2 .doc, 1 .key"),
    ],
)
def test_describe_skipped_counts_by_kind(names: list[str], line: str) -> None:
    assert describe_skipped([Path(name) for name in names]) == line


@pytest.mark.parametrize("name", [".extractor-manifest.txt", ".Extractor-Manifest.md"])
def test_an_input_whose_output_is_the_manifest_is_a_clash(tmp_path: Path, name: str) -> None:
    """Regression: it was converted, then overwritten by the manifest."""
    path = _touch(tmp_path / name)
    with pytest.raises(UsageError, match=r"would write \.extractor-manifest\.json, which records"):
        collect_inputs([str(path)])
    [kept] = collect_inputs([str(path)], keep_extension=True)
    assert kept.relative_output == Path(f"{name}.json")


def test_names_equal_after_unicode_normalisation_clash(tmp_path: Path) -> None:
    """Regression: café written with a combining accent and without were two outputs."""
    composed, decomposed = "caf\u00e9", "cafe\u0301"
    _touch(tmp_path / f"{composed}.txt")
    _touch(tmp_path / f"{decomposed}.md")
    with pytest.raises(UsageError, match="would write the same output file"):
        collect_inputs([str(tmp_path)])


def test_an_output_where_another_needs_a_folder_is_a_clash(tmp_path: Path) -> None:
    """Regression: a.txt wrote a.json, and a.json/x.txt then needed a folder a.json."""
    _touch(tmp_path / "a.txt")
    _touch(tmp_path / "a.json" / "x.txt")
    with pytest.raises(UsageError, match=r"would write the file a\.json, where .*x\.txt needs"):
        collect_inputs([str(tmp_path)])


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


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("a.1.json", "a"),
        ("a.b.12.JSON", "a.b"),
        ("minutes.json", None),
        (".1.json", None),
        ("a.x.json", None),
        ("a.1.jsonl", None),
        ("a.1", None),
    ],
)
def test_meeting_stem_reads_back_what_meeting_output_writes(name: str, stem: str | None) -> None:
    assert meeting_stem(name) == stem
    if stem is not None:
        assert meeting_output(Path(f"{stem}.json"), 7).name == f"{stem}.7.json"
