"""Optional PDF copies of the outputs through LibreOffice (``soffice --headless --convert-to pdf``).

LibreOffice is not a dependency: when it is missing, :class:`PdfUnavailable` says so plainly and
what to install; the .docx and .xlsx are complete without it. Each conversion uses a throw-away
LibreOffice profile, so it neither disturbs nor waits for an office suite the officer has open,
and the PDF is moved into place atomically.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from evalreport.wording.catalog import text

__all__ = ["PdfUnavailable", "soffice_path", "convert_to_pdf"]


_WINDOWS_PATHS = (r"C:\Program Files\LibreOffice\program\soffice.exe",
                  r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")


class PdfUnavailable(RuntimeError):
    """No PDF could be made: the rule code and its parameters, worded by the catalog when shown."""

    def __init__(self, rule: str, **params: object):
        self.rule, self.params = rule, params
        super().__init__(self.message("en"))

    def __reduce__(self) -> tuple:
        return _pdf_unavailable, (self.rule, self.params)

    def message(self, lang: str = "vi") -> str:
        return text(self.rule, lang, **self.params)


def _pdf_unavailable(rule: str, params: dict) -> PdfUnavailable:
    return PdfUnavailable(rule, **params)


def soffice_path() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    return next((p for p in _WINDOWS_PATHS if os.path.isfile(p)), None)


def convert_to_pdf(source: str | Path, out_dir: str | Path | None = None, timeout: float = 180) -> Path:
    """Convert ``source`` (.docx or .xlsx) to ``<out_dir>/<stem>.pdf``; raises :class:`PdfUnavailable`."""
    source = Path(source)
    exe = soffice_path()
    if exe is None:
        raise PdfUnavailable("PDF_NO_SOFFICE")
    target = Path(out_dir or source.parent) / f"{source.stem}.pdf"
    with tempfile.TemporaryDirectory(prefix="evalreport-pdf-") as work:
        profile = Path(work, "profile").as_uri()
        cmd = [exe, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf",
               "--outdir", work, str(source)]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PdfUnavailable("PDF_FAILED", file=source.name, reason=f"{type(exc).__name__}: {exc}") from None
        produced = Path(work, f"{source.stem}.pdf")
        if not produced.is_file():
            reason = (done.stderr or done.stdout or f"exit code {done.returncode}").strip()[:300]
            raise PdfUnavailable("PDF_FAILED", file=source.name, reason=reason)
        target.parent.mkdir(parents=True, exist_ok=True)
        staged = target.with_name(f".{target.name}.tmp")
        shutil.move(str(produced), staged)
        os.replace(staged, target)
    return target
