import pytest

from extractor.validate.acronyms import defined_acronyms, unexpanded_acronyms


@pytest.mark.parametrize(
    ("text", "cells", "short"),
    [
        ("The multi-agency Community Safety Partnership (CSP)", (), "CSP"),
        ("Tower Hamlets Community & Voluntary Sector ( THCVS)", (), "THCVS"),
        ("CSP (Community Safety Partnership) met", (), "CSP"),
        (
            "the ADDER programme, which focuses on ‘addiction, disruption, diversion, "
            "enforcement and recovery’",
            (),
            "ADDER",
        ),
        ("CSP: Community Safety Partnership", (), "CSP"),
        ("CSP | Community Safety Partnership", ("CSP", "Community Safety Partnership"), "CSP"),
        ("Jack Steinberg (JBS), Kat Marchán (KZM)", (), "JBS"),
    ],
)
def test_definitions_are_recognised(text: str, cells: tuple[str, ...], short: str) -> None:
    assert short in defined_acronyms(text, cells)


def test_unexpanded_acronyms_once_each_at_first_use() -> None:
    texts = [
        ("THIFF FORUM MEETING MINUTES", ()),
        ("THIFF met the ASB team and the NHS.", ()),
        ("ACTION: the CSP will report. WHEREAS the fund is open", ()),
        ("The Community Safety Partnership (CSP) and THIFF again; now, whereas", ()),
        ("AB. Aster HBase, see Attachment AB; John SMITH attended", ()),
    ]
    assert unexpanded_acronyms(texts) == [("THIFF", 1), ("ASB", 1)]
