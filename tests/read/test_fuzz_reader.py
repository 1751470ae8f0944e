"""A bounded, deterministic fuzzer of the reader: valid workbooks are mutated in memory (bit flips,
truncation, overwritten and inserted bytes; text edits inside the sheet, workbook, metadata,
relationship and content-type XML parts, re-zipped; random text typed into value cells) and
written to a temporary file. Whatever comes out, ``read_submission`` must return a Submission,
never raise, never hit its catch-all (``READ_UNEXPECTED`` means an unforeseen failure path),
and only ever report whole counts within range. The zip structure is mutated too (member names,
extensions, duplicates, missing row numbers). 4,100 cases in all, derandomized for CI."""

from __future__ import annotations

import functools
import io
import re
import tempfile
import warnings
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evalreport import ChildRating, Submission, fill_template, read_submission
from evalreport.read.count_values import MAX_COUNT
from tools.selfcheck.sample import BASE_VALUES, TYPED_AS_TEXT, sample_form, sample_hierarchy

pytestmark = pytest.mark.slow  # long fuzzing / the whole corpus: run by .ci/run after the fast suite

FUZZ = settings(max_examples=700, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
XML_ALPHABET = st.sampled_from(list('<>&;"\'=/ ?!-#.,:0123456789AZaz_ \n\u00a0đĐ\x00') + ["<c>", "</c>", "<v>",
                               "</v>", 't="e"', 't="s"', 'r="', "<f>", "&amp;", "&#0;", "]]>", "<![CDATA["])


@functools.lru_cache(maxsize=1)
def _seeds() -> tuple[Path, tuple[bytes, ...]]:
    folder = Path(tempfile.mkdtemp(prefix="evalreport-fuzz-"))
    form, h = sample_form(), sample_hierarchy()
    leaf = fill_template(form, "C01", "2021", h, folder / "leaf.xlsx", dict(TYPED_AS_TEXT))
    ratings = [ChildRating("C01", "", "HTXSNV", tsvm=True), ChildRating("C02", "", None, raw_rating="hoan thanh"),
               ChildRating("C03", "", "KDG", reason="Mới thành lập")]
    commune = fill_template(form, "X01", "2021", h, folder / "x01.xlsx", dict(BASE_VALUES), ratings)
    return folder, (leaf.read_bytes(), commune.read_bytes())


def _parts(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [n for n in z.namelist() if n.endswith((".xml", ".rels"))]


def _rezip(data: bytes, part: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, content if info.filename == part else src.read(info.filename))
    return out.getvalue()


def _read(data: bytes, name: str = "fuzz.xlsx") -> Submission:
    folder, _ = _seeds()
    path = folder / name
    path.write_bytes(data)
    sub = read_submission(path)
    assert isinstance(sub, Submission)
    unexpected = [f.message("en") for f in sub.findings if f.rule == "READ_UNEXPECTED"]
    assert not unexpected, unexpected
    for code, v in sub.values.items():
        assert v is None or (isinstance(v, int) and 0 <= v <= MAX_COUNT), (code, v)
    if sub.ok and sub.form_code:
        assert sub.period is not None and sub.unit_code
    return sub


@FUZZ
@given(seed=st.integers(0, 1), data=st.data())
def test_byte_mutations(seed, data):
    raw = bytearray(_seeds()[1][seed])
    n = len(raw)
    op = data.draw(st.sampled_from(["flip", "truncate", "overwrite", "insert"]))
    if op == "flip":
        for pos, bit in data.draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, 7)), min_size=1,
                                           max_size=8)):
            raw[pos] ^= 1 << bit
    elif op == "truncate":
        raw = raw[: data.draw(st.integers(0, n - 1))]
    elif op == "overwrite":
        pos = data.draw(st.integers(0, n - 1))
        chunk = data.draw(st.binary(min_size=1, max_size=64))
        raw[pos: pos + len(chunk)] = chunk
    else:
        pos = data.draw(st.integers(0, n))
        raw[pos:pos] = data.draw(st.binary(min_size=1, max_size=64))
    _read(bytes(raw))


@FUZZ
@given(seed=st.integers(0, 1), data=st.data())
def test_xml_mutations(seed, data):
    raw = _seeds()[1][seed]
    part = data.draw(st.sampled_from(_parts(raw)))
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        text = z.read(part).decode("utf-8")
    n = len(text)
    for _ in range(data.draw(st.integers(1, 4))):
        a = data.draw(st.integers(0, n))
        b = data.draw(st.integers(a, min(n, a + 200)))
        op = data.draw(st.sampled_from(["delete", "duplicate", "replace"]))
        if op == "delete":
            text = text[:a] + text[b:]
        elif op == "duplicate":
            text = text[:b] + text[a:b] + text[b:]
        else:
            text = text[:a] + "".join(data.draw(st.lists(XML_ALPHABET, min_size=1, max_size=12))) + text[b:]
        n = len(text)
    _read(_rezip(raw, part, text.encode("utf-8", errors="surrogatepass")))


VALUE_CELL = re.compile(r'<c r="(C(?:9|1[0-9]|2[0-5]))"[^>]*?(?:/>|>.*?</c>)')


@FUZZ
@given(seed=st.integers(0, 1), data=st.data())
def test_typed_values(seed, data):
    """Random text and numbers in the count cells' XML, typed as any program could have stored them."""
    raw = _seeds()[1][seed]
    part = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        xml = z.read(part).decode("utf-8")
    cells = list(VALUE_CELL.finditer(xml))
    assert len(cells) >= 12
    chosen = data.draw(st.lists(st.sampled_from(cells), min_size=1, max_size=5, unique_by=lambda m: m.start()))
    for m in sorted(chosen, key=lambda m: m.start(), reverse=True):
        kind = data.draw(st.sampled_from(["inline", "number", "error", "boolean", "formula"]))
        value = data.draw(st.one_of(st.text(max_size=20), st.integers(-10**20, 10**20).map(str),
                                    st.floats(allow_nan=True).map(repr)))
        v = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        ref = m.group(1)
        body = {"inline": f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>', "number": f'<c r="{ref}"><v>{v}</v></c>',
                "error": f'<c r="{ref}" t="e"><v>{v}</v></c>', "boolean": f'<c r="{ref}" t="b"><v>{v[:3]}</v></c>',
                "formula": f'<c r="{ref}"><f>{v}</f></c>'}[kind]
        xml = xml[: m.start()] + body + xml[m.end():]
    _read(_rezip(raw, part, xml.encode("utf-8", errors="surrogatepass")))


ZIP_FUZZ = settings(max_examples=2000, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@ZIP_FUZZ
@given(seed=st.integers(0, 1), data=st.data())
def test_zip_structure_mutations(seed, data):
    """Member names, extensions and duplicates changed, row numbers dropped: whatever the
    structure, the guard judges what the parser reads (a parser abort would end this test run)."""
    raw = _seeds()[1][seed]
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        members = [(i.filename, z.read(i)) for i in z.infolist()]
    for _ in range(data.draw(st.integers(1, 3))):
        k = data.draw(st.integers(0, len(members) - 1))
        name, content = members[k]
        op = data.draw(st.sampled_from(["rename_ext", "duplicate", "case", "drop_rows", "drop_cells", "far_cell"]))
        if op == "rename_ext":
            ext = data.draw(st.sampled_from([".bin", ".dat", ".XML", "", ".xml.rels", ".vml"]))
            members[k] = (name.rsplit(".", 1)[0] + ext, content)
        elif op == "duplicate":
            members.insert(data.draw(st.integers(0, len(members))), (name, content))
        elif op == "case":
            members.append((name.upper(), content))
        elif op == "drop_rows":
            members[k] = (name, re.sub(rb'<row r="[0-9]+"', b"<row", content))
        elif op == "drop_cells":
            members[k] = (name, re.sub(rb'<c r="[A-Z]+[0-9]+"', b"<c", content))
        else:
            members[k] = (name, content.replace(b"</row>", b'<c r="XFD1"><v>1</v></c></row>', 1)
                          .replace(b'<row r="', b"<row x=\""))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        for name, content in members:
            z.writestr(name, content)
    _read(out.getvalue())
