"""Why does this matter? Paths of supports links up to a vision, and their sentences."""

from __future__ import annotations

from itertools import pairwise

from alignment_workshop.analysis import (
    MAX_PATHS,
    WhyIndex,
    so_that_sentence,
    why_paths,
    why_sentence,
)

from .test_analysis_builder import Map


def _diamond() -> Map:
    """g supports o1 and o2 (both → v) and g2, which supports o1."""
    m = Map()
    m.vision()
    m.objective("o1", title="Halve onboarding time")
    m.objective("o2", title="Grow renewals")
    m.goal("g", title="Guided setup wizard")
    m.goal("g2", title="Import from spreadsheets")
    m.supports("o1", "v")
    m.supports("o2", "v")
    m.supports("g", "g2", "o1")
    m.supports("g", "o2")
    m.supports("g", "o1")
    return m


def test_every_path_comes_back_shortest_first() -> None:
    m = _diamond()
    paths = why_paths(m.workshop, "g")
    assert paths[:2] in (
        [("g", "o2", "v"), ("g", "o1", "v")],
        [("g", "o1", "v"), ("g", "o2", "v")],
    )
    assert paths[2:] == [("g", "g2", "o1", "v")]


def test_dropped_nodes_and_their_links_are_left_out() -> None:
    m = _diamond()
    m.drop("o2", "g2")
    assert why_paths(m.workshop, "g") == [("g", "o1", "v")]
    assert why_paths(m.workshop, "g2") == []


def test_a_node_that_reaches_no_vision_has_no_path() -> None:
    m = _diamond()
    m.goal("stray")
    assert why_paths(m.workshop, "stray") == []
    assert why_paths(m.workshop, "no-such-node") == []


def test_a_vision_is_its_own_path() -> None:
    assert why_paths(_diamond().workshop, "v") == [("v",)]


def test_paths_reach_any_of_several_visions() -> None:
    m = Map()
    m.vision("v1")
    m.vision("v2")
    m.objective("o")
    m.supports("o", "v1")
    m.supports("o", "v2")
    assert sorted(why_paths(m.workshop, "o")) == [("o", "v1"), ("o", "v2")]


def test_circles_do_not_hang_and_paths_stay_simple() -> None:
    m = Map()
    m.vision()
    m.objective("o")
    m.supports("o", "v")
    for g in ("a", "b", "c"):
        m.goal(g)
    m.supports("a", "b", "c", "a")
    m.supports("c", "o")
    m.supports("b", "o")
    assert why_paths(m.workshop, "a") == [("a", "b", "o", "v"), ("a", "b", "c", "o", "v")]
    assert why_paths(m.workshop, "c") == [("c", "o", "v"), ("c", "a", "b", "o", "v")]


def _dense_map(layers: int, width: int) -> Map:
    """Layers of goals, each goal supporting every goal of the layer above, then o → v."""
    m = Map()
    m.vision()
    m.objective("o")
    m.supports("o", "v")
    for layer in range(layers):
        for i in range(width):
            m.goal(f"g{layer}-{i}")
            if layer == 0:
                m.supports(f"g{layer}-{i}", "o")
            for j in range(width):
                if layer > 0:
                    m.supports(f"g{layer}-{i}", f"g{layer - 1}-{j}")
    return m


def test_a_dense_map_is_capped() -> None:
    m = _dense_map(layers=6, width=6)  # 6**5 = 7,776 paths from the bottom
    paths = why_paths(m.workshop, "g5-0")
    assert len(paths) == MAX_PATHS
    assert len(set(paths)) == MAX_PATHS
    links = {(link.source, link.target) for link in m.workshop.links}
    for path in paths:
        assert path[0] == "g5-0" and path[-1] == "v"
        assert len(set(path)) == len(path)
        assert all(pair in links for pair in pairwise(path))
    assert why_paths(m.workshop, "g5-0", limit=3) == paths[:3]


def test_a_dense_tangled_map_still_answers() -> None:
    m = _dense_map(layers=5, width=5)
    for i in range(5):  # every upper goal also supports every lower one: circles everywhere
        for j in range(5):
            m.supports(f"g0-{i}", f"g4-{j}")
    paths = why_paths(m.workshop, "g2-0")
    assert 0 < len(paths) <= MAX_PATHS
    assert [len(p) for p in paths] == sorted(len(p) for p in paths)
    assert paths[0] == ("g2-0", "g1-0", "g0-0", "o", "v")


def test_one_index_answers_many_questions() -> None:
    m = _diamond()
    index = WhyIndex(m.workshop)
    for node in ("g", "g2", "o1", "v", "stray"):
        assert index.paths(node) == why_paths(m.workshop, node)


def test_the_why_sentence_reads_up_the_path() -> None:
    m = _diamond()
    m.workshop.update_node("v", title="Every team knows why its work matters")
    assert why_sentence(m.workshop, ("g", "o1", "v")) == (
        "Guided setup wizard → so that Halve onboarding time"
        " → so that Every team knows why its work matters"
    )


def test_the_so_that_sentence_starts_above_the_node() -> None:
    m = _diamond()
    assert so_that_sentence(m.workshop, ("g", "g2", "o1", "v")) == (
        "So that Import from spreadsheets, so that Halve onboarding time, so that Vision v"
    )
    assert so_that_sentence(m.workshop, ("v",)) == ""
    assert why_sentence(m.workshop, ("v",)) == "Vision v"
