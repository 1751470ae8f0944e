"""Regenerate the summary-sheet pictures of docs/reports.md: run the demo province, render the
root's summary workbook one sheet at a time, convert it with LibreOffice and rasterise with
pdftoppm at 70 dpi. The report pages (every level, DV-THANG) come from tools/doc_pictures.py.

    python docs/img/make_report_pictures.py [DEMO_FOLDER]

Needs LibreOffice (soffice) and poppler (pdftoppm) on PATH, and Pillow (`pip install pillow`; no
longer installed with evalreport since the narrative chart stopped using matplotlib).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from evalreport.demo import run_demo
from evalreport.render.pdf import convert_to_pdf
from evalreport.render.workbook.summary_workbook import build_summary_workbook

HERE = Path(__file__).resolve().parent


def _png(pdf: Path, name: str, pages: tuple[int, int] = (1, 1), trim: bool = True) -> None:
    """Pages ``first..last`` as ``<name>.png`` (one page) or ``<name>-<n>.png``; white margins of
    landscape sheets are trimmed so the table is readable at 70 dpi."""
    from PIL import Image, ImageChops

    first, last = pages
    single = ["-singlefile"] if first == last else []
    subprocess.run(["pdftoppm", "-r", "70", "-png", *single, "-f", str(first), "-l", str(last), str(pdf),
                    str(HERE / name)], check=True)
    paths = [HERE / f"{name}.png"] if single else sorted(HERE.glob(f"{name}-*.png"))
    for path in paths:
        image = Image.open(path).convert("RGB")
        box = ImageChops.difference(image, Image.new("RGB", image.size, "white")).getbbox() if trim else None
        if box:
            pad = 12
            image = image.crop((max(box[0] - pad, 0), max(box[1] - pad, 0), min(box[2] + pad, image.width),
                                min(box[3] + pad, image.height)))
        # a 128-colour palette keeps the files small without visible loss on text and charts
        image.quantize(colors=128).save(path, optimize=True)


# A phrase that only the first page of each sheet prints (Vietnamese workbook).
MARKERS = {
    "summary-form": ("Mã chỉ tiêu",),
    "summary-overview": ("BẢNG TỔNG HỢP",),
    "summary-children": ("Tình trạng", "Cộng"),
    "summary-charts": ("Mức xếp loại",),
    "summary-completeness": ("Ngày sửa tệp",),
    "summary-findings": ("Quy tắc",),
    "summary-change": ("Chênh lệch",),
}


def _page_text(pdf: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def main(folder: str | None = None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        report = run_demo(folder or work / "demo", "small")
        result = report.runs[str(report.plan.year)].results["DG-NAM"]
        path = work / "summary.xlsx"
        build_summary_workbook(result, result.root).save(path)
        pdf = convert_to_pdf(path, work)
        pages = int(next(line.split()[-1] for line in subprocess.run(
            ["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout.splitlines()
            if line.startswith("Pages:")))
        texts = {n: _page_text(pdf, n) for n in range(1, pages + 1)}
        for slug, marker in MARKERS.items():
            page = next((n for n, t in texts.items() if all(m in t for m in marker)), None)
            if page is None:
                print(f"{slug}: no page shows {marker!r}")
                continue
            _png(pdf, slug, (page, page))
            print(slug, "page", page)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
