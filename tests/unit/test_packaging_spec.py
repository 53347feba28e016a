"""The PyInstaller spec, run with stand-ins for PyInstaller's build steps.

Windows and macOS builds cannot run here, so this checks what the spec asks of them: the
icons, the console/windowed executables, and the macOS Info.plist that registers
`.alignment` files (CFBundleDocumentTypes + UTExportedTypeDeclarations, role Editor).
The real Linux build is exercised by `make dist-test` (packaging/smoke_test.py).
"""

from __future__ import annotations

import plistlib
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "alignment-workshop.spec"
#: What the stand-in Analysis reports as collected data files.
DATAS = (
    ("PySide6/Qt/translations/qt_de.qm", "/qt/qt_de.qm", "DATA"),
    ("alignment_workshop/resources/guide/user-guide.md", "/src/user-guide.md", "DATA"),
)


class Recorder:
    """Stands in for one PyInstaller build step and remembers how it was called."""

    def __init__(self, calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]], name: str) -> None:
        self.calls, self.name = calls, name

    def __call__(self, *args: Any, **kwargs: Any) -> SimpleNamespace:
        self.calls.append((self.name, args, kwargs))
        return SimpleNamespace(pure=[], scripts=[], binaries=[], datas=list(DATAS))


def run_spec(monkeypatch: pytest.MonkeyPatch, platform: str) -> dict[str, list[dict[str, Any]]]:
    """Execute the spec as PyInstaller would on `platform`; return each step's kwargs."""
    calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
    names = ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")
    namespace: dict[str, Any] = {name: Recorder(calls, name) for name in names}
    namespace.update(SPECPATH=str(SPEC.parent), __file__=str(SPEC), __name__="__spec__")
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(sys, "path", list(sys.path))
    exec(compile(SPEC.read_text(), str(SPEC), "exec"), namespace)
    steps: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
    for name, args, kwargs in calls:
        steps[name].append({"args": args, **kwargs})
    return steps


def test_linux_build_is_one_folder_with_resources(monkeypatch: pytest.MonkeyPatch) -> None:
    steps = run_spec(monkeypatch, "linux")
    (analysis,) = steps["Analysis"]
    assert analysis["args"][0] == [str(ROOT / "packaging" / "launcher.py")]
    datas = analysis["datas"]
    guide = ROOT / "resources" / "guide" / "user-guide.md"
    assert (str(guide), "alignment_workshop/resources/guide") in datas
    icon = ROOT / "resources" / "icons" / "hicolor" / "16x16" / "apps" / "alignment-workshop.png"
    assert (str(icon), "alignment_workshop/resources/icons/hicolor/16x16/apps") in datas
    assert not [src for src, _ in datas if src.endswith((".bak", ".lock", ".pyc"))]
    hidden = analysis["hiddenimports"]
    assert "alignment_workshop.cli" in hidden and "alignment_workshop.report" in hidden
    (exe,) = steps["EXE"]
    assert exe["name"] == "alignment-workshop" and exe["console"] is True
    assert exe["exclude_binaries"] is True  # one folder, not one file
    (collect,) = steps["COLLECT"]
    assert collect["name"] == "alignment-workshop"
    assert steps["BUNDLE"] == []


def test_windows_has_windowed_app_and_console_cli_with_the_ico(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    exes = run_spec(monkeypatch, "win32")["EXE"]
    by_name = {exe["name"]: exe for exe in exes}
    assert by_name["alignment-workshop"]["console"] is False
    assert by_name["alignment-workshop-cli"]["console"] is True
    for exe in exes:
        assert exe["icon"].endswith("app.ico") and Path(exe["icon"]).is_file()


def test_macos_bundle_registers_alignment_files(monkeypatch: pytest.MonkeyPatch) -> None:
    steps = run_spec(monkeypatch, "darwin")
    (bundle,) = steps["BUNDLE"]
    assert bundle["name"] == "Alignment Workshop.app"
    assert bundle["icon"].endswith("app.icns") and Path(bundle["icon"]).is_file()
    assert steps["EXE"][0]["argv_emulation"] is False  # QFileOpenEvent is handled in Qt
    plist = bundle["info_plist"]
    plistlib.dumps(plist)  # every value must be a plist type
    (doc_type,) = plist["CFBundleDocumentTypes"]
    (exported,) = plist["UTExportedTypeDeclarations"]
    assert doc_type["CFBundleTypeRole"] == "Editor"
    assert doc_type["LSItemContentTypes"] == [exported["UTTypeIdentifier"]]
    tags = exported["UTTypeTagSpecification"]
    assert tags["public.filename-extension"] == ["alignment"]
    assert tags["public.mime-type"] == ["application/x-alignment-workshop"]
    assert "public.json" in exported["UTTypeConformsTo"]
    assert plist["CFBundleShortVersionString"] == bundle["version"]


def test_qt_translations_are_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    collect_args = run_spec(monkeypatch, "linux")["COLLECT"][0]["args"]
    assert [DATAS[1]] in collect_args
    assert list(DATAS) not in collect_args
