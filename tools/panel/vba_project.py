"""Write a VBA project (``vbaProject.bin``, MS-OVBA) from module source text.

Office keeps two copies of each module: compiled p-code (the "performance cache") and the
compressed source. The specification lets a writer omit the cache: ``_VBA_PROJECT`` carries
version 0xFFFF and every module's text starts at offset 0, and Office then compiles from source
when the workbook is opened. That is what LibreOffice writes when it saves .xlsm files, and
what xlwings' own quickstart workbooks contain (their ``_VBA_PROJECT`` is version 0xFFFF too).
Without Excel here, the output is checked by olevba, olefile and LibreOffice instead.

Everything is deterministic (project id and encryption seeds derive from the project name), so
the same modules give the same bytes.
"""

from __future__ import annotations

import hashlib
import re
import struct
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from tools.panel.cfb_writer import write_compound_file
from tools.panel.ovba_compression import compress

__all__ = ["VbaModule", "build_vba_project", "module_from_bas", "encrypt_data", "decrypt_data"]

ModuleKind = Literal["module", "class", "document"]

_CODEPAGE = 1252  # sources must be plain ASCII/cp1252: Vietnamese text lives in the sheets
_LCID = 0x0409
_WORKBOOK_BASE = "0{00020819-0000-0000-C000-000000000046}"
_WORKSHEET_BASE = "0{00020820-0000-0000-C000-000000000046}"
_CLASS_BASE = "0{FCFB3D2A-A0FA-1068-A738-08002B3371B5}"
_REFERENCES = (
    ("stdole", r"*\G{00020430-0000-0000-C000-000000000046}#2.0#0#C:\Windows\System32\stdole2.tlb#OLE Automation"),
    ("Office", r"*\G{2DF8D04C-5BFA-101B-BDE5-00AA0044DE52}#2.0#0#"
               r"C:\Program Files\Common Files\Microsoft Shared\OFFICE16\MSO.DLL#Microsoft Office 16.0 Object Library"),
)


@dataclass(frozen=True)
class VbaModule:
    """One module: its name, kind and body (without the ``Attribute VB_*`` header, which is
    generated). A ``document`` module belongs to the workbook (``ThisWorkbook``) or a sheet."""

    name: str
    kind: ModuleKind
    body: str = ""

    def source(self) -> str:
        lines = [f'Attribute VB_Name = "{self.name}"']
        if self.kind == "document":
            base = _WORKBOOK_BASE if self.name == "ThisWorkbook" else _WORKSHEET_BASE
            lines += [f'Attribute VB_Base = "{base}"', "Attribute VB_GlobalNameSpace = False",
                      "Attribute VB_Creatable = False", "Attribute VB_PredeclaredId = True",
                      "Attribute VB_Exposed = True", "Attribute VB_TemplateDerived = False",
                      "Attribute VB_Customizable = True"]
        elif self.kind == "class":
            lines += [f'Attribute VB_Base = "{_CLASS_BASE}"', "Attribute VB_GlobalNameSpace = False",
                      "Attribute VB_Creatable = False", "Attribute VB_PredeclaredId = False",
                      "Attribute VB_Exposed = False"]
        body = self.body.replace("\r\n", "\n").replace("\n", "\r\n")
        return "\r\n".join(lines) + "\r\n" + body


_ATTR_NAME = re.compile(r'^Attribute VB_Name = "([^"]+)"\s*$')


def module_from_bas(text: str) -> VbaModule:
    """A standard module from an exported ``.bas`` file (its first line names the module)."""
    lines = text.replace("\r\n", "\n").split("\n")
    match = _ATTR_NAME.match(lines[0]) if lines else None
    if not match:
        raise ValueError('a .bas file must start with: Attribute VB_Name = "<name>"')
    return VbaModule(match.group(1), "module", "\n".join(lines[1:]))


def _rec(rid: int, payload: bytes) -> bytes:
    return struct.pack("<HI", rid, len(payload)) + payload


def _mbcs(text: str) -> bytes:
    return text.encode(f"cp{_CODEPAGE}")


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


def _dir_stream(project: str, modules: Sequence[VbaModule]) -> bytes:
    """The uncompressed ``VBA/dir`` stream (MS-OVBA 2.3.4.2), records in specification order."""
    out = bytearray()
    out += _rec(0x0001, struct.pack("<I", 1))               # PROJECTSYSKIND: win32
    out += _rec(0x0002, struct.pack("<I", _LCID))           # PROJECTLCID
    out += _rec(0x0014, struct.pack("<I", _LCID))           # PROJECTLCIDINVOKE
    out += _rec(0x0003, struct.pack("<H", _CODEPAGE))       # PROJECTCODEPAGE
    out += _rec(0x0004, _mbcs(project))                     # PROJECTNAME
    out += _rec(0x0005, b"") + _rec(0x0040, b"")            # PROJECTDOCSTRING (+ unicode)
    out += _rec(0x0006, b"") + _rec(0x003D, b"")            # PROJECTHELPFILEPATH (1 and 2)
    out += _rec(0x0007, struct.pack("<I", 0))               # PROJECTHELPCONTEXT
    out += _rec(0x0008, struct.pack("<I", 0))               # PROJECTLIBFLAGS
    out += struct.pack("<HIIH", 0x0009, 4, 1467127224, 5)   # PROJECTVERSION (Reserved=4, major, minor)
    out += _rec(0x000C, b"") + _rec(0x003C, b"")            # PROJECTCONSTANTS (+ unicode)
    for name, libid in _REFERENCES:
        out += _rec(0x0016, _mbcs(name)) + _rec(0x003E, _utf16(name))  # REFERENCENAME
        lib = _mbcs(libid)
        out += _rec(0x000D, struct.pack("<I", len(lib)) + lib + b"\x00" * 6)  # REFERENCEREGISTERED
    out += _rec(0x000F, struct.pack("<H", len(modules)))    # PROJECTMODULES count
    out += _rec(0x0013, struct.pack("<H", 0xFFFF))          # PROJECTCOOKIE
    for m in modules:
        out += _rec(0x0019, _mbcs(m.name)) + _rec(0x0047, _utf16(m.name))
        out += _rec(0x001A, _mbcs(m.name)) + _rec(0x0032, _utf16(m.name))
        out += _rec(0x001C, b"") + _rec(0x0048, b"")        # MODULEDOCSTRING
        out += _rec(0x0031, struct.pack("<I", 0))           # MODULEOFFSET: source at 0, no cache
        out += _rec(0x001E, struct.pack("<I", 0))           # MODULEHELPCONTEXT
        out += _rec(0x002C, struct.pack("<H", 0xFFFF))      # MODULECOOKIE
        out += _rec(0x0021 if m.kind == "module" else 0x0022, b"")  # MODULETYPE
        out += _rec(0x002B, b"")                            # module terminator
    out += _rec(0x0010, b"")                                # dir terminator
    return bytes(out)


def encrypt_data(data: bytes, project_id: str, seed: int) -> str:
    """MS-OVBA 2.4.3.2 data encryption (obfuscation) of the CMG/DPB/GC values, as hex."""
    proj_key = sum(project_id.encode("ascii")) & 0xFF
    version_enc = seed ^ 2
    proj_key_enc = seed ^ proj_key
    out = [seed, version_enc, proj_key_enc]
    unenc1, enc1, enc2 = proj_key, proj_key_enc, version_enc
    ignored = [0] * ((seed & 6) // 2)
    for byte in [*ignored, *len(data).to_bytes(4, "little"), *data]:
        enc = byte ^ ((enc2 + unenc1) & 0xFF)
        out.append(enc)
        enc2, enc1, unenc1 = enc1, enc, byte
    return bytes(out).hex().upper()


def decrypt_data(hex_text: str) -> bytes:
    """Inverse of :func:`encrypt_data` (MS-OVBA 2.4.3.3); checks our output and Excel's."""
    raw = bytes.fromhex(hex_text)
    seed, version_enc, proj_key_enc = raw[0], raw[1], raw[2]
    if seed ^ version_enc != 2:
        raise ValueError("unknown encryption version")
    proj_key = seed ^ proj_key_enc
    unenc1, enc1, enc2 = proj_key, proj_key_enc, version_enc
    plain = []
    for enc in raw[3:]:
        byte = enc ^ ((enc2 + unenc1) & 0xFF)
        plain.append(byte)
        enc2, enc1, unenc1 = enc1, enc, byte
    ignored = (seed & 6) // 2
    length = int.from_bytes(bytes(plain[ignored:ignored + 4]), "little")
    return bytes(plain[ignored + 4:ignored + 4 + length])


def _project_stream(project: str, project_id: str, modules: Sequence[VbaModule]) -> bytes:
    lines = [f'ID="{project_id}"']
    for m in modules:
        lines.append({"document": f"Document={m.name}/&H00000000", "module": f"Module={m.name}",
                      "class": f"Class={m.name}"}[m.kind])
    digest = hashlib.sha256(project_id.encode()).digest()
    lines += [f'Name="{project}"', 'HelpContextID="0"', 'VersionCompatible32="393222000"',
              f'CMG="{encrypt_data(bytes(4), project_id, digest[0])}"',   # not protected
              f'DPB="{encrypt_data(bytes(1), project_id, digest[1])}"',   # no password
              f'GC="{encrypt_data(bytes([0xFF]), project_id, digest[2])}"',  # visible
              "", "[Host Extender Info]",
              "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000", "",
              "[Workspace]"]
    lines += [f"{m.name}=0, 0, 0, 0, C" for m in modules]
    return _mbcs("\r\n".join(lines) + "\r\n")


def _projectwm(modules: Iterable[VbaModule]) -> bytes:
    out = bytearray()
    for m in modules:
        out += _mbcs(m.name) + b"\x00" + _utf16(m.name) + b"\x00\x00"
    return bytes(out) + b"\x00\x00"


def build_vba_project(modules: Sequence[VbaModule], project: str = "VBAProject") -> bytes:
    """The bytes of ``vbaProject.bin`` holding ``modules`` as source only (compiled on open)."""
    names = [m.name for m in modules]
    if len(set(n.upper() for n in names)) != len(names):
        raise ValueError(f"duplicate VBA module names: {names}")
    project_id = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"evalreport:vba:{project}")).upper() + "}"
    vba = {"_VBA_PROJECT": b"\xcc\x61\xff\xff\x00\x00\x00",  # version 0xFFFF: no p-code cache
           "dir": compress(_dir_stream(project, modules))}
    for m in modules:
        vba[m.name] = compress(_mbcs(m.source()))
    return write_compound_file({"PROJECT": _project_stream(project, project_id, modules),
                                "PROJECTwm": _projectwm(modules), "VBA": vba})
