"""Plain-language names for severities and rules, as the plan prints them."""

from __future__ import annotations

from typing import Final

from alignment_workshop.analysis.findings import Severity

#: How each severity is labelled in front of a finding.
SEVERITY_LABELS: Final[dict[Severity, str]] = {
    Severity.ERROR: "Error",
    Severity.WARNING: "Warning",
    Severity.INFO: "Note",
}

#: Section headings for each severity in "What to resolve".
SEVERITY_HEADINGS: Final[dict[Severity, str]] = {
    Severity.ERROR: "Errors: these break the line of sight to the vision",
    Severity.WARNING: "Warnings: these weaken the plan",
    Severity.INFO: "Notes: worth a look",
}

#: Plural nouns for the severity counts on the title page.
SEVERITY_COUNTS: Final[dict[Severity, tuple[str, str]]] = {
    Severity.ERROR: ("error", "errors"),
    Severity.WARNING: ("warning", "warnings"),
    Severity.INFO: ("note", "notes"),
}
