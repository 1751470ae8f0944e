"""The Word template of the narrative report, prepared once per process and template content.

Why: an all-levels run renders the same template for every non-leaf unit (888 at N = 10,000).
docxtpl's ``render`` opens the template package for each (python-docx parses every part and
reserialises it on save, about 1.5 ms), serialises and cleans up the body, renders headers,
footers, footnotes and document properties, and python-docx writes the whole package again.
Only the body depends on the unit. So, per template content (a hash of the file's bytes: an
officer's edited template is prepared afresh, never served stale):

* the template is opened once and everything docxtpl's ``render`` does to parts other than the
  body is done once, by docxtpl's own methods (headers, footers, footnotes and properties have
  no tags, so their rendering cannot depend on the unit; see :func:`prepare`);
* the bytes python-docx writes for each of those parts are kept, with their relationships;
* per unit, :class:`_UnitTemplate` runs docxtpl's own body steps (``render_xml_part``,
  ``fix_tables``, its table walk skipped where it would change nothing, ``fix_docpr_ids``)
  on the prepared body source, puts the result in a copy of
  the document element without its body (docxtpl's ``map_tree``), and python-docx's package
  writer writes a package of plain parts holding the kept bytes: the same parts, relationships,
  content types and order python-docx writes for a freshly opened template; the parts that
  repeat from unit to unit are deflated once per process (:mod:`..deflated_parts`,
  as the summary workbook's).

A template this cannot reproduce (a tag in a header, footer, footnote or document property,
no core properties part, a part relating back to the body) is rendered by plain docxtpl
(:func:`prepared_template` returns None), as is any unit whose rendering fails: the plain path
reports the error with its source.
"""

from __future__ import annotations

import copy
import hashlib
import io
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml
from docx.opc.package import OpcPackage
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI, PackURI
from docx.opc.part import Part
from docx.opc.phys_pkg import _ZipPkgWriter
from docx.opc.pkgwriter import PackageWriter
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2 import Environment
from lxml import etree

from evalreport.render.deflated_parts import write_part
from evalreport.render.word.jinja_env import make_jinja_env

__all__ = ["ReportTemplate", "PreparedTemplate", "prepared_template", "prepare"]


@lru_cache(maxsize=16)
def _patched(xml: str) -> str:
    return DocxTemplate.patch_xml(None, xml)  # uses nothing of the instance


class ReportTemplate(DocxTemplate):
    """docxtpl's template whose XML clean-up (``patch_xml``: a dozen regular expressions over
    the whole document, about 5 ms) is done once per process for a given document, as the
    compiled Jinja template is (:mod:`.jinja_env`): an all-levels run renders the same template
    for every unit; and whose listing pass is skipped when it has nothing to do."""

    def patch_xml(self, src_xml: str) -> str:
        return _patched(src_xml)

    def resolve_listing(self, xml: str) -> str:
        """docxtpl turns tabs, line and page breaks in the printed text into Word's own elements,
        through three nested regular expressions over every paragraph and run (about 2 ms a
        unit); without any of those characters in the part they would change nothing."""
        if "\t" in xml or "\a" in xml or "\n" in xml or "\f" in xml:
            return super().resolve_listing(xml)
        return xml


_TAG = re.compile(r"\{[{%#]")
#: The core properties docxtpl renders (``DocxTemplate.render_properties``).
_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")

_Rel = tuple[str, str, str, bool]  # reltype, target partname (or external ref), rId, external


@dataclass(frozen=True)
class _PartSpec:
    partname: PackURI
    content_type: str
    blob: bytes | None  # None: the document part, rendered per unit
    rels: tuple[_Rel, ...]


def _rels(rels: Any) -> tuple[_Rel, ...]:
    return tuple((r.reltype, r.target_ref if r.is_external else r.target_part.partname, r.rId, r.is_external)
                 for r in rels.values())


@dataclass(frozen=True)
class PreparedTemplate:
    """A template's parts as python-docx writes them after docxtpl's rendering, but the body."""

    name: str
    body_source: str  # the body's XML after docxtpl's patch_xml, what Jinja renders
    shell: etree._Element  # the document element with an empty body
    parts: tuple[_PartSpec, ...]  # in python-docx's writing order (for the plain parts)
    package_rels: tuple[_Rel, ...]

    @cached_property
    def kept(self) -> frozenset[str]:
        """The members every unit's package repeats (the document's relationships and the
        content types too, as long as units get the same charts): deflated once per process."""
        names = {CONTENT_TYPES_URI, PACKAGE_URI.rels_uri}
        names.update(s.partname.rels_uri for s in self.parts)
        names.update(s.partname for s in self.parts if s.blob is not None)
        return frozenset(PackURI(n).membername for n in names)

    def unit(self) -> _UnitTemplate:
        """A fresh template for one unit's report (render, then save, as docxtpl's)."""
        return _UnitTemplate(self)

    def new_package(self) -> tuple[OpcPackage, Part]:
        """A package of plain parts holding the kept bytes, related as in the template; and its
        document part, whose bytes the unit's rendering sets."""
        package = OpcPackage()
        made = {s.partname: Part(s.partname, s.content_type, s.blob, package) for s in self.parts}
        for spec in self.parts:
            part = made[spec.partname]
            for reltype, target, rid, external in spec.rels:
                part.load_rel(reltype, target if external else made[target], rid, external)
        for reltype, target, rid, external in self.package_rels:
            package.load_rel(reltype, target if external else made[target], rid, external)
        return package, package.main_document_part

    def document_xml(self, body: etree._Element) -> bytes:
        """The document part with ``body`` (docxtpl's ``map_tree``, then python-docx's blob)."""
        root = copy.deepcopy(self.shell)
        root.replace(root.find(qn("w:body")), body)
        return serialize_part_xml(root)


class _UnitTemplate(ReportTemplate):
    """One unit's rendering through a :class:`PreparedTemplate`: docxtpl's own body steps, in
    ``render``'s order; nothing else of the package is opened or rendered."""

    def __init__(self, prepared: PreparedTemplate) -> None:
        super().__init__(prepared.name)  # never opened: ``self.docx`` stays None
        self.prepared = prepared
        self.package, self.document_part = prepared.new_package()
        self.pic_map: dict[str, Any] = {}
        self.current_rendering_part = None
        self.docx_ids_index = 1000  # as docxtpl's render_init

    def render(self, context: dict[str, Any], jinja_env: Environment | None = None,
               autoescape: bool = False) -> None:
        if autoescape:
            if jinja_env is None:
                jinja_env = Environment(autoescape=autoescape)
            else:
                jinja_env.autoescape = autoescape
        xml = self.render_xml_part(self.prepared.body_source, self.document_part, context, jinja_env)
        tree = self.fix_tables(xml)
        self.fix_docpr_ids(tree)
        self.document_part._blob = self.prepared.document_xml(tree)
        self.is_rendered = True

    def fix_tables(self, xml: str) -> etree._Element:
        """docxtpl's, its table walk skipped where it would change nothing (:func:`_tables_fit`):
        the walk was a third of ``fix_tables`` (about 0.5 ms a unit), the parse the rest."""
        tree = etree.fromstring(xml, parser=etree.XMLParser(recover=True))  # as docxtpl parses
        return tree if _tables_fit(tree) else super().fix_tables(xml)

    def save(self, filename: Any, *args: Any, **kwargs: Any) -> None:
        """python-docx's ``OpcPackage.save`` (its ``PackageWriter`` steps, in order), through
        :class:`_KeptPartsWriter`."""
        parts = self.package.parts
        for part in parts:
            part.before_marshal()
        writer = _KeptPartsWriter(filename, self.prepared.kept)
        PackageWriter._write_content_types_stream(writer, parts)
        PackageWriter._write_pkg_rels(writer, self.package.rels)
        PackageWriter._write_parts(writer, parts)
        writer.close()
        self.is_saved = True


class _KeptPartsWriter(_ZipPkgWriter):
    """python-docx's zip writer, the members named in ``kept`` deflated once per process."""

    def __new__(cls, pkg_file: Any, kept: frozenset[str]) -> _KeptPartsWriter:
        return object.__new__(cls)  # PhysPkgWriter.__new__ would make a plain _ZipPkgWriter

    def __init__(self, pkg_file: Any, kept: frozenset[str]) -> None:
        super().__init__(pkg_file)
        self._kept = kept

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        name = pack_uri.membername
        write_part(self._zipf, name, blob, keep=name in self._kept)


def _tables_fit(tree: etree._Element) -> bool:
    """Whether docxtpl's ``fix_tables`` (docxtpl 0.19/0.20) would leave ``tree`` as it is. Per
    table (``tree.iter``: nested ones too, each with the rows of its nested tables) it adds grid
    columns when a row has more cells than the grid has columns, and removes columns when no
    row's cells, their ``gridSpan`` summed, fill the grid. In a table without any ``gridSpan`` a
    row's width is its number of cells, so nothing changes exactly when the widest row has as
    many cells as the grid has columns. Anything else (a merged cell, no grid, no ``w`` prefix:
    where docxtpl itself would fail) is left to docxtpl's walk."""
    w = tree.nsmap.get("w")
    if w is None:
        return False
    tbl, grid, col, row, cell, span = (f"{{{w}}}{tag}" for tag in ("tbl", "tblGrid", "gridCol", "tr", "tc", "gridSpan"))
    for table in tree.iter(tbl):
        columns = table.find(grid)
        if columns is None or next(table.iter(span), None) is not None:
            return False
        widest = max((len(r.findall(cell)) for r in table.iter(row)), default=0)
        if widest != len(columns.findall(col)):
            return False
    return True


def _has_tag(text: str | None) -> bool:
    return bool(text) and _TAG.search(text) is not None


def prepare(data: bytes, name: str) -> PreparedTemplate | None:
    """Open the template ``data`` and do once what docxtpl's ``render`` does to every part but
    the body; None when the template has something that depends on the unit elsewhere."""
    tpl = ReportTemplate(io.BytesIO(data))
    tpl.render_init()
    document = tpl.docx
    package, document_part = document.part.package, document.part
    try:
        package.part_related_by(RT.CORE_PROPERTIES)
    except KeyError:  # python-docx would add one stamped with the time of each save
        return None
    env = make_jinja_env()
    headers_footers = [part for uri in (tpl.HEADER_URI, tpl.FOOTER_URI) for _, part in tpl.get_headers_footers(uri)]
    footnotes = [p for p in package.iter_parts() if p.content_type == CT.WML_FOOTNOTES]
    if (any(_has_tag(tpl.patch_xml(tpl.get_part_xml(p))) for p in headers_footers)
            or any(_has_tag(tpl.patch_xml(p.blob.decode("utf-8", "replace"))) for p in footnotes)
            or any(_has_tag(getattr(tpl.docx.core_properties, prop)) for prop in _PROPERTIES)):
        return None
    body_source = tpl.patch_xml(tpl.get_xml())
    # docxtpl's render() on everything but the body: nothing here depends on the context
    try:
        for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
            for rel_key, xml in list(tpl.build_headers_footers_xml({}, uri, env)):
                tpl.map_headers_footers_xml(rel_key, xml)
        tpl.render_properties({}, env)
        tpl.render_footnotes({}, env)
    except Exception:  # noqa: BLE001 - whatever it is, plain docxtpl meets it again and reports it
        return None
    parts = []
    for part in package.iter_parts():
        if part is not document_part and document_part in part.rels.related_parts.values():
            return None  # a part relating back to the body: keep python-docx's own graph
        parts.append(_PartSpec(part.partname, part.content_type, None if part is document_part else part.blob,
                               _rels(part.rels)))
    shell = copy.deepcopy(document.element)
    body = shell.find(qn("w:body"))
    for child in list(body):
        body.remove(child)
    return PreparedTemplate(name, body_source, shell, tuple(parts), _rels(package.rels))


_PREPARED: dict[bytes, PreparedTemplate | None] = {}


def prepared_template(path: str | Path) -> PreparedTemplate | None:
    """The prepared form of the template file at ``path`` as it is now (by content), made on
    first use in this process; None when it must be rendered by plain docxtpl."""
    data = Path(path).read_bytes()
    key = hashlib.blake2b(data, digest_size=20).digest()
    if key not in _PREPARED:
        if len(_PREPARED) >= 8:  # a few templates per run; never grows without bound
            _PREPARED.clear()
        _PREPARED[key] = prepare(data, Path(path).name)
    return _PREPARED[key]
