"""The completeness check of a bundle's wheel folder, on small wheels made here: what a Windows
target needs beyond what pip saw on this machine, and the officer's xlwings.conf."""

from __future__ import annotations

import zipfile
from pathlib import Path

from evalreport.install.closure import foreign_wheels, read_wheels, unmet_requirements
from evalreport.install.scripts import write_install_scripts
from evalreport.install.target import Target
from evalreport.install.xlwings_conf import interpreter_setting, user_config_file, write_user_config

WINDOWS = Target("win_amd64", "3.11")
LINUX = Target("manylinux_2_17_x86_64", "3.11")


def make_wheel(folder: Path, name: str, version: str, requires: list[str], tag: str = "py3-none-any") -> Path:
    path = folder / f"{name}-{version}-{tag}.whl"
    metadata = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n" + "".join(
        f"Requires-Dist: {r}\n" for r in requires)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(f"{name}-{version}.dist-info/METADATA", metadata)
    return path


def test_windows_only_requirements_are_unmet_only_for_windows(tmp_path):
    make_wheel(tmp_path, "evalreport", "0.1.0", ["xlwings==0.37.8", "typer>=0.12"])
    make_wheel(tmp_path, "xlwings", "0.37.8", ['pywin32>=224; platform_system == "Windows"',
                                              'appscript>=1.0.1; platform_system == "Darwin"'],
               tag="cp311-cp311-win_amd64")
    make_wheel(tmp_path, "typer", "0.29.2", ['colorama; platform_system == "Windows"', "rich>=13.8"])
    make_wheel(tmp_path, "rich", "15.0.0", ['docs-tool; extra == "docs"'])
    wheels = read_wheels(tmp_path)
    assert sorted(str(r) for r in unmet_requirements(wheels, WINDOWS)) == ["colorama", "pywin32>=224"]
    assert unmet_requirements(wheels, LINUX) == []

    make_wheel(tmp_path, "pywin32", "312", [], tag="cp311-cp311-win_amd64")
    make_wheel(tmp_path, "colorama", "0.4.6", [])
    assert unmet_requirements(read_wheels(tmp_path), WINDOWS) == []


def test_wrong_versions_and_extras_are_followed(tmp_path):
    make_wheel(tmp_path, "evalreport", "0.1.0", ["docxtpl[extra1]>=0.16", "rich>=13"])
    make_wheel(tmp_path, "docxtpl", "0.20.2", ['lxml; extra == "extra1"'])
    make_wheel(tmp_path, "rich", "12.0.0", [])
    unmet = {str(r) for r in unmet_requirements(read_wheels(tmp_path), WINDOWS)}
    assert unmet == {"lxml", "rich>=13"}


def test_wheels_built_for_another_platform_are_reported(tmp_path):
    make_wheel(tmp_path, "evalreport", "0.1.0", [])
    make_wheel(tmp_path, "numpy", "2.4.6", [], tag="cp311-cp311-manylinux_2_17_x86_64")
    make_wheel(tmp_path, "lxml", "6.2.0", [], tag="cp311-cp311-win_amd64")
    wheels = read_wheels(tmp_path)
    assert [p.name for p in foreign_wheels(wheels, WINDOWS)] == ["numpy-2.4.6-cp311-cp311-manylinux_2_17_x86_64.whl"]
    assert [p.name for p in foreign_wheels(wheels, LINUX)] == ["lxml-6.2.0-cp311-cp311-win_amd64.whl"]
    assert foreign_wheels(wheels, Target("win_amd64", "3.12")) != []  # cp311 wheels do not fit 3.12


def test_windows_marker_environment():
    env = WINDOWS.marker_environment()
    assert (env["sys_platform"], env["platform_system"], env["os_name"], env["platform_machine"],
            env["python_version"]) == ("win32", "Windows", "nt", "AMD64", "3.11")


def test_xlwings_conf_points_at_pythonw_and_keeps_other_keys(tmp_path):
    scripts = tmp_path / "venv" / "Scripts"
    scripts.mkdir(parents=True)
    (scripts / "python.exe").touch()
    (scripts / "pythonw.exe").touch()
    key, value = interpreter_setting(str(scripts / "python.exe"), platform="win32")
    assert (key, value) == ("INTERPRETER_WIN", str(scripts / "pythonw.exe"))

    conf = user_config_file("win32", home=tmp_path)
    assert conf == tmp_path / ".xlwings" / "xlwings.conf"
    conf.parent.mkdir()
    conf.write_text('"LICENSE_KEY","noncommercial"\n"INTERPRETER_WIN","C:\\old\\python.exe"\n')
    write_user_config({key: value, "PYTHONPATH": ""}, conf)
    lines = conf.read_text().splitlines()
    assert lines == ['"LICENSE_KEY","noncommercial"', f'"INTERPRETER_WIN","{value}"']  # no empty PYTHONPATH


def test_install_scripts_line_ends(tmp_path):
    cmd, sh = write_install_scripts(tmp_path)
    data = cmd.read_bytes()
    assert data.count(b"\r\n") == data.count(b"\n") > 50  # cmd.exe needs CRLF to find its labels
    assert "--no-index --find-links" in data.decode("utf-8")
    assert b"\r" not in sh.read_bytes() and sh.stat().st_mode & 0o111
