"""Copy and paste of what format version 2 added: key results, measures links, contributors."""

from __future__ import annotations

from alignment_workshop.gui.features.clipboard import copy_payload, pasted_records
from alignment_workshop.model import Link, LinkKind, Meta, Node, NodeKind, Team, Workshop


def _shared_goal() -> Workshop:
    teams = [Team("t1", "Product"), Team("t2", "Support"), Team("t3", "Sales")]
    nodes = [
        Node("g", NodeKind.GOAL, "Ship onboarding", team="t1", contributors=("t2", "t3")),
        Node("k", NodeKind.KEY_RESULT, "Activation", team="t2", target=40.0, unit="%"),
    ]
    links = [Link("m", LinkKind.MEASURES, "k", "g")]
    return Workshop.from_records(Meta(), teams, nodes, links)


def test_a_shared_goal_and_its_key_result_paste_with_new_ids() -> None:
    workshop = _shared_goal()
    nodes, links = pasted_records(copy_payload(workshop, ["g", "k"]), workshop, 40.0)
    goal, key_result = nodes
    assert goal.id not in ("g", "k") and key_result.id not in ("g", "k")
    assert (goal.team, goal.contributors) == ("t1", ("t2", "t3"))
    assert (key_result.team, key_result.target, key_result.unit) == ("t2", 40.0, "%")
    assert [(x.kind, x.source, x.target) for x in links] == [
        (LinkKind.MEASURES, key_result.id, goal.id)
    ]
    for node in nodes:
        workshop.add_node(node)
    workshop.add_link(links[0])


def test_pasting_elsewhere_keeps_the_teams_found_by_name_and_drops_the_rest() -> None:
    payload = copy_payload(_shared_goal(), ["g"])
    target = Workshop()
    target.add_team(Team("x", "Support"))  # same name, other id
    target.add_team(Team("y", "Product"))
    [goal], _ = pasted_records(payload, target, 0.0)
    assert (goal.team, goal.contributors) == ("y", ("x",))
    target.add_node(goal)
    lone = Workshop()
    lone.add_team(Team("z", "Product"))
    [goal], _ = pasted_records(payload, lone, 0.0)
    assert (goal.team, goal.contributors) == ("z", ())
