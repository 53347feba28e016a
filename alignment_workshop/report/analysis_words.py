"""Plain-language names for severities, as the plan prints them (marked with N_ and
translated where printed, in the language in effect)."""

from __future__ import annotations

from typing import Final

from alignment_workshop.analysis.findings import Severity
from alignment_workshop.i18n import N_

#: How each severity is labelled in front of a finding.
SEVERITY_LABELS: Final[dict[Severity, str]] = {
    Severity.ERROR: N_("Error"),
    Severity.WARNING: N_("Warning"),
    Severity.INFO: N_("Note"),
}

#: Section headings for each severity in "What to resolve".
SEVERITY_HEADINGS: Final[dict[Severity, str]] = {
    Severity.ERROR: N_("Errors: these break the line of sight to the vision"),
    Severity.WARNING: N_("Warnings: these weaken the plan"),
    Severity.INFO: N_("Notes: worth a look"),
}
