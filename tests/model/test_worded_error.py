"""An error an officer may read is data (a catalog key and parameters), worded in the language of
whoever shows it; its ``str()`` stays English for developers and logs, and it survives a process
boundary whole."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from evalreport.form.definition import FormDefinitionError, load_form
from evalreport.model.period import PeriodError, parse_period
from evalreport.store.config import WorkspaceConfigError, load_config
from evalreport.store.lock import WorkspaceLocked


def test_a_period_error_is_worded_in_each_language_and_english_for_developers():
    with pytest.raises(PeriodError) as err:
        parse_period("2025-13")
    assert err.value.message() == ("'2025-13' không phải là kỳ báo cáo: hãy viết năm (2021), quý (2025-Q3) "
                                   "hoặc tháng (2025-11)")
    assert str(err.value) == err.value.message("en") and str(err.value).startswith("'2025-13' is not a period")


def test_an_unknown_form_is_worded_in_vietnamese():
    with pytest.raises(FormDefinitionError) as err:
        load_form("XX")
    assert "Biểu mẫu 'XX' không được hỗ trợ" in err.value.message("vi")


def test_errors_survive_pickling_with_their_parameters(tmp_path: Path):
    with pytest.raises(WorkspaceConfigError) as err:
        load_config(tmp_path)
    locked = WorkspaceLocked(tmp_path, {"pid": 7, "host": "may-1", "command": "run 2025", "started": "08:00"}, 3)
    for exc in (err.value, locked):
        back = pickle.loads(pickle.dumps(exc))
        assert type(back) is type(exc)
        assert back.message("vi") == exc.message("vi") and str(back) == str(exc)
    assert "tiến trình 7 trên máy may-1" in locked.message("vi")
    assert str(locked).startswith(f"workspace {tmp_path} is busy (The workspace is in use by process 7")
