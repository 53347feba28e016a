"""Linux desktop integration: the .desktop file, the MIME type and the per-user installer.

These run the real freedesktop tools. Nothing is skipped: when a tool is missing the test
fails and names the Debian package to install (`make system-deps` installs them all, from
.ci/system-packages.txt).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / "alignment-workshop.desktop"
MIME_XML = LINUX / "alignment-workshop.xml"
INSTALLER = ROOT / "packaging" / "install-desktop.sh"
MIME_TYPE = "application/x-alignment-workshop"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
#: The first bytes the saver writes: 2-space indent, "format" first.
SAVED_HEAD = '{\n  "format": "alignment-workshop",\n  "version": 1,\n  "nodes": []\n}\n'

#: tool -> the Debian package that provides it
TOOLS = {
    "desktop-file-validate": "desktop-file-utils",
    "update-desktop-database": "desktop-file-utils",
    "update-mime-database": "shared-mime-info",
    "xdg-mime": "xdg-utils",
    "xdg-icon-resource": "xdg-utils",
    "mimetype": "libfile-mimeinfo-perl",
    "xmllint": "libxml2-utils",
}


def tool(name: str) -> str:
    """The path of a required tool; fails (never skips) naming its apt package if missing."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"`{name}` is missing: run `make system-deps` (it installs {TOOLS[name]})")
    return path


def desktop_env(home: Path) -> dict[str, str]:
    """The test's private XDG folders, and the generic desktop so xdg-mime uses `mimetype`."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DESKTOP_SESSION", "KDE_FULL_SESSION", "GNOME_DESKTOP_SESSION_ID"}
    }
    env.update(XDG_CURRENT_DESKTOP="X-Generic", HOME=str(home))
    return env


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, env=env, check=False, timeout=120)


@pytest.fixture
def installed(private_home: Path) -> Path:
    """Install for the (private) current user with packaging/install-desktop.sh."""
    for name in ("update-mime-database", "update-desktop-database", "xdg-icon-resource"):
        tool(name)
    result = run(
        "sh", str(INSTALLER), "--exec", "/opt/aw/alignment-workshop", env=desktop_env(private_home)
    )
    assert result.returncode == 0, result.stderr
    output = (result.stdout + result.stderr).lower()
    assert "warning" not in output and "error" not in output, output
    return Path(os.environ["XDG_DATA_HOME"])


def test_desktop_file_validates() -> None:
    result = run(tool("desktop-file-validate"), str(DESKTOP))
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_desktop_file_opens_our_files_with_the_file_argument() -> None:
    entry = dict(line.split("=", 1) for line in DESKTOP.read_text().splitlines() if "=" in line)
    assert entry["MimeType"] == f"{MIME_TYPE};"
    assert entry["Exec"].endswith(" %f")
    assert entry["Icon"] == "alignment-workshop"
    assert entry["Terminal"] == "false"


def test_mime_xml_is_well_formed_and_declares_glob_and_magic() -> None:
    result = run(tool("xmllint"), "--noout", str(MIME_XML))
    assert result.returncode == 0, result.stderr
    mime = ET.parse(MIME_XML).getroot().find(f"{MIME_NS}mime-type")
    assert mime is not None and mime.get("type") == MIME_TYPE
    globs = [g.get("pattern") for g in mime.iter(f"{MIME_NS}glob")]
    assert globs == ["*.alignment"]
    values = [m.get("value") for m in mime.iter(f"{MIME_NS}match")]
    assert '"format": "alignment-workshop"' in values


def compile_mime(xml_text: str, data_home: Path) -> subprocess.CompletedProcess[str]:
    """Build a MIME database from one package XML with update-mime-database."""
    packages = data_home / "mime" / "packages"
    packages.mkdir(parents=True)
    (packages / MIME_XML.name).write_text(xml_text)
    env = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    return run(tool("update-mime-database"), str(data_home / "mime"), env=env)


def test_mime_database_accepts_the_xml(tmp_path: Path) -> None:
    result = compile_mime(MIME_XML.read_text(), tmp_path)
    complaints = (result.stdout + result.stderr).strip()
    assert result.returncode == 0 and not complaints, complaints
    assert MIME_TYPE in (tmp_path / "mime" / "types").read_text()
    assert "*.alignment" in (tmp_path / "mime" / "globs2").read_text()
    assert b'"format": "alignment-workshop"' in (tmp_path / "mime" / "magic").read_bytes()


def test_mime_database_complaints_would_be_caught(tmp_path: Path) -> None:
    """update-mime-database exits 0 even on a broken rule: the output check above matters."""
    broken = MIME_XML.read_text().replace('offset="0:64"', 'offset="x"', 1)
    result = compile_mime(broken, tmp_path)
    assert "Invalid offset" in result.stdout + result.stderr


def test_install_registers_the_type_for_the_user(installed: Path, tmp_path: Path) -> None:
    env = desktop_env(Path(os.environ["HOME"]))
    tool("mimetype")  # xdg-mime on a generic desktop asks File::MimeInfo's `mimetype`
    by_name = tmp_path / "plan.alignment"
    by_name.write_text(SAVED_HEAD)
    by_magic = tmp_path / "attachment"  # no extension: only the content says what it is
    by_magic.write_text(SAVED_HEAD)
    for path in (by_name, by_magic):
        result = run(tool("xdg-mime"), "query", "filetype", str(path), env=env)
        assert result.stdout.strip() == MIME_TYPE, (path.name, result.stdout, result.stderr)
    default = run("xdg-mime", "query", "default", MIME_TYPE, env=env)
    assert default.stdout.strip() == "alignment-workshop.desktop"


def test_plain_json_is_not_claimed(installed: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.write_text('{\n  "format": "something-else"\n}\n')
    env = desktop_env(Path(os.environ["HOME"]))
    result = run(tool("xdg-mime"), "query", "filetype", str(other), env=env)
    assert result.stdout.strip() != MIME_TYPE


def test_install_writes_launcher_and_every_icon_size(installed: Path) -> None:
    launcher = installed / "applications" / "alignment-workshop.desktop"
    text = launcher.read_text()
    assert 'Exec="/opt/aw/alignment-workshop" %f' in text
    result = run(tool("desktop-file-validate"), str(launcher))
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        icon = (
            installed / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "alignment-workshop.png"
        )
        assert icon.is_file(), icon
    assert (installed / "mime" / "packages" / "alignment-workshop.xml").is_file()
    assert MIME_TYPE in (installed / "applications" / "mimeinfo.cache").read_text()


def test_uninstall_removes_everything_it_installed(installed: Path) -> None:
    env = desktop_env(Path(os.environ["HOME"]))
    result = run("sh", str(INSTALLER), "--uninstall", env=env)
    assert result.returncode == 0, result.stderr
    assert not (installed / "applications" / "alignment-workshop.desktop").exists()
    assert not list(installed.glob("icons/hicolor/*/apps/alignment-workshop.*"))
    assert MIME_TYPE not in (installed / "mime" / "types").read_text()


def test_launcher_quotes_an_awkward_program_path(private_home: Path) -> None:
    program = private_home / "my 100% $apps" / "alignment-workshop"
    result = run("sh", str(INSTALLER), "--exec", str(program), env=desktop_env(private_home))
    assert result.returncode == 0, result.stderr
    launcher = Path(os.environ["XDG_DATA_HOME"]) / "applications" / "alignment-workshop.desktop"
    escaped = str(program).replace("%", "%%").replace("$", "\\\\$")
    assert f'Exec="{escaped}" %f' in launcher.read_text()
    check = run(tool("desktop-file-validate"), str(launcher))
    assert check.returncode == 0 and not check.stdout.strip(), check.stdout
