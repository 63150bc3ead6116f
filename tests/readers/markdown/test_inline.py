import pytest

from extractor.readers.markdown.inline import clean_inline


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("**bold** and __strong__", "bold and strong"),
        ("*em* and _em_ and ***both***", "em and em and both"),
        ("snake_case_name stays", "snake_case_name stays"),
        ("[Issue 12](https://example.org/issues/12) - token", "Issue 12 - token"),
        ("[Wiki](https://en.wikipedia.org/wiki/Foo_(bar)) page", "Wiki page"),
        ("[text][ref] style", "text style"),
        ("![logo](logo.png) Minutes", "Minutes"),
        ("Recording: <https://example.org/v?id=1>", "Recording: https://example.org/v?id=1"),
        ("mail <mailto:team@example.org>", "mail team@example.org"),
        ("use `match-path` and ``a `b` c``", "use match-path and a `b` c"),
        ("1\\. Apologies \\*not em\\*", "1. Apologies *not em*"),
        ("Notes &#58; Police &amp; Crime&nbsp;Panel", "Notes : Police & Crime Panel"),
        ("no\u00a0break  spaces", "no break spaces"),
        ("line<br>break <span class='x'>tag</span>", "line break tag"),
        ("~~struck~~ text", "struck text"),
        ("<!-- hidden --> shown", "shown"),
        ("CHAIR**:**", "CHAIR:"),
        ("*Extracted from **agenda** issues.", "Extracted from agenda issues."),
        ("5 * 3 = 15", "5 * 3 = 15"),
    ],
)
def test_clean_inline_text(raw: str, text: str) -> None:
    assert clean_inline(raw)[0] == text


@pytest.mark.parametrize(
    ("raw", "bold"),
    [
        ("**2\\. Minutes of Last Meeting**", True),
        ("__Whole line__", True),
        ("**Part** of it", False),
        ("**Apologies**   none", False),
        ("**Present:**", True),
        ("plain", False),
    ],
)
def test_clean_inline_bold_line(raw: str, bold: bool) -> None:
    assert clean_inline(raw)[1] is bold


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("Budget <style>p { margin: 0 }</style>agreed", "Budget agreed"),
        ("Budget <SCRIPT type='x'>alert(1)</script> agreed", "Budget agreed"),
        ("Budget <span class='x'>agreed</span>", "Budget agreed"),
        ("Code `<style>` kept", "Code <style> kept"),
    ],
)
def test_scripts_and_styles_go_with_their_content(raw: str, text: str) -> None:
    assert clean_inline(raw)[0] == text
