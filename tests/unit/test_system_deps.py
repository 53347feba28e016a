"""`make system-deps` (.ci/system-deps): one list of system packages, three behaviours.

The script runs against fake `dpkg-query`, `id` and `apt-get` commands: PATH holds only
the fakes, so nothing on this machine is queried or installed. The fakes say which
packages are installed (FAKE_INSTALLED), which user runs the script (FAKE_UID), and
record every apt-get call in a log.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.unit.test_packaging_linux import TOOLS

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / ".ci" / "system-deps"
PACKAGE_LIST = ROOT / ".ci" / "system-packages.txt"
BASH = shutil.which("bash") or "/bin/bash"

FAKES = {
    "dpkg-query": """
for package; do :; done
for installed in $FAKE_INSTALLED; do
  if [[ $installed == "$package" ]]; then echo -n "install ok installed"; exit 0; fi
done
echo "dpkg-query: no packages found matching $package" >&2
exit 1
""",
    "id": 'echo "$FAKE_UID"',
    "apt-get": 'echo "apt-get $*" >>"$FAKE_LOG"',
}


def listed() -> list[str]:
    """The packages in the list, as the script reads them."""
    names = []
    for line in PACKAGE_LIST.read_text(encoding="utf-8").splitlines():
        names += line.split("#", 1)[0].split()
    return names


def run_script(
    tmp_path: Path, *, installed: list[str], uid: int, fakes: tuple[str, ...] = tuple(FAKES)
) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """Run the script with only the named fakes on PATH; returns the result and apt-get calls."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in fakes:
        fake = bin_dir / name
        fake.write_text(f"#!{BASH}\n{FAKES[name]}\n", encoding="utf-8")
        fake.chmod(0o755)
    log = tmp_path / "apt.log"
    env = {
        "PATH": str(bin_dir),
        "FAKE_INSTALLED": " ".join(installed),
        "FAKE_UID": str(uid),
        "FAKE_LOG": str(log),
        "HOME": os.environ["HOME"],
    }
    result = subprocess.run(
        [BASH, str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    calls = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return result, calls


def test_the_list_names_every_package_the_packaging_tests_ask_for() -> None:
    packages = listed()
    assert set(TOOLS.values()) <= set(packages)
    assert len(packages) == len(set(packages)), "a package is listed twice"
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9.+-]+", p) for p in packages), packages


def test_make_test_and_ci_use_the_step() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^test: system-deps\b", makefile, re.MULTILINE)
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_nothing_missing_runs_no_apt_get(tmp_path: Path) -> None:
    result, calls = run_script(tmp_path, installed=listed(), uid=0)
    assert result.returncode == 0, result.stderr
    assert calls == []
    assert result.stdout == result.stderr == ""


def test_root_installs_only_what_is_missing(tmp_path: Path) -> None:
    missing = ["libegl1", "xdg-utils"]
    result, calls = run_script(tmp_path, installed=[p for p in listed() if p not in missing], uid=0)
    assert result.returncode == 0, result.stderr
    assert calls == [
        "apt-get update",
        "apt-get install -y --no-install-recommends libegl1 xdg-utils",
    ]


def test_a_user_gets_the_one_sudo_line_and_a_failure(tmp_path: Path) -> None:
    missing = ["libgl1", "libxml2-utils"]
    result, calls = run_script(
        tmp_path, installed=[p for p in listed() if p not in missing], uid=1000
    )
    assert result.returncode == 1
    assert calls == []
    sudo = [line for line in result.stderr.splitlines() if "apt-get" in line]
    assert sudo == ["sudo apt-get install -y --no-install-recommends libgl1 libxml2-utils"]
    assert "2 system package(s) missing: libgl1 libxml2-utils" in result.stderr


@pytest.mark.parametrize("absent", ["dpkg-query", "apt-get"])
def test_another_system_is_told_so_and_the_run_goes_on(tmp_path: Path, absent: str) -> None:
    fakes = tuple(name for name in FAKES if name != absent)
    result, calls = run_script(tmp_path, installed=[], uid=1000, fakes=fakes)
    assert result.returncode == 0
    assert calls == []
    assert "not a Debian or Ubuntu system" in result.stderr
    assert "libegl1" in result.stderr
