from extractor.readers.lines import split_lines
from extractor.readers.markdown.frontmatter import split_front_matter


def test_yaml_front_matter_flat_values() -> None:
    lines = split_lines(
        "---\n"
        'title: "Meeting Notes &#58; Police"\n'
        "date: 2006-07-26 23:23:37\n"
        "categories:\n"
        '  - "parish"\n'
        "  - village\n"
        "excerpt: |\n"
        "    First line\n"
        "    second line\n"
        "---\n"
        "Body\n"
    )
    metadata, start = split_front_matter(lines)
    assert metadata == {
        "title": "Meeting Notes : Police",
        "date": "2006-07-26 23:23:37",
        "categories": "parish, village",
        "excerpt": "First line second line",
    }
    assert lines[start].text == "Body"


def test_empty_yaml_front_matter() -> None:
    lines = split_lines("---\n---\n\n# Heading\n")
    assert split_front_matter(lines) == ({}, 2)


def test_unclosed_or_prose_dashes_are_not_front_matter() -> None:
    assert split_front_matter(split_lines("---\nSome prose here.\n---\nMore\n")) == ({}, 0)
    assert split_front_matter(split_lines("---\ntitle: x\n")) == ({}, 0)


def test_pelican_front_matter() -> None:
    lines = split_lines(
        "Title: Council Minutes\nDate: 2021-10-20 18:30\nCategory: Minutes\n\n## Body\n"
    )
    metadata, start = split_front_matter(lines)
    assert metadata == {
        "title": "Council Minutes",
        "date": "2021-10-20 18:30",
        "category": "Minutes",
    }
    assert lines[start].is_blank()


def test_key_value_minutes_lines_are_not_pelican_metadata() -> None:
    lines = split_lines("Present: Ann, Bob\nApologies: none\n\nText\n")
    assert split_front_matter(lines) == ({}, 0)
    lines = split_lines("Date: 5 March 2024\nTime: 7pm\n\nText\n")
    assert split_front_matter(lines) == ({}, 0)
