"""The offline install end to end: a bundle built for this machine installs into a fresh virtual
environment with no package index and runs the demo; the Windows bundle holds every requirement
of every wheel, with markers evaluated for Windows (what pip, run here, would have left out).

Both need the package index to build the bundle and skip, saying so, when it cannot be reached."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename
from typer.testing import CliRunner

from evalreport.cli import app
from evalreport.install.bundle import build_bundle
from evalreport.install.closure import read_wheels
from evalreport.install.download import BundleError
from evalreport.install.target import Target

pytestmark = pytest.mark.slow  # downloads ~50 MB of wheels and installs them

ROOT = Path(__file__).resolve().parents[2]
WORKBOOK = ROOT / "workbooks" / "evalreport.xlsm"


def _build_or_skip(out: Path, target: Target):
    try:
        return build_bundle(out, ROOT, WORKBOOK, target)
    except BundleError as exc:
        if "pip could not" in exc.message("en"):
            pytest.skip(f"the package index cannot be reached, so no bundle can be built: {exc.message('en')}")
        raise


def _offline_env(home: Path) -> dict[str, str]:
    """No index, no configured find-links, and nothing of the checkout on the path: only the bundle."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PYTHON", "VIRTUAL_ENV"))}
    env.update(HOME=str(home), PIP_NO_INDEX="1", PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1")
    return env


def test_bundle_for_this_machine_installs_offline_and_runs_the_demo(tmp_path):
    out = tmp_path / "goi"
    result = CliRunner().invoke(app, ["bundle", str(out), "--source", str(ROOT), "-q"])
    if result.exit_code == 1 and "pip" in result.output:
        pytest.skip(f"the package index cannot be reached, so no bundle can be built: {result.output[-400:]}")
    assert result.exit_code == 0, result.output
    assert "Đã tạo gói cài đặt" in result.output
    assert {p.name for p in out.iterdir()} >= {"wheels", "evalreport.xlsm", "evalreport_en.xlsm", "cai-dat.cmd", "cai-dat.sh"}
    with zipfile.ZipFile(tmp_path / "goi.zip") as archive:
        assert "goi/cai-dat.cmd" in archive.namelist() and "goi/evalreport.xlsm" in archive.namelist()

    home = tmp_path / "home"
    home.mkdir()
    venv = tmp_path / "moi truong"  # a space in the path, as in "C:\Users\Nguyễn Văn A"
    env = _offline_env(home)
    env["PYTHON"] = sys.executable
    done = subprocess.run(["sh", str(out / "cai-dat.sh"), str(venv)], env=env, capture_output=True, text=True,
                          cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ĐÃ CÀI XONG" in done.stdout
    conf = (home / ".xlwings" / "xlwings.conf").read_text()
    assert f'"INTERPRETER_MAC","{venv / "bin" / "python"}"' in conf

    demo = subprocess.run([str(venv / "bin" / "evalreport"), "demo", str(tmp_path / "demo"), "-q"], env=env,
                          capture_output=True, text=True, cwd=tmp_path)
    assert demo.returncode == 0, demo.stdout[-2000:] + demo.stderr[-2000:]
    assert list((tmp_path / "demo" / "outputs").rglob("*.docx")) and list((tmp_path / "demo" / "outputs").rglob("*.xlsx"))
    where = subprocess.run([str(venv / "bin" / "python"), "-c", "import evalreport; print(evalreport.__file__)"],
                           env=env, capture_output=True, text=True, cwd=tmp_path)
    assert where.stdout.startswith(str(venv)), where.stdout  # the installed copy ran, not the checkout


def _windows_environment() -> dict[str, str]:
    return {"implementation_name": "cpython", "implementation_version": "3.11.0", "os_name": "nt",
            "platform_machine": "AMD64", "platform_python_implementation": "CPython", "platform_release": "",
            "platform_system": "Windows", "platform_version": "", "python_full_version": "3.11.0",
            "python_version": "3.11", "sys_platform": "win32"}


def test_windows_bundle_meets_every_requirement_of_every_wheel(tmp_path):
    bundle = _build_or_skip(tmp_path / "windows", Target("win_amd64", "3.11"))
    versions = {}
    for path in bundle.wheels:
        name, version, _build, tags = parse_wheel_filename(path.name)
        versions[name] = version
        assert any(t.platform in ("any", "win_amd64") and t.interpreter in ("py3", "py2", "cp311", "cp37")
                   for t in tags), path.name
    assert {"evalreport", "xlwings", "pywin32", "colorama"} <= set(versions)
    environment = {**_windows_environment(), "extra": ""}
    for wheel in read_wheels(bundle.folder / "wheels").values():
        for req in wheel.requires:
            if req.marker is not None and not req.marker.evaluate(environment):
                continue
            have = versions.get(canonicalize_name(Requirement(str(req)).name))
            assert have is not None and req.specifier.contains(have, prereleases=True), \
                f"{wheel.path.name} requires {req}, the bundle has {have}"
    cmd = (bundle.folder / "cai-dat.cmd").read_bytes()
    assert cmd.count(b"\r\n") == cmd.count(b"\n")
