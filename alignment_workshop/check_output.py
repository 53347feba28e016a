"""What `alignment-workshop check` prints: a short report a facilitator can read aloud
(`format_report`), or the `--json` document (`report_to_json`) for scripts and CI.

The command line imports this module only when `check` runs, so other commands do not
load the analysis.
"""

from __future__ import annotations

from . import formats
from .analysis.findings import Report, Severity
from .i18n import _, ngettext
from .model import NodeKind, Workshop


def report_to_json(report: Report) -> dict[str, object]:
    """The `check --json` document: score, teams in file order, sorted findings."""
    findings = []
    for finding in sorted(report.findings, key=lambda f: f.sort_key):
        item: dict[str, object] = {
            "rule": finding.rule,
            "severity": finding.severity.value,
            "nodes": list(finding.nodes),
            "message": finding.message,
        }
        if finding.link is not None:
            item["link"] = finding.link
        if finding.team is not None:
            item["team"] = finding.team
        findings.append(item)
    teams = [
        {"id": t.id, "name": t.name, "goals": t.goals, "aligned": t.aligned, "score": t.score}
        for t in report.teams
    ]
    return {"score": report.score, "teams": teams, "findings": findings}


def _percent(score: float | None) -> str:
    return "—" if score is None else formats.percent(score / 100, digits=1)


def active_goals(workshop: Workshop) -> int:
    """How many team goals are not dropped: what the score is out of."""
    return sum(1 for n in workshop.iter_nodes() if n.kind is NodeKind.GOAL and n.is_active)


def format_report(report: Report, active_goals: int) -> str:
    """The human `check` output: a short report a facilitator can read aloud."""
    lines = [_("Alignment score: {percent}").format(percent=_percent(report.score))]
    if report.score is None:
        lines.append("  " + _("(no active goals yet: add team goals to get a score)"))
    else:
        lines.append(
            "  "
            + ngettext(
                "{count} of {total} active goal traces cleanly to the vision",
                "{count} of {total} active goals trace cleanly to the vision",
                active_goals,
            ).format(count=len(report.aligned), total=active_goals)
        )
    if report.teams:
        width = max(len(t.name) for t in report.teams)
        lines += ["", _("Teams")]
        lines += [
            f"  {t.name:<{width}}  {_percent(t.score):>6}  "
            + _("({aligned}/{goals} goals aligned)").format(aligned=t.aligned, goals=t.goals)
            for t in report.teams
        ]
    for severity, heading, mark in (
        (Severity.ERROR, _("Errors"), "✗"),
        (Severity.WARNING, _("Warnings"), "!"),
        (Severity.INFO, _("Notes"), "·"),
    ):
        found = sorted(
            (f for f in report.findings if f.severity is severity), key=lambda f: f.sort_key
        )
        if found:
            lines += ["", f"{heading} ({len(found)})"]
            lines += [f"  {mark} [{f.rule}] {f.message}" for f in found]
    if not report.findings:
        lines += ["", _("No findings: every goal traces to the vision.")]
    return "\n".join(lines)
