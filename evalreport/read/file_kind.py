"""Which files are submissions, and what a file that only looks like one really is.

Offices send .xlsx, .xlsm, the old .xls and LibreOffice's .ods; all four are read (the bytes,
never the name, decide how). Many programs also "export to Excel" a web page (HTML) or an XML
Spreadsheet 2003 and name it .xls; Excel opens those with a warning, no parser here can, and
the officer needs to hear what the file is and how to turn it into a workbook.
"""

from __future__ import annotations

import re

__all__ = ["WORKBOOK_SUFFIXES", "text_spreadsheet_rule"]

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
_HEAD = 4096
_HTML = re.compile(rb"<(?:!doctype\s+html|html|table|head|body|meta)[\s>/]")
_XML_SPREADSHEET = re.compile(rb"progid\s*=\s*[\"']excel\.sheet[\"']|urn:schemas-microsoft-com:office:spreadsheet")


def text_spreadsheet_rule(data: bytes) -> str | None:
    """``"FILE_HTML"`` or ``"FILE_XML_SPREADSHEET"`` when ``data`` (neither a zip nor a compound
    file) is a web page or an XML Spreadsheet 2003 saved under a workbook's name; else None."""
    head = data[:_HEAD]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if not head.startswith(b"<"):
        return None
    if _XML_SPREADSHEET.search(head):  # first: its <Table> element is not HTML's
        return "FILE_XML_SPREADSHEET"
    if _HTML.search(head):
        return "FILE_HTML"
    return None
