"""Open an ordinary .docx from its inflated members, without python-docx's package layer.

python-docx inflates every member again and builds a part object for each one; the reader
needs only four XML trees (document, styles, numbering, core properties). For a package whose
content types and relationships are plainly well formed, :func:`open_package` follows the
relationships the way python-docx does (depth first from the package, internal targets only),
parses with python-docx's own XML parser exactly the parts python-docx would parse, and
returns the same trees. Anything out of the ordinary (a missing attribute, a repeated
relationship id, a relationship python-docx would refuse or resolve by its own rules) makes it
return None: the caller then opens the file with python-docx, which behaves as it always has.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from docx.opc.constants import (
    CONTENT_TYPE,
    NAMESPACE,
    RELATIONSHIP_TARGET_MODE,
    RELATIONSHIP_TYPE,
)
from docx.opc.coreprops import CoreProperties
from docx.opc.oxml import parse_xml as parse_package_xml
from docx.opc.part import PartFactory, XmlPart
from docx.oxml.document import CT_Document
from docx.oxml.parser import parse_xml

from extractor.readers.docx.styles import Element

_TYPES = f"{{{NAMESPACE.OPC_CONTENT_TYPES}}}Types"
_OVERRIDE = f"{{{NAMESPACE.OPC_CONTENT_TYPES}}}Override"
_DEFAULT = f"{{{NAMESPACE.OPC_CONTENT_TYPES}}}Default"
_RELATIONSHIPS = f"{{{NAMESPACE.OPC_RELATIONSHIPS}}}Relationships"
_RELATIONSHIP = f"{{{NAMESPACE.OPC_RELATIONSHIPS}}}Relationship"
_PARSE_ERRORS = (SyntaxError, ValueError, TypeError)
"""What parsing raises for bytes that are no XML (lxml's syntax error is a SyntaxError)."""


class _UnusualPackageError(Exception):
    """The package needs python-docx's own handling (raised and caught inside this module)."""


@dataclass(frozen=True, slots=True)
class Package:
    """The parts of an opened package the reader uses."""

    body: Element
    styles: Element | None
    numbering: Element | None
    has_core_rel: bool
    """The package declares a core-properties relationship (only then are they read)."""
    core_properties: Callable[[], Any]
    """Returns the core properties; may raise what python-docx raises for broken ones."""


@dataclass(frozen=True, slots=True)
class _Rel:
    rel_id: str
    reltype: str
    target: str | None
    """The target part name; None for an external target."""


def open_package(members: dict[str, bytes]) -> Package | None:
    """The document's trees read from ``members`` (name → content), or None if it is unusual."""
    try:
        return _open(members)
    except (_UnusualPackageError, RecursionError):
        return None


def _open(members: dict[str, bytes]) -> Package:
    types = _content_types(members)
    package_rels = _rels(members, "/")
    rels: dict[str, list[_Rel]] = {"/": package_rels}
    elements: dict[str, Element | None] = {}
    _walk(members, types, package_rels, rels, elements)
    main = _only(package_rels, RELATIONSHIP_TYPE.OFFICE_DOCUMENT, required=True)
    assert main is not None
    root = elements.get(main)
    if types.get(main) != CONTENT_TYPE.WML_DOCUMENT_MAIN or not isinstance(root, CT_Document):
        raise _UnusualPackageError
    body = root.body
    if body is None:
        raise _UnusualPackageError
    has_core = any(r.reltype == RELATIONSHIP_TYPE.CORE_PROPERTIES for r in package_rels)
    core: CoreProperties | None = None
    if has_core:
        core_name = _only(package_rels, RELATIONSHIP_TYPE.CORE_PROPERTIES, required=True)
        assert core_name is not None
        core_root = elements[core_name]
        if types.get(core_name) != CONTENT_TYPE.OPC_CORE_PROPERTIES or core_root is None:
            raise _UnusualPackageError
        core = CoreProperties(core_root)
    return Package(
        body=body,
        styles=_related(rels[main], RELATIONSHIP_TYPE.STYLES, elements),
        numbering=_related(rels[main], RELATIONSHIP_TYPE.NUMBERING, elements),
        has_core_rel=has_core,
        core_properties=lambda: core,
    )


def _content_types(members: dict[str, bytes]) -> _TypeMap:
    """Each reachable part's content type is looked up here: overrides, then extensions."""
    root = _parse(members["[Content_Types].xml"], package=True)
    if root.tag != _TYPES:
        raise _UnusualPackageError
    overrides: dict[str, str] = {}
    defaults: dict[str, str] = {}
    for override in root.iterchildren(_OVERRIDE):
        name, kind = override.get("PartName"), override.get("ContentType")
        if name is None or kind is None or not name.startswith("/"):
            raise _UnusualPackageError
        overrides[name.lower()] = kind
    for default in root.iterchildren(_DEFAULT):
        extension, kind = default.get("Extension"), default.get("ContentType")
        if extension is None or kind is None:
            raise _UnusualPackageError
        defaults[extension.lower()] = kind
    return _TypeMap(overrides, defaults)


class _TypeMap(dict[str, str]):
    """Content type by part name, resolved like python-docx's case-blind content type map."""

    def __init__(self, overrides: dict[str, str], defaults: dict[str, str]) -> None:
        super().__init__()
        self.overrides = overrides
        self.defaults = defaults

    def resolve(self, part_name: str) -> str:
        """The content type of ``part_name``; raises when the package declares none."""
        found = self.overrides.get(part_name.lower())
        if found is None:
            extension = posixpath.splitext(part_name)[1]
            extension = extension[1:] if extension.startswith(".") else extension
            found = self.defaults.get(extension.lower())
        if found is None:
            raise _UnusualPackageError
        self[part_name] = found
        return found


def _rels(members: dict[str, bytes], part_name: str) -> list[_Rel]:
    """The relationships of ``part_name`` ("/" for the package), targets resolved."""
    base, filename = posixpath.split(part_name)
    data = members.get(posixpath.join(base, "_rels", f"{filename}.rels")[1:])
    if data is None:
        return []
    root = _parse(data, package=True)
    if root.tag != _RELATIONSHIPS:
        raise _UnusualPackageError
    found: list[_Rel] = []
    for element in root.iterchildren(_RELATIONSHIP):
        rel_id, reltype, target = element.get("Id"), element.get("Type"), element.get("Target")
        if rel_id is None or reltype is None or target is None:
            raise _UnusualPackageError
        mode = element.get("TargetMode", RELATIONSHIP_TARGET_MODE.INTERNAL)
        if mode == RELATIONSHIP_TARGET_MODE.EXTERNAL:
            found.append(_Rel(rel_id, reltype, None))
        else:
            found.append(_Rel(rel_id, reltype, posixpath.abspath(posixpath.join(base, target))))
    if len({rel.rel_id for rel in found}) != len(found):
        raise _UnusualPackageError
    return found


def _walk(
    members: dict[str, bytes],
    types: dict[str, str],
    source_rels: list[_Rel],
    rels: dict[str, list[_Rel]],
    elements: dict[str, Element | None],
) -> None:
    """Load the parts reachable from ``source_rels`` depth first, as python-docx does."""
    assert isinstance(types, _TypeMap)
    for rel in source_rels:
        name = rel.target
        if name is None or name in elements:
            continue
        elements[name] = None
        rels[name] = _rels(members, name)
        data = members.get(name[1:])
        if data is None:
            raise _UnusualPackageError
        kind = types.resolve(name)
        part_class = PartFactory.part_type_for.get(kind)
        if rel.reltype != RELATIONSHIP_TYPE.IMAGE and part_class is not None:
            if not issubclass(part_class, XmlPart):
                raise _UnusualPackageError
            elements[name] = _parse(data)
        _walk(members, types, rels[name], rels, elements)


def _only(rels: list[_Rel], reltype: str, *, required: bool) -> str | None:
    """The internal target of the one relationship of ``reltype``; None when there is none."""
    matching = [rel for rel in rels if rel.reltype == reltype]
    if not matching:
        if required:
            raise _UnusualPackageError
        return None
    if len(matching) > 1 or matching[0].target is None:
        raise _UnusualPackageError
    return matching[0].target


def _related(rels: list[_Rel], reltype: str, elements: dict[str, Element | None]) -> Element | None:
    """The XML root of the part related by ``reltype`` (styles, numbering), if any."""
    target = _only(rels, reltype, required=False)
    return None if target is None else elements[target]


def _parse(data: bytes, *, package: bool = False) -> Element:
    """Parse with python-docx's parser (its package parser for content types and relationships).

    The trees are then exactly the ones python-docx would build.
    """
    try:
        xml = cast(str, data)  # the package parser is annotated for str; lxml takes bytes too
        return parse_package_xml(xml) if package else parse_xml(data)
    except _PARSE_ERRORS as e:
        raise _UnusualPackageError from e
