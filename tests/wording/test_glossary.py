"""The command line says each concept with docs/glossary.md's word, and its gettext catalog (Typer's
and Click's strings) is shipped compiled as written."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

from evalreport.cli.language import LOCALE_DIR
from evalreport.model.unit_state import UnitState
from evalreport.wording import cli_phrases, cli_result_phrases, config_messages
from evalreport.wording.catalog import text

ROOT = Path(__file__).resolve().parents[2]
# Words an officer might meet for a glossary concept, which we do not use: concept -> avoided synonyms.
AVOIDED = {
    "Chưa nộp": ["chưa gửi", "chưa nhận"],
    "Nộp muộn": ["trễ hạn", "gửi trễ", "nộp trễ"],
    "Đã nộp, có lỗi": ["bị lỗi", "tệp hỏng"],
    "kỳ báo cáo": ["giai đoạn", "thời kỳ"],
    "thư mục làm việc": ["không gian làm việc", "vùng làm việc"],
    "đơn vị trực thuộc": ["đơn vị con"],
    "phiên bản hiện hành": ["trong tổng số", "bản hiện tại"],
    "tùy chọn": ["lựa chọn"],
}


def _glossary() -> dict[str, str]:
    """Vietnamese term -> English term, from every table of the glossary."""
    rows = re.findall(r"^\| ([^|]+?) \| ([^|]+?) \| [^|]+\|$", (ROOT / "docs" / "glossary.md").read_text("utf-8"),
                      re.MULTILINE)
    return {vi: en for vi, en in rows if vi not in ("Vietnamese", "---")}


def _cli_texts_vi() -> list[str]:
    return [text(key, "vi") for module in (cli_phrases, cli_result_phrases, config_messages)
            for key in module.MESSAGES]


def test_the_six_states_are_the_glossary_states_in_both_languages():
    glossary = _glossary()
    for state in UnitState:
        key = state.key
        vi, en = text(key, "vi"), text(key, "en")
        assert glossary.get(vi) == en, (key, vi, en)


def test_the_cli_uses_the_glossary_words_and_not_their_synonyms():
    glossary = _glossary()
    texts = _cli_texts_vi()
    for term, synonyms in AVOIDED.items():
        assert term in glossary, term
        for synonym in synonyms:
            offending = [t for t in texts if synonym in t.lower()]
            assert not offending, (synonym, term, offending)


def test_a_period_is_a_ky_bao_cao_wherever_an_option_asks_for_one():
    period_helps = [k for k in cli_phrases.MESSAGES if re.fullmatch(r"cli(:\w+)*:period", k)]
    assert period_helps
    for key in period_helps:
        assert "kỳ báo cáo" in text(key, "vi").lower(), key
        assert "period" in text(key, "en").lower(), key


def test_every_compiled_catalog_is_its_po_file():
    from tools.compile_locale import compiled

    pos = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))
    assert pos
    for po in pos:
        assert po.with_suffix(".mo").read_bytes() == compiled(po), f"run python -m tools.compile_locale ({po})"
        with po.open("rb") as handle:
            catalog = read_po(handle)
        assert all(m.string for m in catalog if m.id), "every msgid of the catalog has its translation"
