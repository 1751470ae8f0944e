"""Validate the XML parts of a .docx/.xlsx/.xlsm against the ECMA-376 transitional schemas.

Word and Excel check element order strictly and answer a misordered part with a repair prompt (or
refuse the file); openpyxl, python-docx and LibreOffice read such parts happily, so only an
independent reader catches the mistake. The schemas (tests/schemas/, see its README) are compiled
once into one lxml schema holding every namespace a product file uses.

Before validating, a part is processed as Markup Compatibility (ECMA-376 part 3) tells a reader
that understands only the transitional schemas to: ``mc:AlternateContent`` is replaced by its first
``mc:Choice`` whose required namespaces are understood (else by ``mc:Fallback``), and elements and
attributes in the namespaces listed in ``mc:Ignorable`` are dropped.
"""

from __future__ import annotations

import fnmatch
import io
import zipfile
from functools import cache
from pathlib import Path

from lxml import etree

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
SML_TEXT = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}t"

# Parts that are not validated, and why. Every other part whose name ends in .xml or .rels is.
SKIPPED_PARTS = {
    "docProps/core.xml": "imports the Dublin Core schemas, which are not part of ECMA-376",
    "*.vml": "VML is a legacy format (ECMA-376 part 4) that Office itself writes loosely",
    "customXml/*": "custom XML holds the writer's own vocabulary",
    "*.bin": "binary part (the VBA project)",
}

# Namespace -> schema file: one wrapper schema imports them all.
_IMPORTS = {
    "http://www.w3.org/XML/1998/namespace": "xml.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes": "shared-commonSimpleTypes.xsd",
    "http://schemas.openxmlformats.org/schemaLibrary/2006/main": "shared-customXmlSchemaProperties.xsd",
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "wml.xsd",
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main": "sml.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "dml-main.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/chart": "dml-chart.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing": "dml-spreadsheetDrawing.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties":
        "shared-documentPropertiesExtended.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties": "shared-documentPropertiesCustom.xsd",
    "http://schemas.openxmlformats.org/package/2006/content-types": "opc-contentTypes.xsd",
    "http://schemas.openxmlformats.org/package/2006/relationships": "opc-relationships.xsd",
}


@cache
def _schema() -> tuple[etree.XMLSchema, frozenset[str]]:
    imports = "".join(f'<xsd:import namespace="{ns}" schemaLocation="{name}"/>' for ns, name in _IMPORTS.items())
    wrapper = f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">{imports}</xsd:schema>'
    doc = etree.fromstring(wrapper.encode(), base_url=(SCHEMA_DIR / "all.xsd").as_uri())
    schema = etree.XMLSchema(doc)
    understood = {el.get("targetNamespace") for path in SCHEMA_DIR.glob("*.xsd")
                  for el in [etree.parse(str(path)).getroot()]}
    return schema, frozenset(understood)


def _namespaces(el: etree._Element, prefixes: str | None) -> set[str]:
    return {el.nsmap.get(p) for p in (prefixes or "").split()} - {None}


def _resolve_alternate_content(el: etree._Element, understood: frozenset[str]) -> None:
    for alt in list(el.iter(f"{{{MC}}}AlternateContent")):
        chosen = next((c for c in alt if c.tag == f"{{{MC}}}Choice"
                       and all(ns in understood for ns in _namespaces(c, c.get("Requires")))), None)
        if chosen is None:
            chosen = alt.find(f"{{{MC}}}Fallback")
        parent, index = alt.getparent(), alt.getparent().index(alt)
        parent.remove(alt)
        for offset, child in enumerate(list(chosen) if chosen is not None else ()):
            parent.insert(index + offset, child)


def _drop_ignorable(el: etree._Element, ignorable: frozenset[str] = frozenset()) -> None:
    ignorable = ignorable | _namespaces(el, el.get(f"{{{MC}}}Ignorable"))
    for name in list(el.attrib):
        ns = etree.QName(name).namespace
        if ns == MC or ns in ignorable:
            del el.attrib[name]
    for child in list(el):
        if not isinstance(child.tag, str):
            continue
        if etree.QName(child).namespace in ignorable:
            el.remove(child)
        else:
            _drop_ignorable(child, ignorable)


def _tolerate_errata(root: etree._Element) -> None:
    """The one place the transitional schema is stricter than Office: it types SpreadsheetML's
    text element ``<t>`` as a bare string, so ``xml:space="preserve"`` (which Excel itself writes
    on text with leading or trailing spaces, and without which such spaces are lost) fails it."""
    for t in root.iter(SML_TEXT):
        t.attrib.pop(XML_SPACE, None)


def _skipped(name: str) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in SKIPPED_PARTS)


def part_errors(name: str, data: bytes) -> list[str]:
    """Schema errors of one XML part, as "part:line: message"."""
    schema, understood = _schema()
    root = etree.fromstring(data)
    _resolve_alternate_content(root, understood)
    _drop_ignorable(root)
    _tolerate_errata(root)
    if schema.validate(root):
        return []
    return [f"{name}:{e.line}: {e.message}" for e in schema.error_log]


def package_errors(data: bytes, label: str = "") -> list[str]:
    """Schema errors of every XML part of an OOXML package, embedded packages included."""
    errors: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            where = f"{label}{name}"
            if name.endswith((".xlsx", ".xlsm", ".docx")):
                errors += package_errors(z.read(name), f"{where}!")
            elif name.endswith((".xml", ".rels")) and not _skipped(name):
                errors += part_errors(where, z.read(name))
    return errors


def file_errors(path: Path) -> list[str]:
    return package_errors(Path(path).read_bytes(), f"{Path(path).name}:")
