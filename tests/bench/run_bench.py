"""`make bench`: run every benchmark script in turn and print their figures.

Each `bench_*.py` beside this file is a standalone script; a figure that misses its
target prints SLOW. The run fails only if a script itself fails.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = ["bench_core.py", "bench_report.py", "bench_interchange.py", "bench_gui.py"]


def main() -> int:
    scripts = sorted(
        HERE.glob("bench_*.py"),
        key=lambda p: (p.name not in ORDER, ORDER.index(p.name) if p.name in ORDER else 0, p.name),
    )
    failed = []
    for script in scripts:
        print(f"== {script.stem}", flush=True)
        if subprocess.run(
            [sys.executable, str(script)], check=False, cwd=HERE.parents[1]
        ).returncode:
            failed.append(script.name)
    slow = "(see SLOW lines above)"
    print(f"\n{len(scripts)} benchmark scripts ran; failed: {', '.join(failed) or 'none'} {slow}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
