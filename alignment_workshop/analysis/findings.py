"""What the checks return: findings, team scores and the whole report."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from alignment_workshop.i18n import N_, _


class Severity(StrEnum):
    """How much a finding matters, most severe first."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for error, 2 for info: sorts the most severe first."""
        return list(Severity).index(self)

    @property
    def label(self) -> str:
        """The name a person reads, in the language in effect: "Error"."""
        return _(_SEVERITY_LABELS[self])


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem the checks found.

    `nodes` are node ids in the order the rule gives; `message` is a plain sentence that
    names the nodes by title and suggests the next step.
    """

    rule: str
    severity: Severity
    nodes: tuple[str, ...]
    message: str
    link: str | None = None
    team: str | None = None

    @property
    def sort_key(self) -> tuple[int, str, tuple[str, ...]]:
        """Severity, then rule, then nodes: the order of `check --json`."""
        return (self.severity.rank, self.rule, self.nodes)


@dataclass(frozen=True, slots=True)
class TeamScore:
    """A team's share of aligned active goals; `score` is None with no active goals."""

    id: str
    name: str
    goals: int
    aligned: int
    score: float | None


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the checks say about a workshop."""

    score: float | None
    teams: tuple[TeamScore, ...]
    findings: tuple[Finding, ...]
    #: Ids of the active goals that count as aligned.
    aligned: frozenset[str]

    def findings_for(self, node_id: str) -> list[Finding]:
        """The findings that name `node_id`."""
        return [f for f in self.findings if node_id in f.nodes]


_SEVERITY_LABELS = {
    Severity.ERROR: N_("Error"),
    Severity.WARNING: N_("Warning"),
    Severity.INFO: N_("Info"),
}
