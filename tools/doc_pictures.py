"""Regenerate the pictures and terminal captures of the officers' guides (docs/vi/) and of the
report gallery in docs/reports.md, from a fresh demo province.

    python -m tools.doc_pictures [--demo FOLDER] [--out docs/img/vi]

Why a script: the pictures show what an officer will see, so they go stale whenever a report or a
workbook changes; rerunning this after such a change refreshes every one of them the same way.

It runs the demo (``evalreport demo``), writes report settings (place, number, signer) into the
demo's evalreport.yaml as an officer would, runs the year with every level and the DV-THANG
quarter through the real command line, renders the first page of each level's report (province,
district, base organization, cell), the DV-THANG month and quarter reports and the summary
workbook with LibreOffice, and rasterises them with pdftoppm (60 dpi, small PNGs). Terminal output
(the run summary, the status table) is saved as text next to the pictures (``*.txt``), to be pasted
into the guides as text blocks.

Needs LibreOffice (soffice) and poppler (pdftoppm, pdftotext) on PATH; nothing else beyond
evalreport. Never imported at run time.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "img" / "vi"

# Letterhead settings written into the demo workspace, as docs/vi/danh-gia-hang-nam.md shows them.
REPORT_SETTINGS = """
report:
  place: Thuận Thành
  preparer: Trần Thị Bình
  units:
    TINH:
      number: 12
      signer: {title: Phó Bí thư, name: Nguyễn Văn An}
      recipients: ["- Ban Tổ chức Trung ương (để báo cáo),", "- Các huyện ủy trực thuộc,", "- Lưu Văn phòng Tỉnh ủy."]
"""

# unit code of each level in the demo province (seed 2025, size small)
LEVEL_UNITS = {"tinh": "TINH", "huyen": "H01", "co-so": "H01X02", "chi-bo": "H01X02C03"}


def _cli(*args: str, folder: Path, columns: int = 100) -> str:
    """Run ``python -m evalreport ARGS`` as an officer would; return what it printed (100 columns,
    no colours), whatever its exit code (1 only means some files have errors)."""
    env = {**os.environ, "COLUMNS": str(columns), "NO_COLOR": "1", "TERM": "dumb"}
    done = subprocess.run([sys.executable, "-m", "evalreport", *args], cwd=folder, env=env,
                          capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"evalreport {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    return done.stdout


def _pdf(source: Path, work: Path) -> Path:
    from evalreport.render.pdf import convert_to_pdf

    return convert_to_pdf(source, work)


def _page_of(pdf: Path, marker: str) -> int:
    """The first page whose text contains ``marker`` (1 when none does)."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    for number, page in enumerate(text.split("\f"), start=1):
        if marker in page:
            return number
    return 1


# A4 in inches, portrait
_A4 = (8.27, 11.69)


def _png(pdf: Path, name: str, page: int = 1, gray: bool = True, dpi: int = 60,
         crop: tuple[float, float, float, float] | None = None, landscape: bool = False) -> Path:
    """Page ``page`` of ``pdf`` as ``OUT/<name>.png``; ``crop`` = (left, top, right, bottom) as
    fractions of the page keeps a workbook sheet's table readable without a large picture."""
    target = OUT / name
    area: list[str] = []
    if crop:
        width, height = (_A4[1], _A4[0]) if landscape else _A4
        left, top, right, bottom = crop
        area = ["-x", str(int(left * width * dpi)), "-y", str(int(top * height * dpi)),
                "-W", str(int((right - left) * width * dpi)), "-H", str(int((bottom - top) * height * dpi))]
    subprocess.run(["pdftoppm", "-png", *(["-gray"] if gray else []), "-r", str(dpi), "-singlefile", *area,
                    "-f", str(page), "-l", str(page), str(pdf), str(target)], check=True)
    path = target.with_suffix(".png")
    print(f"{path.relative_to(REPO)}: {path.stat().st_size // 1024} KB")
    return path


def _capture(name: str, text: str, demo: Path, keep_lines: int | None = None) -> None:
    """Save terminal output with the temporary demo path shown as ``demo``."""
    lines = [line.rstrip() for line in text.replace(str(demo), "demo").splitlines()]
    if keep_lines is not None and len(lines) > keep_lines:
        lines = [*lines[:keep_lines], "…"]
    (OUT / name).write_text("\n".join(lines).strip("\n") + "\n", encoding="utf-8")
    print(f"{(OUT / name).relative_to(REPO)}: {len(lines)} lines")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", type=Path, help="demo folder (default: a temporary folder)")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        demo = (args.demo or work / "demo").resolve()
        _capture("demo.txt", _cli("demo", str(demo), folder=work), demo, keep_lines=12)
        with open(demo / "evalreport.yaml", "a", encoding="utf-8") as config:
            config.write(REPORT_SETTINGS)

        _capture("run-2025.txt", _cli("run", "-w", str(demo), "-p", "2025", "--all-levels", folder=work),
                 demo, keep_lines=14)
        _capture("status-2025.txt", _cli("status", "-w", str(demo), "-p", "2025", "--problems", folder=work,
                                              columns=150), demo)
        _capture("run-2025-Q4.txt", _cli("run", "-w", str(demo), "-p", "2025-Q4", "--form", "DV-THANG",
                                         folder=work), demo, keep_lines=12)
        _cli("run", "-w", str(demo), "-p", "2025-12", folder=work)  # the month's report with the settings

        outputs = demo / "outputs"
        # the four levels' reports: the run wrote every non-leaf unit's; a cell is a leaf, so its
        # report is rendered from the same result, with the same settings, through the library
        cell_doc = _cell_report(demo, LEVEL_UNITS["chi-bo"], work)
        for level, unit in LEVEL_UNITS.items():
            docx = cell_doc if level == "chi-bo" else outputs / "2025" / f"DG-NAM_2025_{unit}_bao_cao.docx"
            pdf = _pdf(docx, work)
            _png(pdf, f"bao-cao-{level}")
            if level == "tinh":
                _png(pdf, "bao-cao-tinh-trang-2", page=2, gray=False)
                _png(pdf, "bao-cao-tinh-cuoi", page=_page_of(pdf, "Nơi nhận"))  # the signature block
        _png(_pdf(outputs / "2025-12" / "DV-THANG_2025-12_TINH_bao_cao.docx", work), "bao-cao-thang")
        _png(_pdf(outputs / "2025-Q4" / "DV-THANG_2025-Q4_TINH_bao_cao.docx", work), "bao-cao-quy")

        summary = _pdf(outputs / "2025" / "DG-NAM_2025_TINH.xlsx", work)
        _png(summary, "bang-tong-hop", page=_page_of(summary, "BẢNG TỔNG HỢP"), dpi=110,
             crop=(0.04, 0.10, 0.97, 0.75), landscape=True)
        _png(summary, "bang-tong-hop-phat-hien", page=_page_of(summary, "Quy tắc"), dpi=100,
             crop=(0.03, 0.13, 0.98, 0.47), landscape=True)

        # the fill-in workbook a cell receives
        _cli("template", "make", "--form", "DG-NAM", "--units", str(demo / "don_vi.xlsx"), "--period", "2025",
             "--under", LEVEL_UNITS["co-so"], "--out", str(work / "bieu_mau"), folder=work)
        template = _pdf(work / "bieu_mau" / f"DG-NAM_2025_{LEVEL_UNITS['chi-bo']}.xlsx", work)
        _png(template, "bieu-mau-chi-bo", page=_page_of(template, "Mã chỉ tiêu"), dpi=100,
             crop=(0.0, 0.06, 0.9, 0.52))
    total = sum(p.stat().st_size for p in OUT.glob("*.png"))
    print(f"{len(list(OUT.glob('*.png')))} pictures, {total / 1e6:.2f} MB in {OUT.relative_to(REPO)}")


def _cell_report(demo: Path, unit: str, work: Path) -> Path:
    from evalreport.render.word.narrative import render_narrative
    from evalreport.render.word.narrative_context import DocumentInfo
    from evalreport.store.workspace import Workspace

    ws = Workspace.open(demo)
    try:
        result = ws.result("2025", "DG-NAM")
        settings = ws.config.report_settings()
    finally:
        ws.close()
    return render_narrative(result, unit, work / f"DG-NAM_2025_{unit}_bao_cao.docx", doc=DocumentInfo(settings=settings))


if __name__ == "__main__":
    main()
