"""Atomic outputs: a killed write leaves the old file; a finished one has ordinary permissions."""

import os
import stat

import pytest

from evalreport.store.atomic import atomic_path


def test_atomic_output_has_ordinary_permissions(tmp_path):
    target = tmp_path / "out.txt"
    with atomic_path(target) as tmp:
        tmp.write_text("một")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("hai")
        raise RuntimeError("killed")
    assert target.read_text() == "một" and list(tmp_path.iterdir()) == [target]
