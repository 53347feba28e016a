"""Helpers shared by the benchmark scripts: timing, child processes, generated files.

Every script prints one line per figure, `label: value (target …) OK|SLOW`, so that
`make bench` reads as a table and README's Performance section can quote it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "bench-out"
BIN = Path(sys.executable).parent


def figure(label: str, value: float, unit: str, target: float | None = None) -> bool:
    """Print one figure; returns whether it meets its target (lower is better)."""
    shown = f"{value:,.0f} {unit}" if unit in ("MB", "pages") else f"{value:.3f} {unit}"
    if target is None:
        print(f"  {label}: {shown}", flush=True)
        return True
    ok = value <= target
    print(f"  {label}: {shown} (target ≤ {target:g} {unit}) {'OK' if ok else 'SLOW'}", flush=True)
    return ok


def best_of(function: Callable[[], object], runs: int = 5) -> float:
    """The fastest of `runs` timings of `function`, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def run_process(command: Sequence[str], runs: int = 5) -> tuple[float, float]:
    """Median wall time (s) and peak resident memory (MB) of a whole child process."""
    walls, peaks = [], []
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for _ in range(runs):
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        walls.append(time.perf_counter() - start)
        peaks.append(usage.ru_maxrss / 1024)
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode not in (0, 1):
            raise SystemExit(f"{command} failed with exit {child.returncode}")
    return statistics.median(walls), max(peaks)


def generated_file(nodes: int, seed: int = 7) -> Path:
    """A generated workshop saved under bench-out/, made once and reused."""
    from alignment_workshop.fileio import save
    from tests.support.generate import generate_workshop

    OUT.mkdir(exist_ok=True)
    path = OUT / f"generated-{nodes}-{seed}.alignment"
    if not path.exists():
        save(generate_workshop(nodes=nodes, seed=seed), path)
    return path
