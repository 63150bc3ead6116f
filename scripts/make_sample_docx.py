"""Build the Word samples in samples/ from the content held in this script.

Usage: .venv/bin/python scripts/make_sample_docx.py [OUT_DIR]   (default: samples/)

Each sample is a list of blocks. The builder maps each block kind to real Word structure:
bold speaker headers, "List Bullet" paragraphs numbered through their style, a priority list
with its own w:numPr pointing at a decimal numbering definition added to numbering.xml,
Heading 2 sections, "List Number" points and tables. The text of
community-safety-forum-word-2024-03-12.docx matches samples/community-safety-forum-2024-03-12.txt
line for line (markers aside).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

Kind = Literal[
    "title",
    "heading1",
    "heading2",
    "para",
    "speaker",
    "bullet",
    "bullet2",
    "own_numbered",
    "list_number",
    "blank",
]

STYLE_OF: dict[Kind, str] = {
    "title": "Title",
    "heading1": "Heading 1",
    "heading2": "Heading 2",
    "para": "Normal",
    "speaker": "Normal",
    "bullet": "List Bullet",
    "bullet2": "List Bullet 2",
    "own_numbered": "List Paragraph",
    "list_number": "List Number",
    "blank": "Normal",
}


@dataclass(frozen=True)
class Para:
    """One paragraph of a sample: its kind (which decides style and numbering) and text."""

    kind: Kind
    text: str = ""


@dataclass(frozen=True)
class Table:
    """A table of a sample; the first row is the header row."""

    rows: tuple[tuple[str, ...], ...]


Block = Para | Table


def _p(kind: Kind, *texts: str) -> list[Block]:
    return [Para(kind, text) for text in texts]


COMMUNITY_SAFETY: list[Block] = [
    Para("title", "KNF Community Safety Forum: Safer Streets, Safer Spaces"),
    Para(
        "para",
        "Tuesday 12 March 2024, 6.30-8.30pm at Marlow Road Community Centre, Kellingford",
    ),
    Para("blank"),
    Para("speaker", "Councillor Priya Ramasamy, London Borough of Kellingford"),
    *_p(
        "bullet",
        "Welcomed everyone and thanked the Marlow Road Community Centre team for hosting the "
        "forum.",
        "Knife crime and robbery are still the issues residents raise most often at her ward "
        "surgeries.",
        "The council has secured £1.2m from the Levelling Up Fund for lighting and CCTV on the "
        "canal towpath and around Brookfield station.",
        "Lasting change depends on partnership working through the Community Safety Partnership "
        "(CSP), and she thanked KNF for bringing residents to the table.",
    ),
    Para("blank"),
    Para(
        "speaker",
        "KNF Steering Group chair, Revd Thomas Okafor, St Barnabas Church Kellingford",
    ),
    *_p(
        "bullet",
        "KNF brings together faith, tenant and youth groups so that safety concerns are heard in "
        "one place.",
        "Members want clearer feedback on what happens after they report a concern.",
        "The steering group will hold a listening event with young people in autumn 2024.",
    ),
    Para("blank"),
    Para("speaker", "Helen Marsh, Community Safety Manager at London Borough of Kellingford"),
    *_p(
        "para",
        "Presented the draft Kellingford Safer Communities Strategy (2024-2029) (see "
        "Presentation 1).",
        "The strategy is organised around three priority areas: Youth Violence, Neighbourhood "
        "Crime and Safer Public Spaces.",
        "The strategy sets out the following priorities:",
    ),
    *_p(
        "own_numbered",
        "Preventing serious violence and the exploitation of young people",
        "Reducing burglary, robbery and vehicle crime",
        "Making streets, parks and transport hubs safer for women and girls",
        "Increasing confidence in reporting hate crime",
    ),
    Para("blank"),
    *_p(
        "bullet",
        "The Serious Violence Duty requires the council, police, health and probation services "
        "to work from a shared strategic needs assessment, which was published in January 2024.",
        "VAWG (Violence Against Women and Girls) will have its own action plan, developed with "
        "the Kellingford Women’s Safety Network.",
        "The council funds Harbour Lane Women’s Aid, which supported 420 survivors of domestic "
        "abuse in 2023/24.",
    ),
    Para("bullet2", "Its helpline now runs until 10pm on weekdays."),
    *_p(
        "bullet",
        "Prevent referrals in the borough remain low; free awareness training is available to "
        "community and faith groups.",
        "The CSP will run a public consultation on the strategy, closing on 30 April 2024.",
    ),
    Para(
        "para",
        "ACTION: Helen Marsh to circulate the consultation link and presentation slides to all "
        "forum members.",
    ),
    Para("blank"),
    Para(
        "speaker",
        "Inspector Daniel Kowalski, Neighbourhood Policing Inspector, Metropolitan Police – see "
        "Presentation 2",
    ),
    Para("para", "Extracts from the presentation"),
    *_p(
        "bullet",
        "Kellingford has 36 dedicated ward officers: two police constables and one PCSO for each "
        "of its 12 wards.",
        "Robbery is down 11% on the same period last year, but knife-enabled robbery around "
        "transport hubs remains a concern.",
        "Operation Sceptre weapons sweeps and surrender bins in February 2024 took 46 knives off "
        "the streets.",
        "The Safer Neighbourhood Board (SNB) meets quarterly and scrutinises local stop and "
        "search data.",
        "Residents were urged to report anti-social behaviour online or through their ward panel "
        "rather than assume the police already know.",
    ),
    Para(
        "para",
        "Question from the floor: why do response times seem slower in the evenings? Inspector "
        "Kowalski explained that evening demand is shared across neighbouring boroughs and "
        "offered to bring response-time figures to the next meeting.",
    ),
    Para("blank"),
    Para("speaker", "Amira Haddad, Youth Engagement Lead, Brightpath Youth Trust"),
    *_p(
        "bullet",
        "The Trust runs detached youth work on the Hollins Estate three evenings a week.",
        "Young people told the team they feel least safe on buses after school and in poorly lit "
        "parks.",
        "The Trust has applied to the Safer Streets Fund, run by the Home Office, for a peer "
        "mentoring project and expects a decision in summer 2024.",
        "Youth workers have completed Prevent awareness training with the council’s Prevent team.",
    ),
    Para("blank"),
    Para("speaker", "Councillor Priya Ramasamy, London Borough of Kellingford"),
    *_p(
        "bullet",
        "Thanked the speakers and the residents who stayed on for the discussion.",
        "It was agreed that KNF will send a joint forum response to the Kellingford Safer "
        "Communities Strategy consultation, coordinated by the steering group.",
        "Members were asked to share details of the autumn listening event with youth groups in "
        "their networks.",
    ),
    Para("blank"),
    Para(
        "para",
        "The next forum meeting takes place on Tuesday 14th May 2024 – venue to be confirmed.",
    ),
]

HEALTH_WELLBEING: list[Block] = [
    Para("heading1", "Northmere Health and Wellbeing Board"),
    Para(
        "para",
        "Thursday 25 January 2024, 2.00pm – 4.00pm, Committee Room 2, Northmere Civic Centre",
    ),
    Para("para", "Attendees"),
    Table(
        (
            ("Name", "Organisation", "Role"),
            (
                "Cllr Margaret Ellison",
                "Northmere Council",
                "Chair; Cabinet Member for Adult Social Care and Health",
            ),
            ("Dr Anjali Mehta", "Northmere Council", "Director of Public Health"),
            ("Bridget Nolan", "Northmere Council", "Director of Children’s Services"),
            ("Sarah Quinn", "Mereside Integrated Care Board", "Place Director"),
            ("Dr Kwame Asante", "Riverside Primary Care Network", "Clinical Director"),
            ("Tom Adeyemi", "Healthwatch Northmere", "Chief Officer"),
            ("Superintendent Gareth Lloyd", "Westmoor Police", "District Commander"),
            ("Lorna Fairweather", "Northmere Voluntary Action", "Chief Executive"),
        )
    ),
    Para(
        "para",
        "Apologies: Cllr Imran Siddiqui (Northmere Council), Philip Dowd (Mereside Integrated "
        "Care Board)",
    ),
    Para("heading2", "Welcome and minutes of the previous meeting"),
    *_p(
        "para",
        "The Chair welcomed members and noted that the meeting was quorate.",
        "Decision: The minutes of the meeting held on 16 November 2023 were approved as an "
        "accurate record.",
    ),
    Para("heading2", "Dr Anjali Mehta, Director of Public Health, Northmere Council"),
    *_p(
        "para",
        "Dr Mehta presented the draft Joint Local Health and Wellbeing Strategy 2024–2028, "
        "shaped by conversations with more than 1,400 residents and community groups.",
        "The strategy proposes four priorities for the Board:",
    ),
    *_p(
        "list_number",
        "Giving every child the best start in life",
        "Reducing smoking and obesity-related illness",
        "Improving mental health and wellbeing across the life course",
        "Helping people to live independently at home for longer",
    ),
    *_p(
        "para",
        "Members welcomed the focus on prevention and asked that the final version include clear "
        "measures of progress.",
        "Decision: The Board endorsed the draft strategy for public consultation from 5 February "
        "to 15 March 2024.",
    ),
    Para("heading2", "Sarah Quinn, Place Director, Mereside Integrated Care Board"),
    Para("para", "Winter pressures and system recovery:"),
    *_p(
        "bullet",
        "NHS England’s Urgent and Emergency Care Recovery Plan expects 76% of A&E patients to be "
        "seen within four hours by March 2024; local performance is currently 71%.",
        "The Better Care Fund (BCF) plan for 2023/24 is on track, with most of the fund "
        "supporting hospital discharge and reablement.",
        "Virtual ward capacity has grown to 120 beds, with occupancy at around 70%.",
    ),
    Para(
        "para",
        "Decision: The Board approved the quarter 3 BCF return for submission to NHS England.",
    ),
    Para("heading2", "Tom Adeyemi, Chief Officer, Healthwatch Northmere"),
    Para(
        "para",
        "Healthwatch Northmere presented findings from its autumn 2023 survey of 850 residents "
        "on access to GP appointments.",
    ),
    *_p(
        "bullet",
        "Two in five respondents found it difficult to get through by phone at 8am.",
        "Carers and people with limited English reported the greatest difficulty.",
        "Most respondents were positive about the care they received once seen.",
    ),
    Para(
        "para",
        "Dr Kwame Asante said that Riverside Primary Care Network practices will move to "
        "cloud-based telephony by summer 2024.",
    ),
    Para("heading2", "Any Other Business"),
    *_p(
        "para",
        "Lorna Fairweather reported that Northmere Voluntary Action will host a development "
        "session for voluntary sector partners of the Board in April 2024.",
        "Bridget Nolan asked partners to promote the first Northmere family hub, opening in "
        "Eastgate on 4 March 2024 under the Family Hubs and Start for Life programme.",
    ),
    Para("heading2", "Actions arising"),
    Table(
        (
            ("Action", "Owner", "Due"),
            (
                "Circulate the consultation draft of the strategy to all Board members",
                "Dr Anjali Mehta",
                "2 February 2024",
            ),
            (
                "Bring a report on discharge delays and virtual ward outcomes",
                "Sarah Quinn",
                "21 March 2024",
            ),
            (
                "Share the GP access survey report with Riverside Primary Care Network",
                "Tom Adeyemi",
                "9 February 2024",
            ),
        )
    ),
    Para(
        "para",
        "Date of next meeting: Thursday 21 March 2024, 2.00pm, Committee Room 2, Northmere "
        "Civic Centre",
    ),
]

SAMPLES: dict[str, list[Block]] = {
    "community-safety-forum-word-2024-03-12.docx": COMMUNITY_SAFETY,
    "health-wellbeing-board-2024-01-25.docx": HEALTH_WELLBEING,
}


def add_decimal_numbering(document: Any) -> int:
    """Add a one-level decimal list definition to numbering.xml and return its new numId."""
    numbering = document.part.numbering_part.element
    abstracts = numbering.findall(qn("w:abstractNum"))
    abstract_id = max(int(a.get(qn("w:abstractNumId"))) for a in abstracts) + 1
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    multi = OxmlElement("w:multiLevelType")
    multi.set(qn("w:val"), "hybridMultilevel")
    abstract.append(multi)
    level = OxmlElement("w:lvl")
    level.set(qn("w:ilvl"), "0")
    for tag, value in (("w:start", "1"), ("w:numFmt", "decimal"), ("w:lvlText", "%1.")):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        level.append(child)
    ppr = OxmlElement("w:pPr")
    ind = OxmlElement("w:ind")
    ind.set(qn("w:left"), "720")
    ind.set(qn("w:hanging"), "360")
    ppr.append(ind)
    level.append(ppr)
    abstract.append(level)
    # The schema requires every w:abstractNum to come before the first w:num.
    abstracts[-1].addnext(abstract)
    num = numbering.add_num(abstract_id)
    return int(num.numId)


def _number_paragraph(paragraph: Any, num_id: int) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


def _add_speaker(document: Any, text: str) -> None:
    """Add a bold header paragraph, one bold run per comma-separated part."""
    paragraph = document.add_paragraph(style="Normal")
    parts = text.split(", ")
    for index, part in enumerate(parts):
        run = paragraph.add_run(part if index == len(parts) - 1 else part + ", ")
        run.bold = True


def _add_table(document: Any, table: Table) -> None:
    grid = document.add_table(rows=len(table.rows), cols=len(table.rows[0]))
    grid.style = "Table Grid"
    for row, values in zip(grid.rows, table.rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    for cell in grid.rows[0].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True


def build(blocks: list[Block], path: Path) -> Path:
    """Write one sample document made of `blocks` to `path` and return the path."""
    document = docx.Document()
    num_id = 0
    for block in blocks:
        if isinstance(block, Table):
            _add_table(document, block)
        elif block.kind == "speaker":
            _add_speaker(document, block.text)
        else:
            paragraph = document.add_paragraph(block.text, style=STYLE_OF[block.kind])
            if block.kind == "own_numbered":
                num_id = num_id or add_decimal_numbering(document)
                _number_paragraph(paragraph, num_id)
    document.save(str(path))
    return path


def build_all(out_dir: Path) -> list[Path]:
    """Write every Word sample into `out_dir` and return the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    return [build(blocks, out_dir / name) for name, blocks in SAMPLES.items()]


def main(argv: list[str]) -> int:
    """Build the samples into argv[0], or into samples/ beside this script's folder."""
    out_dir = Path(argv[0]) if argv else Path(__file__).resolve().parents[1] / "samples"
    for path in build_all(out_dir):
        sys.stdout.write(f"wrote {path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
