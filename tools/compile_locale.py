"""Compile the gettext catalogs of the command line (``evalreport/wording/locale/*/LC_MESSAGES/*.po``)
into the ``.mo`` files shipped beside them. Run after editing a ``.po``:

    python -m tools.compile_locale

Babel writes the same bytes for the same catalog, so tests/cli/test_cli_language.py can check that
every committed ``.mo`` is the compiled form of its ``.po``.
"""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parents[1] / "evalreport" / "wording" / "locale"


def compiled(po: Path) -> bytes:
    with po.open("rb") as handle:
        catalog = read_po(handle)
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def main() -> None:
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        po.with_suffix(".mo").write_bytes(compiled(po))
        print(po.with_suffix(".mo").relative_to(LOCALE.parents[1]))


if __name__ == "__main__":
    main()
