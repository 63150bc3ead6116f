"""pydantic v2 models of the output contract: the single source of truth for the JSON Schema.

Field names follow the published contract (schema version 1); ``schemas/minutes.schema.json``
is generated from :class:`Minutes` by :mod:`extractor.core.schema` and committed.
"""

from __future__ import annotations

from typing import Any, Final, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
)

SCHEMA_VERSION: Final = "1.1.0"

EntityLabel = Literal["ORG", "PERSON", "PLACE", "DATE", "PROGRAMME"]
ItemKind = Literal[
    "bullet",
    "numbered",
    "paragraph",
    "lead_in",
    "caption",
    "table_row",
    "action",
    "decision",
    "utterance",
]
ItemTag = Literal["priority", "action", "decision"]


class _Model(BaseModel):
    """Shared settings: unknown fields are errors, so typos never pass silently."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class SourceFile(_Model):
    """The input file a document was made from."""

    path: str = Field(description="The input path as given on the command line.")
    format: Literal["docx", "txt", "md", "odt", "rtf", "pdf"]
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the input bytes.")
    encoding: str | None = Field(
        default=None,
        description="Text encoding (an RTF file's code page); null for .docx and .odt.",
    )
    span: SourceSpan | None = Field(
        default=None,
        description="For a file of several meetings (one document each): this meeting's part; "
        "absent otherwise.",
    )

    @model_serializer(mode="wrap")
    def _span_when_split(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """Write ``span`` only for a meeting cut from a file of several."""
        data: dict[str, Any] = handler(self)
        if data.get("span") is None:
            data.pop("span", None)
        return data


class SourceSpan(_Model):
    """The part of an input one meeting came from, when the input holds several."""

    first: SourceRef = Field(description="Where the meeting's first block starts.")
    last: SourceRef = Field(description="Where the meeting's last block starts.")


class SourceRef(_Model):
    """Where something sits in the input: a line, a docx body-block index and cell, a PDF page."""

    page: int | None = Field(default=None, ge=1, description="1-based page (PDF).")
    line: int | None = Field(
        default=None, ge=1, description="1-based line (text files; the line on the page for PDF)."
    )
    paragraph: int | None = Field(
        default=None, ge=0, description="0-based body-block index, paragraphs and tables (docx)."
    )
    table: int | None = Field(default=None, ge=0, description="0-based table index (docx).")
    row: int | None = Field(default=None, ge=0, description="0-based row in the table.")
    cell: int | None = Field(default=None, ge=0, description="0-based cell in the row.")

    @model_serializer(mode="plain")
    def _only_set(self) -> dict[str, int]:
        """Write only the coordinates that apply: ``{"line": 7}``, not five keys with nulls."""
        return {key: value for key, value in self.__dict__.items() if value is not None}


class EntityMention(_Model):
    """One entity found in a text; ``start``/``end`` are 0-based offsets into it, end exclusive."""

    text: str
    label: EntityLabel
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    value: str | None = Field(default=None, description="EDTF value of a DATE (ISO 8601-2).")
    expansion: str | None = Field(default=None, description="Long form of an acronym mention.")
    canonical: str | None = Field(default=None, description="Normalised name from the gazetteer.")


class Speaker(_Model):
    """The person a section (or transcript line) belongs to."""

    name: str | None = None
    title: str | None = Field(
        default=None, description="Office, rank or honorific before the name."
    )
    role: str | None = None
    organisation: str | None = None
    canonical: str | None = None
    reference: str | None = Field(
        default=None, description="A trailing reference such as 'see Presentation 2'."
    )


class Person(_Model):
    """An attendee or apology as listed."""

    name: str
    role: str | None = None
    organisation: str | None = None


class Item(_Model):
    """One bullet, numbered point, paragraph, table row or transcript line of a section."""

    id: str = Field(pattern=r"^s\d+\.i\d+$")
    kind: ItemKind
    marker: str | None = None
    level: int = Field(default=0, ge=0)
    text: str
    source: SourceRef
    speaker: Speaker | None = None
    entities: list[EntityMention] = Field(default_factory=list)
    tags: list[ItemTag] = Field(default_factory=list)


class Section(_Model):
    """A speaker's (or a topic's) part of the minutes: its header line and its items."""

    id: str = Field(pattern=r"^s\d+$")
    heading: str = Field(description="The raw header line as written.")
    speaker: Speaker | None = None
    source: SourceRef
    entities: list[EntityMention] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)


class Meeting(_Model):
    """What the header says about the meeting itself."""

    title: str | None = None
    date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    start_time: str | None = Field(default=None, pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    end_time: str | None = Field(default=None, pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    location: str | None = None
    source: SourceRef | None = None


class DocumentEntity(_Model):
    """A distinct entity of the whole document, with how often and in which items it occurs."""

    text: str
    label: EntityLabel
    value: str | None = None
    expansion: str | None = None
    canonical: str | None = None
    count: int = Field(ge=1)
    items: list[str] = Field(default_factory=list)


class Acronym(_Model):
    """An acronym the document itself defines."""

    short: str
    long: str


class Priority(_Model):
    """A priority the minutes list, in order."""

    rank: int = Field(ge=1)
    text: str
    item: str | None = None


class ActionItem(_Model):
    """An action recorded in the minutes."""

    text: str
    owner: str | None = None
    due: str | None = None
    item: str | None = None


class Decision(_Model):
    """A decision or formally recorded outcome."""

    text: str
    item: str | None = None


class NextMeeting(_Model):
    """The closing next-meeting line; ``date`` is null when it gives none."""

    date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    text: str
    source: SourceRef | None = None


class MinutesWarning(_Model):
    """Something the extractor noticed that a reader of the minutes should know."""

    model_config = ConfigDict(extra="forbid", title="Warning")

    code: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    message: str
    line: int | None = Field(default=None, ge=1)
    paragraph: int | None = Field(default=None, ge=0)
    page: int | None = Field(
        default=None,
        ge=1,
        description="1-based page (PDF); left out when not a PDF.",
        exclude_if=lambda v: v is None,
    )


class Minutes(_Model):
    """One converted meeting-minutes document (schema version 1)."""

    model_config = ConfigDict(
        extra="forbid",
        title="Minutes",
        json_schema_extra={
            "$comment": "Generated from extractor.core.models; do not edit by hand."
        },
    )

    schema_version: Literal["1.1.0", "1.0.0"] = Field(
        default=SCHEMA_VERSION,
        description="The version this document was written in (1.0.0 documents still load).",
    )
    source: SourceFile
    meeting: Meeting = Field(default_factory=Meeting)
    attendees: list[Person] = Field(default_factory=list)
    apologies: list[Person] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    entities: list[DocumentEntity] = Field(default_factory=list)
    acronyms: list[Acronym] = Field(default_factory=list)
    priorities: list[Priority] = Field(default_factory=list)
    action_items: list[ActionItem] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    next_meeting: NextMeeting | None = None
    warnings: list[MinutesWarning] = Field(default_factory=list)
