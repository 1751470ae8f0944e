"""Build the officers' Windows bundle (win_amd64, Python 3.11) and print what it holds.

    python -m tools.build_windows_bundle [OUT]   # default: dist/evalreport-windows

The same as ``evalreport bundle OUT --platform win_amd64 --python-version 3.11``, plus a listing
of every file with its size and of the Windows-only wheels that pip, run on this machine, would
have left out (docs/install.md shows this listing).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from evalreport.install.bundle import build_bundle
from evalreport.install.download import BundleError
from evalreport.install.target import Target
from evalreport.wording import install_messages  # noqa: F401  (registers the step wording)
from evalreport.wording.catalog import text

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "dist" / "evalreport-windows")
    parser.add_argument("--python-version", default="3.11")
    parser.add_argument("--replace", action="store_true", help="delete OUT and OUT.zip first")
    args = parser.parse_args(argv)
    if args.replace:
        shutil.rmtree(args.out, ignore_errors=True)
        args.out.with_name(args.out.name + ".zip").unlink(missing_ok=True)
    target = Target("win_amd64", args.python_version)
    try:
        bundle = build_bundle(args.out, ROOT, ROOT / "workbooks" / "evalreport.xlsm", target,
                              progress=lambda step: print(f"… {text(step, 'en')}", file=sys.stderr))
    except BundleError as exc:
        print(exc.message("en"), file=sys.stderr)
        return 1
    print(f"{bundle.folder} for {target.label}: {len(bundle.wheels)} wheels, {bundle.size_mb:.1f} MB; "
          f"{bundle.zip_path} {bundle.zip_path.stat().st_size / 1e6:.1f} MB")
    print("added for Windows markers: " + (", ".join(bundle.added_for_target) or "none"))
    print("| file | size (kB) |\n| --- | ---: |")
    for path in sorted(bundle.folder.rglob("*")):
        if path.is_file():
            print(f"| `{path.relative_to(bundle.folder).as_posix()}` | {path.stat().st_size / 1e3:,.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
