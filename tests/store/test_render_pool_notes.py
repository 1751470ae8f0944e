"""A form that declares no narrative report still gets its summary workbook; why it has no Word
report is a manifest note in the workspace's language (the error is worded where it is shown)."""

from __future__ import annotations

import pickle

import pytest
from render_support import make_result

from evalreport import parse_period
from evalreport.render.word.form_roles import FormRolesError, member_roles
from evalreport.store.render_pool import UnitJob, render_unit


@pytest.mark.parametrize(("lang", "words"), [("vi", "Mẫu DG-NAM không khai báo mục 'roles.members'"),
                                              ("en", "Form DG-NAM declares no 'roles.members' section")])
def test_a_form_without_report_roles_is_noted_in_the_workspace_language(form, four, tmp_path, lang, words):
    bare = form.model_copy(update={"roles": None})
    result = make_result(bare, four, parse_period("2021"))
    out = render_unit(UnitJob(result, tmp_path, lang, None), result.root)
    assert [p.suffix for p in out.paths] == [".xlsx"]  # the workbook, no Word report
    assert len(out.notes) == 1 and out.notes[0].startswith(words)
    with pytest.raises(FormRolesError) as caught:
        member_roles(bare)
    again = pickle.loads(pickle.dumps(caught.value))  # crosses a render process whole
    assert again.message(lang) == out.notes[0] and isinstance(again, ValueError)
