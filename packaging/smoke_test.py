"""Build the PyInstaller bundle in a clean temporary folder and prove it works on its own.

Run by `make dist-test` (slow: not part of `make test`). From the bundled executable,
offscreen, with a scrubbed environment (no venv, no PYTHONPATH, a private HOME, the
working directory outside the repository) it runs:

1. `--version`;
2. `check` and `check --json` on the example shipped inside the bundle;
3. `export -o plan.pdf` (the PDF must embed the bundled DejaVu fonts);
4. `export -o map.png`;
5. the GUI on the example for a few seconds; the app closes itself cleanly when
   ALIGNMENT_WORKSHOP_SMOKE_SECONDS is set (see alignment_workshop/gui/app.py).

It prints the time of each step and the bundle's size, and exits non-zero on the first
failure.  Options: --keep (leave the temp folder), --bundle DIR (test an existing bundle
instead of building one).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "alignment-workshop.spec"
APP = "alignment-workshop"
EXAMPLE = Path("_internal", "alignment_workshop", "resources", "examples")
GUI_SECONDS = 3
SMOKE_ENV = "ALIGNMENT_WORKSHOP_SMOKE_SECONDS"


class SmokeError(Exception):
    """One step of the smoke test failed; the message says which and why."""


def project_version() -> str:
    """The version in alignment_workshop/__init__.py, read without importing the package."""
    text = (ROOT / "alignment_workshop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__\s*=\s*"([^"]+)"', text)
    if not match:
        raise SmokeError("cannot find __version__ in alignment_workshop/__init__.py")
    return match.group(1)


def build(workdir: Path) -> Path:
    """Run PyInstaller with the spec into `workdir`; return the bundle folder."""
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(workdir / "dist"),
        "--workpath",
        str(workdir / "build"),
        str(SPEC),
    ]
    result = subprocess.run(command, cwd=workdir, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SmokeError(f"PyInstaller failed:\n{result.stderr[-3000:]}")
    return workdir / "dist" / APP


def clean_env(home: Path) -> dict[str, str]:
    """An environment with no trace of the venv or the repo, and a private home."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
    }
    (home / "runtime").mkdir(parents=True, mode=0o700, exist_ok=True)
    return env


class Runner:
    """Runs the bundled executable and times each step."""

    def __init__(self, exe: Path, cwd: Path, env: dict[str, str]) -> None:
        self.exe, self.cwd, self.env = exe, cwd, env
        self.timings: list[tuple[str, float]] = []

    def run(
        self,
        label: str,
        args: Sequence[str],
        ok: Sequence[int] = (0,),
        timeout: float = 120.0,
        extra_env: dict[str, str] | None = None,
    ) -> subprocess.CompletedProcess[str]:
        """Run one step; fail unless the exit code is in `ok` and nothing crashed."""
        started = time.perf_counter()
        try:
            result = subprocess.run(
                [str(self.exe), *args],
                cwd=self.cwd,
                env={**self.env, **(extra_env or {})},
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as error:
            hint = (
                f" (does gui/app.py honour {SMOKE_ENV}?)" if SMOKE_ENV in (extra_env or {}) else ""
            )
            raise SmokeError(f"{label}: still running after {timeout:.0f} s{hint}") from error
        elapsed = time.perf_counter() - started
        self.timings.append((label, elapsed))
        print(f"  {label:<28} {elapsed:6.2f} s  exit {result.returncode}", flush=True)
        if result.returncode not in ok or "Traceback" in result.stderr:
            raise SmokeError(
                f"{label}: exit {result.returncode}\nstdout: {result.stdout[-1500:]}\n"
                f"stderr: {result.stderr[-3000:]}"
            )
        return result


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk; fails if it is not a PNG."""
    data = path.read_bytes()[:24]
    if len(data) < 24 or not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise SmokeError(f"{path.name} is not a PNG file")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def exercise(bundle: Path, workdir: Path) -> Runner:
    """Run every step against the bundle; raise SmokeError on the first that fails."""
    exe = bundle / APP
    if not exe.is_file():
        raise SmokeError(f"no executable at {exe}")
    out = workdir / "out"
    out.mkdir(exist_ok=True)
    runner = Runner(exe, out, clean_env(workdir / "home"))
    example = next(iter(sorted((bundle / EXAMPLE).glob("*.alignment"))), None)
    if example is None:
        raise SmokeError(f"no example workshop inside the bundle at {bundle / EXAMPLE}")

    version = runner.run("--version", ["--version"]).stdout
    if project_version() not in version:
        raise SmokeError(f"--version printed {version!r}, expected {project_version()}")
    # The example shows a finding of every rule on purpose, so check exits 1 (errors found).
    human = runner.run("check", ["check", str(example)], ok=(0, 1)).stdout
    if "score" not in human.lower():
        raise SmokeError(f"check printed no score:\n{human[:1000]}")
    german = runner.run("check --lang de", ["check", str(example), "--lang", "de"], ok=(0, 1))
    if "Ausrichtung" not in german.stdout:  # the compiled German catalogue is bundled
        raise SmokeError(f"check --lang de printed no German:\n{german.stdout[:1000]}")
    report = json.loads(
        runner.run("check --json", ["check", str(example), "--json"], ok=(0, 1)).stdout
    )
    if not report.get("findings"):
        raise SmokeError("check --json on the example reported no findings")

    pdf = out / "plan.pdf"
    runner.run("export PDF", ["export", str(example), "-o", str(pdf)])
    data = pdf.read_bytes() if pdf.exists() else b""
    if not data.startswith(b"%PDF") or b"DejaVuSans" not in data:
        raise SmokeError("plan.pdf is missing, not a PDF, or lacks the bundled DejaVu fonts")

    png = out / "map.png"
    runner.run("export PNG", ["export", str(example), "-o", str(png)])
    width, height = png_size(png)
    if min(width, height) < 100:
        raise SmokeError(f"map.png is only {width}x{height} pixels")

    started = time.perf_counter()
    # Without the hook in gui/app.py the GUI never closes itself and this step times out.
    opened = shutil.copy2(example, out / "workshop.alignment")  # as a user would: a copy
    runner.run(
        f"GUI for {GUI_SECONDS} s",
        [str(opened)],
        timeout=GUI_SECONDS + 60,
        extra_env={SMOKE_ENV: str(GUI_SECONDS)},
    )
    if time.perf_counter() - started < GUI_SECONDS:
        raise SmokeError("the GUI exited before its smoke time: it did not stay open")
    return runner


def folder_size(folder: Path) -> int:
    """Bytes in every file below `folder` (symlinks not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: Sequence[str] | None = None) -> int:
    """Build (unless --bundle), exercise the bundle, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--bundle", type=Path, help="test this bundle instead of building")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="aw-dist-test-"))
    total = time.perf_counter()
    try:
        print(f"Smoke test in {workdir}", flush=True)
        started = time.perf_counter()
        bundle = args.bundle.resolve() if args.bundle else build(workdir)
        build_time = time.perf_counter() - started
        if not args.bundle:
            print(f"  {'build (PyInstaller)':<28} {build_time:6.2f} s", flush=True)
        runner = exercise(bundle, workdir)
        size = folder_size(bundle)
    except SmokeError as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    checks = sum(seconds for _, seconds in runner.timings)
    print(
        f"PASSED in {time.perf_counter() - total:.1f} s (build {build_time:.1f} s, "
        f"runs {checks:.1f} s); bundle size {size / 2**20:.0f} MiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
