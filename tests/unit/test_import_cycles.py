"""No two modules of alignment_workshop import each other, directly or around a circle.

The import-linter contracts order the packages and the rooms inside gui, but they cannot
see a circle inside one room (the menus and the main window, a link and its card). This
test builds the whole import graph with grimp, which import-linter uses, and fails on any
strongly connected component of more than one module.

Every import counts: one inside a function (the lazy imports that keep Qt and reportlab
off the command line) and one under `if TYPE_CHECKING:` too. A type-only import is
still a dependency of the design: a circle of them is how both circles this test was
written for stayed hidden. Break one with a small `Protocol` in the module that needs
it, as `menus.WindowParts`, `interaction.MapSurface` and `link_item.LinkEnd` do.
"""

from __future__ import annotations

import grimp
import networkx as nx

PACKAGE = "alignment_workshop"


def import_graph() -> nx.DiGraph:
    imports = grimp.build_graph(PACKAGE, cache_dir=None)
    graph = nx.DiGraph()
    for module in imports.modules:
        graph.add_node(module)
        for imported in imports.find_modules_directly_imported_by(module):
            graph.add_edge(module, imported)
    return graph


def describe(graph: nx.DiGraph, component: set[str]) -> str:
    """One circle through the component, as `a -> b -> a`, for the failure message."""
    cycle = nx.find_cycle(graph.subgraph(component))
    return " -> ".join([edge[0] for edge in cycle] + [cycle[0][0]])


def test_no_module_imports_itself_around_a_circle() -> None:
    graph = import_graph()
    assert len(graph) > 100  # the whole package was read, not an empty shell
    circles = [c for c in nx.strongly_connected_components(graph) if len(c) > 1]
    assert [describe(graph, c) for c in circles] == []


def test_the_check_finds_a_circle_when_there_is_one() -> None:
    graph = import_graph()
    graph.add_edge("alignment_workshop.model", "alignment_workshop.gui.app")  # a bad import
    circles = [c for c in nx.strongly_connected_components(graph) if len(c) > 1]
    assert len(circles) == 1
    assert "alignment_workshop.gui.app" in describe(graph, circles[0])
