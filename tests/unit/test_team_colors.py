"""The default team colours stay apart for colour-blind viewers (simulated)."""

from __future__ import annotations

from itertools import combinations

import pytest

from alignment_workshop.report import palette
from alignment_workshop.report.team_colors import (
    TEAM_COLORS,
    Deficiency,
    closest_pair,
    delta_e,
    next_color,
    simulate,
    text_on,
)

#: The smallest ΔE*ab the defaults keep between any two, for each kind of viewer. Red
#: against green (the old defaults' #D81B60 and #43A047) falls to 15 under deuteranopia.
MIN_APART = {None: 25.0, Deficiency.DEUTERANOPIA: 16.0, Deficiency.PROTANOPIA: 16.0}


def test_simulation_keeps_greys_and_merges_red_with_green() -> None:
    """The maths is right: greys look the same to everyone; red and green fall together."""
    for grey in ("#000000", "#777777", "#FFFFFF"):
        for deficiency in Deficiency:
            assert delta_e(simulate(grey, deficiency), grey) < 1.5
    red, green = "#D03030", "#609030"
    assert delta_e(red, green) > 50
    assert (
        delta_e(simulate(red, Deficiency.DEUTERANOPIA), simulate(green, Deficiency.DEUTERANOPIA))
        < 20
    )


def test_delta_e_matches_known_lab_distance() -> None:
    assert delta_e("#FFFFFF", "#000000") == pytest.approx(100.0, abs=0.1)
    assert delta_e("#4477AA", "#4477AA") == 0.0


@pytest.mark.parametrize("deficiency", list(MIN_APART))
def test_default_team_colours_stay_apart(deficiency: Deficiency | None) -> None:
    """Every pair of default colours, and each against the no-team grey, stays distinct."""
    colors = (*TEAM_COLORS, palette.NO_TEAM)
    assert closest_pair(colors, deficiency) >= MIN_APART[deficiency], [
        (a, b, round(delta_e(simulate(a, deficiency), simulate(b, deficiency)), 1))
        for a, b in combinations(colors, 2)
        if deficiency
    ]


def test_the_old_defaults_would_fail_the_deuteranopia_floor() -> None:
    """The floor is tight enough to refuse a palette that merges for red-green viewers."""
    old = ("#1E88E5", "#D81B60", "#43A047", "#FB8C00", "#8E24AA", "#00897B", "#6D4C41")
    assert closest_pair(old, Deficiency.DEUTERANOPIA) < MIN_APART[Deficiency.DEUTERANOPIA]


def test_next_color_skips_used_colours_case_blind() -> None:
    assert next_color([]) == TEAM_COLORS[0]
    assert next_color([TEAM_COLORS[0].lower(), TEAM_COLORS[2]]) == TEAM_COLORS[1]
    assert next_color(TEAM_COLORS) == TEAM_COLORS[0]


def test_text_on_picks_the_readable_ink() -> None:
    assert text_on("#FFFFFF") == "#000000"
    assert text_on("#332288") == "#FFFFFF"
    assert text_on("#CCBB44") == "#000000"
