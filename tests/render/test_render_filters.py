"""Filters and the sandboxed, autoescaping, strict Jinja environment of narrative templates."""

from __future__ import annotations

import datetime as dt

import pytest

from evalreport.render.word.jinja_env import TemplateRenderError, make_jinja_env, template_error


@pytest.fixture
def env():
    return make_jinja_env()


def render(env, text, **ctx):
    return env.from_string(text).render(**ctx)


def test_filters_write_vietnamese_numbers(env):
    out = render(env, "{{ a|so }} | {{ b|tyle }} | {{ c|tyle }} | {{ 8|dem }} | {{ 2714|dem }} | {{ 0|dem(true) }}"
                      " | {{ 0|dem('không') }} | {{ d|ngay }} | {{ 5|thaydoi }} | {{ -32|thaydoi('đồng chí') }}"
                      " | {{ 0|thaydoi('đồng chí') }}",
                 a=61567, b=91.8234, c=None, d=dt.date(2022, 1, 7))
    assert out == ("61.567 | 91,82% | – | 08 | 2.714 | Không | không | ngày 07 tháng 01 năm 2022 | tăng 5 | "
                   "giảm 32 đồng chí | không thay đổi")


def test_filters_follow_the_context_language(env):
    text = "{{ a|so }} {{ b|tyle }} {{ 8|dem }} {{ 0|dem(true) }} {{ d|ngay }} {{ -32|thaydoi }}"
    ctx = {"a": 61567, "b": 91.8234, "d": "2022-01-07"}
    assert render(env, text, lang="en", **ctx) == "61,567 91.82% 8 No 7 January 2022 down 32"
    assert render(env, "{{ a|so(lang='en') }}", lang="vi", a=1234) == "1,234"  # explicit argument wins


def test_share_precision_comes_from_the_context(env):
    assert render(env, "{{ b|tyle }}", b=91.8234, so_le=1) == "91,8%"
    assert render(env, "{{ b|tyle(3) }}", b=91.8234) == "91,823%"


def test_output_is_autoescaped(env):
    assert render(env, "{{ t }}", t="Chi bộ A & B <1>") == "Chi bộ A &amp; B &lt;1&gt;"


def test_sandbox_blocks_python_internals(env):
    src = "<w:p>{{ x.__class__.__mro__ }}</w:p>"
    with pytest.raises(Exception) as info:
        render(env, src, x=1)
    err = template_error(info.value, src, "mau.docx")
    assert err.tag == "{{ x.__class__.__mro__ }}" and "unsafe" in str(err)


def test_undefined_variable_names_tag_and_paragraph(env):
    src = ("<w:p><w:t>Mở đầu</w:t></w:p>\n<w:p><w:r><w:t>Tổng số {{ so_lieu.dv_tong_sox|so }} đồng chí</w:t>"
           "</w:r></w:p>\n<w:p><w:t>Kết thúc</w:t></w:p>")
    with pytest.raises(Exception) as info:
        render(env, src, so_lieu={"dv_tong_so": 5})
    err = template_error(info.value, src, "mau.docx")
    assert isinstance(err, TemplateRenderError)
    assert err.tag == "{{ so_lieu.dv_tong_sox|so }}" and err.lineno == 2
    assert err.excerpt == "Tổng số {{ so_lieu.dv_tong_sox|so }} đồng chí"
    assert "không có mục 'dv_tong_sox'" in str(err) and "dv_tong_so" in str(err)
    assert "there is no item 'dv_tong_sox'" in err.message("en")


def test_missing_top_level_variable(env):
    src = "<w:p>{{ cau.mo_dau }}</w:p>\n<w:p>{{ khong_co }}</w:p>"
    with pytest.raises(Exception) as info:
        render(env, src, cau={"mo_dau": "x"})
    err = template_error(info.value, src, "a.docx")
    assert err.tag == "{{ khong_co }}" and "biến 'khong_co'" in str(err)


def test_unclosed_block_names_the_opening_tag(env):
    src = "<w:p>{{ a }}</w:p>\n<w:p>{% if dang_vien.khtnv %}có</w:p>\n<w:p>hết</w:p>"
    with pytest.raises(Exception) as info:
        env.from_string(src)
    err = template_error(info.value, src, "a.docx")
    assert err.tag == "{% if dang_vien.khtnv %}" and "sai cú pháp" in str(err)


def test_xml_illegal_characters_never_reach_the_document(env):
    assert render(env, "{{ t }}", t="Chi bộ\x0b ấp 1\x01 & B") == "Chi bộ  ấp 1 &amp; B"
    assert render(env, "{{ t }}", t="a\nb\ac") == "a\nb\ac"  # docxtpl's line and paragraph breaks stay
