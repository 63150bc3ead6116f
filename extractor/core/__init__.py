"""The contracts every stage shares; imports nothing else of ``extractor``.

- :mod:`.models`: the pydantic output models (:class:`Minutes` and its parts), the single
  source of truth of the JSON Schema;
- :mod:`.schema`: the schema built from the models, and validation against it;
- :mod:`.document`: what the readers give (:class:`RawDocument` of :class:`Block` s with their
  :class:`Origin`) and what the segmenter gives (:class:`Segmented`);
- :mod:`.errors`: the one exception hierarchy, each error a one-line message naming its file;
- :mod:`.config`: :class:`Options`, read from TOML and merged with the command line.
"""

from __future__ import annotations

from extractor.core.config import (
    DATE_ORDERS,
    DEFAULT_MAX_BYTES,
    DateOrder,
    Options,
    check_date_order,
    load_config,
    merge_options,
)
from extractor.core.document import (
    FORMATS,
    KNOWN_EXTENSIONS,
    Block,
    BlockKind,
    Origin,
    RawDocument,
    Segmented,
    SourceFormat,
)
from extractor.core.errors import (
    ConfigError,
    ExtractorError,
    IndexDatabaseError,
    InputError,
    InternalError,
    ModelError,
    NoMinutesError,
    NoTextLayerError,
    OutputError,
    SchemaValidationError,
    SearchError,
    UnsupportedFormatError,
    UsageError,
    internal_error,
)
from extractor.core.models import (
    SCHEMA_VERSION,
    Acronym,
    ActionItem,
    Decision,
    DocumentEntity,
    EntityLabel,
    EntityMention,
    Item,
    ItemKind,
    ItemTag,
    Meeting,
    Minutes,
    MinutesWarning,
    NextMeeting,
    Person,
    Priority,
    Section,
    SourceFile,
    SourceRef,
    SourceSpan,
    Speaker,
)
from extractor.core.schema import schema_errors, schema_text, validate_document

__all__ = [
    "DATE_ORDERS",
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "KNOWN_EXTENSIONS",
    "SCHEMA_VERSION",
    "Acronym",
    "ActionItem",
    "Block",
    "BlockKind",
    "ConfigError",
    "DateOrder",
    "Decision",
    "DocumentEntity",
    "EntityLabel",
    "EntityMention",
    "ExtractorError",
    "IndexDatabaseError",
    "InputError",
    "InternalError",
    "Item",
    "ItemKind",
    "ItemTag",
    "Meeting",
    "Minutes",
    "MinutesWarning",
    "ModelError",
    "NextMeeting",
    "NoMinutesError",
    "NoTextLayerError",
    "Options",
    "Origin",
    "OutputError",
    "Person",
    "Priority",
    "RawDocument",
    "SchemaValidationError",
    "SearchError",
    "Section",
    "Segmented",
    "SourceFile",
    "SourceFormat",
    "SourceRef",
    "SourceSpan",
    "Speaker",
    "UnsupportedFormatError",
    "UsageError",
    "check_date_order",
    "internal_error",
    "load_config",
    "merge_options",
    "schema_errors",
    "schema_text",
    "validate_document",
]
