"""Core figures: load, save and check of the 10,000-node benchmark workshop.

Targets from the core issue: `check --json` ≤ 0.6 s as a whole process, load ≤ 0.5 s,
save ≤ 0.5 s, peak memory ≤ 300 MB, and `check` ≤ 2 × a bare networkx script (issue 10,
with key results in the benchmark; it was 2.5 × before).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.common import BIN, best_of, figure, generated_file, run_process

BARE_SCRIPT = """
import json, sys
import networkx as nx
with open(sys.argv[1], "rb") as f:
    data = json.loads(f.read())
graph = nx.DiGraph()
graph.add_nodes_from(n["id"] for n in data["nodes"])
S = ("supports", "measures")
graph.add_edges_from((l["source"], l["target"]) for l in data["links"] if l["kind"] in S)
vision = next(n["id"] for n in data["nodes"] if n["kind"] == "vision")
nx.ancestors(graph, vision)
list(nx.strongly_connected_components(graph))
"""


def main() -> None:
    from alignment_workshop.analysis import analyze
    from alignment_workshop.fileio import dumps, load, save

    path = generated_file(10_000)
    workshop = load(path)
    print(
        f"Core: {path.name}: {len(workshop.nodes):,} nodes, {len(workshop.links):,} links, "
        f"{path.stat().st_size / 1e6:.1f} MB"
    )
    figure("load (in process)", best_of(lambda: load(path)), "s", 0.5)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "copy.alignment"
        figure(
            "save (in process, atomic, with .bak)",
            best_of(lambda: save(workshop, target)),
            "s",
            0.5,
        )
    figure("serialise only", best_of(lambda: dumps(workshop)), "s")
    figure("analyze (in process)", best_of(lambda: analyze(workshop)), "s")
    check_wall, check_peak = run_process(
        [str(BIN / "alignment-workshop"), "check", "--json", str(path)]
    )
    figure("check --json, whole process", check_wall, "s", 0.6)
    figure("check --json, peak memory", check_peak, "MB", 300)
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as script:
        script.write(BARE_SCRIPT)
    bare_wall, _ = run_process([sys.executable, script.name, str(path)])
    Path(script.name).unlink()
    figure("bare networkx script, whole process", bare_wall, "s")
    figure("ratio check / bare script", check_wall / bare_wall, "×", 2.0)


if __name__ == "__main__":
    main()
