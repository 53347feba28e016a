"""The wheel installs a working `alignment-workshop` into a fresh virtual environment.

SLOW (about 30 s; it builds a wheel, creates a venv and installs PySide6 and the other
dependencies into it). It is one test on purpose, and is never skipped: it is the proof
that resources (fonts, icons, examples, guide) ship inside the package and are found
through importlib.resources, not through paths relative to the repository.

CI-friendly: the wheel is built from a copy of the project's files in a temporary folder
(so a stale build/ folder in the checkout cannot leak into it), the venv is a plain one
(never --system-site-packages), the dependencies come from the configured package index
pinned to the versions of the development venv, pip's own cache is the user's real one
(not the per-test HOME that conftest.py sets up), and every command has a time limit.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROJECT_FILES = (
    "pyproject.toml", "setup.py", "README.md", "LICENSE", "alignment_workshop", "resources",
)  # fmt: skip
RUNTIME_DEPENDENCIES = (
    "PySide6-Essentials", "shiboken6", "networkx", "reportlab", "appdirs", "aiohttp", "segno",
)  # fmt: skip
#: Read at import time, before the autouse fixture points HOME at a temporary folder.
PIP_CACHE = os.environ.get("PIP_CACHE_DIR") or str(
    Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pip"
)
SHIPPED = (
    "alignment_workshop/py.typed",  # type checkers read the package's own annotations
    "alignment_workshop/resources/fonts/DejaVuSans.ttf",
    "alignment_workshop/resources/icons/app.svg",
    "alignment_workshop/resources/icons/hicolor/16x16/apps/alignment-workshop.png",
    "alignment_workshop/resources/guide/user-guide.md",
    "alignment_workshop/resources/guide/de/user-guide.md",  # F1 in German
    "alignment_workshop/resources/examples/product-company.alignment",
    "alignment_workshop/resources/room/phone.html",  # the room's phone page, served from memory
    "alignment_workshop/resources/room/phone.js",
    "alignment_workshop/resources/room/phone.css",
    # compiled by setup.py's build hook from the .po (the copy below holds no .mo)
    "alignment_workshop/resources/locale/de/LC_MESSAGES/alignment_workshop.mo",
)


def run(args: list[str], cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run a command with no trace of the development venv in its environment."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env.update(PIP_CACHE_DIR=PIP_CACHE, PIP_DISABLE_PIP_VERSION_CHECK="1")
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def build_wheel(tmp: Path) -> Path:
    """Copy the project's own files to `tmp/src` and build the wheel from the copy."""
    source = tmp / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "*.mo")
    for name in PROJECT_FILES:
        origin = ROOT / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=ignore)
        else:
            source.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, source / name)
    out = tmp / "wheels"
    built = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(out), "."], source)
    assert built.returncode == 0, built.stderr[-3000:]
    (wheel,) = out.glob("alignment_workshop-*.whl")
    return wheel


def fresh_venv(tmp: Path, wheel: Path) -> Path:
    """A plain venv with the wheel and its dependencies, pinned to the dev venv's versions."""
    env_dir = tmp / "venv"
    venv.EnvBuilder(with_pip=True, system_site_packages=False).create(env_dir)
    python = env_dir / "bin" / "python"
    pins = tmp / "constraints.txt"
    pins.write_text("".join(f"{d}=={metadata.version(d)}\n" for d in RUNTIME_DEPENDENCIES))
    installed = run(
        [str(python), "-m", "pip", "install", "--prefer-binary", "-c", str(pins), str(wheel)], tmp
    )
    assert installed.returncode == 0, installed.stderr[-3000:]
    return env_dir


def test_wheel_installs_a_working_command_with_its_resources(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path)
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in SHIPPED if name not in names]
    assert not missing, f"not in the wheel: {missing}"
    stray = [n for n in names if "screenshots/" in n or n.endswith((".bak", ".lock"))]
    assert not stray, f"README screenshots, backups or locks in the wheel: {stray}"

    env_dir = fresh_venv(tmp_path, wheel)
    command = str(env_dir / "bin" / "alignment-workshop")
    work = tmp_path / "elsewhere"  # not the repository, so nothing can be found relative to it
    work.mkdir()

    version = run([command, "--version"], work)
    assert version.returncode == 0 and version.stdout.split()[-1] == metadata.version(
        "alignment-workshop"
    ), version.stdout + version.stderr

    where = run(
        [
            str(env_dir / "bin" / "python"),
            "-c",
            "from alignment_workshop.paths import example_workshop; print(example_workshop())",
        ],
        work,
    )
    example = Path(where.stdout.strip())
    assert example.is_file(), where.stderr
    assert example.is_relative_to(env_dir), f"example found outside the venv: {example}"

    page = run(
        [str(env_dir / "bin" / "python"), "-c",
         "from alignment_workshop.room.assets import load_assets; print(sorted(load_assets()))"],
        work,
    )  # fmt: skip
    assert page.stdout.strip() == "['', 'app.css', 'app.js', 'strings.json']", page.stderr

    checked = run([command, "check", str(example), "--json"], work)
    assert checked.returncode in (0, 1), checked.stderr
    assert json.loads(checked.stdout)["findings"], "the example shows findings on purpose"
    german = run([command, "check", str(example), "--lang", "de"], work)
    assert german.stdout.startswith("Ausrichtung: "), "the wheel's German catalogue is missing"

    pdf = work / "plan.pdf"
    exported = run([command, "export", str(example), "-o", str(pdf)], work)
    assert exported.returncode == 0, exported.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and b"DejaVuSans" in data, "PDF lacks the shipped fonts"
