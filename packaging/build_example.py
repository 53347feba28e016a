"""Build resources/examples/product-company.alignment, the bundled example workshop.

The example is data, but writing it through the model's edit API keeps it valid by
construction and lets a reviewer read the story in one place. Run it with
`.venv/bin/python packaging/build_example.py`; the layout engine places the cards.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from alignment_workshop.fileio import save
from alignment_workshop.layout import auto_layout
from alignment_workshop.model import (
    Action,
    Link,
    LinkKind,
    Meta,
    Node,
    NodeKind,
    Period,
    Priority,
    Status,
    Team,
    Workshop,
)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "examples" / "product-company.alignment"
H, M, L = Priority.HIGH, Priority.MEDIUM, Priority.LOW
SUP, UPH, CON, DEP = LinkKind.SUPPORTS, LinkKind.UPHOLDS, LinkKind.CONFLICTS, LinkKind.DEPENDS
MEA = LinkKind.MEASURES

TEAMS = [
    Team("product", "Product", "#2563EB"),
    Team("engineering", "Engineering", "#7C3AED"),
    Team("marketing", "Marketing", "#DB2777"),
    Team("sales", "Sales", "#D97706"),
    Team("success", "Customer Success", "#059669"),
    Team("finance", "Finance", "#475569"),
]

VISION = Node(
    "vision",
    NodeKind.VISION,
    "Every team decides from trustworthy data in minutes, not weeks",
    "Brightpath exists so that people in any department can answer their own questions "
    "with data they trust, without waiting on an analyst.",
)
VALUES = [
    ("val-customer", "Customers first", "We measure ourselves by our customers' outcomes."),
    ("val-simple", "Simplicity over features", "One clear path beats ten clever options."),
    ("val-trust", "Earn trust with data", "Show where every number comes from."),
    ("val-open", "Default to openness", "Share templates, roadmaps and mistakes."),
    ("val-pace", "Sustainable pace", "We plan for the long run, not heroics."),
]
OBJECTIVES = [
    (
        "obj-activation",
        "Halve time-to-first-insight for new customers",
        H,
        5,
        "Median minutes from sign-up to first saved dashboard: 42 → 20",
    ),
    ("obj-retention", "Raise net revenue retention to 115%", H, 5, "NRR, trailing 12 months"),
    (
        "obj-trust",
        "Make data quality visible in every report",
        M,
        4,
        "Share of charts with a freshness badge",
    ),
    ("obj-enterprise", "Win 20 enterprise accounts", M, 4, "New accounts over 500 seats"),
    ("obj-platform", "Dashboards load in under 2 seconds", M, 3, "p95 dashboard load time"),
    ("obj-international", "Launch in two new regions", L, 2, "Regions with local billing"),
    ("obj-margin", "Keep gross margin above 75%", M, 3, "Gross margin, quarterly"),
]


def key_result(
    kid: str, title: str, team: str, owner: str, unit: str, *numbers: float | None
) -> Node:
    """A key result with its baseline, target and (if measured yet) current value."""
    baseline, target, current = (*numbers, None, None)[:3]
    return Node(
        kid, NodeKind.KEY_RESULT, title, team=team, owner=owner, unit=unit,
        baseline=baseline, target=target, current=current, status=Status.AGREED,
        due=dt.date(2027, 12, 31),
    )  # fmt: skip


#: How the room will know each objective is met; the margin's target is still open, and
#: nobody has yet said how to measure the regional launch.
KEY_RESULTS = [
    key_result("kr-ttfi", "Median minutes to first saved dashboard", "product",
               "Priya Natarajan", "min", 42, 20, 35),
    key_result("kr-nrr", "Net revenue retention", "success", "Omar Haddad", "%", 104, 115, 106),
    key_result("kr-badges", "Charts with a freshness badge", "product", "Lena Ortiz", "%",
               0, 100, 12),
    key_result("kr-enterprise", "New accounts over 500 seats", "sales", "Dan Walsh",
               "accounts", 0, 20, 3),
    key_result("kr-p95", "p95 dashboard load time", "engineering", "Marek Nowak", "s",
               6.5, 2),
    key_result("kr-margin", "Gross margin", "finance", "Ruth Adler", "%", 73, None),
]  # fmt: skip


def goal(
    gid: str, title: str, team: str | None, priority: Priority = M, impact: int = 3, **extra: object
) -> Node:
    return Node(gid, NodeKind.GOAL, title, team=team, priority=priority, impact=impact, **extra)  # type: ignore[arg-type]


GOALS = [
    goal(
        "g-onboard",
        "Redesign onboarding around a guided first dashboard",
        "product",
        H,
        5,
        owner="Priya Natarajan",
        votes=7,
        contributors=("engineering", "success"),
        due=dt.date(2027, 3, 31),
        metric="Activation rate in week one",
        why="New customers give up before they see their own data.",
        actions=(
            Action("Interview 10 customers who churned in trial", "Priya", True),
            Action("Prototype the guided flow", "Tom"),
            Action("A/B test against the current flow", "Priya"),
        ),
    ),
    goal(
        "g-templates",
        "Ship 30 starter dashboard templates",
        "product",
        M,
        4,
        owner="Tom Becker",
        votes=4,
        why="Templates turn an empty canvas into a first answer.",
        actions=(Action("Pick the 30 most common questions from support tickets", "Tom"),),
    ),
    goal(
        "g-badges",
        "Show data-freshness badges on every chart",
        "product",
        M,
        3,
        owner="Lena Ortiz",
        why="People stop trusting a chart the first time it is stale.",
    ),
    goal(
        "g-admin",
        "Redesign the admin console for enterprise IT",
        "product",
        M,
        3,
        owner="Lena Ortiz",
        why="Enterprise buyers evaluate the admin console first.",
    ),
    goal(
        "g-analytics",
        "Instrument in-product analytics",
        "product",
        M,
        2,
        owner="Tom Becker",
        why="We need usage data to know what to build.",
    ),
    goal(
        "g-perf",
        "Move dashboards to the columnar query engine",
        "engineering",
        H,
        5,
        owner="Marek Nowak",
        votes=6,
        due=dt.date(2027, 2, 28),
        why="Slow dashboards are the top reason trials stall.",
        actions=(
            Action("Benchmark the 20 heaviest customer dashboards", "Marek", True),
            Action("Migrate the query layer behind a flag", "Ana"),
        ),
    ),
    goal(
        "g-lineage",
        "Build column-level data lineage",
        "engineering",
        M,
        4,
        owner="Ana Silva",
        why="Users must see where a number comes from to trust it.",
    ),
    goal(
        "g-sso",
        "Add SAML single sign-on",
        "engineering",
        M,
        4,
        owner="Ana Silva",
        why="Every enterprise security review asks for it.",
    ),
    goal(
        "g-events",
        "Rebuild the event pipeline",
        "engineering",
        L,
        2,
        owner="Marek Nowak",
        why="The analytics work needs a reliable event stream.",
    ),
    goal(
        "g-onprem",
        "Ship an on-premises edition",
        "engineering",
        M,
        3,
        status=Status.DROPPED,
        why="Requested by two prospects; dropped: it would split the team for a year.",
    ),
    goal(
        "g-campaign",
        "Run the “AI insights everywhere” launch campaign",
        "marketing",
        H,
        4,
        owner="Jules Martin",
        votes=3,
        due=dt.date(2027, 1, 15),
        why="Competitors are winning the AI narrative.",
    ),
    goal(
        "g-webinars",
        "Host a monthly webinar for new customers",
        "marketing",
        M,
        3,
        owner="Jules Martin",
        why="Live sessions convert trials and fill the launch funnel.",
    ),
    goal(
        "g-success-webinars",
        "Host a monthly webinar for new customers",
        "success",
        M,
        2,
        owner="Mia Lang",
        why="New customers who join a live session renew more often.",
    ),
    goal(
        "g-cases",
        "Publish 12 customer case studies",
        "marketing",
        L,
        3,
        owner="Sofia Ricci",
        why="Enterprise buyers want proof from peers.",
    ),
    goal(
        "g-brand",
        "Refresh the brand around “decisions in minutes”",
        "marketing",
        M,
        2,
        owner="Sofia Ricci",
        why="Our story should say what we believe.",
    ),
    goal(
        "g-custom-export",
        "Custom export for a key deal",
        "sales",
        H,
        2,
        owner="Dan Walsh",
        due=dt.date(2026, 12, 20),
        votes=1,
        actions=(Action("Scope the export format with the prospect", "Dan"),),
    ),
    goal(
        "g-pipeline",
        "Build a 60-account enterprise pipeline",
        "sales",
        H,
        4,
        owner="Dan Walsh",
        votes=2,
        why="Twenty wins need sixty serious conversations.",
    ),
    goal(
        "g-bundles",
        "Offer multi-year renewal bundles",
        "sales",
        M,
        3,
        owner="Grace Kim",
        why="Customers asked for predictable pricing.",
    ),
    goal(
        "g-qbr",
        "Run quarterly business reviews with the top 50 accounts",
        "success",
        M,
        4,
        owner="Omar Haddad",
        why="Accounts that see their results renew.",
        actions=(
            Action("Build a QBR template from the usage data", "Omar", True),
            Action("Book the first 20 reviews", "Mia"),
        ),
    ),
    goal(
        "g-health",
        "Roll out account health scores",
        "success",
        L,
        3,
        owner="Mia Lang",
        why="We notice churn risk too late.",
    ),
    goal(
        "g-playbook",
        "Write a churn-risk playbook",
        "success",
        H,
        4,
        owner="Omar Haddad",
        why="Every at-risk account should get the same fast response.",
    ),
    goal(
        "g-invoicing",
        "Automate invoicing and dunning",
        "finance",
        M,
        3,
        owner="Ruth Adler",
        why="Manual invoicing costs two people a week every month.",
    ),
    goal(
        "g-cloud",
        "Cut cloud spend by 20%",
        "finance",
        M,
        4,
        owner="Ruth Adler",
        why="Infrastructure is our largest cost of goods sold.",
    ),
    goal(
        "g-advisory",
        "Launch a customer advisory board",
        None,
        M,
        3,
        why="Hear from our best customers before we plan, not after.",
    ),
]

LINKS = [
    (SUP, "obj-activation", "vision"),
    (SUP, "obj-retention", "vision"),
    (SUP, "obj-trust", "vision"),
    (SUP, "obj-enterprise", "vision"),
    (SUP, "obj-platform", "obj-activation"),
    (SUP, "obj-international", "vision"),
    (SUP, "obj-margin", "vision"),
    (UPH, "obj-activation", "val-customer"),
    (UPH, "obj-activation", "val-simple"),
    (UPH, "obj-retention", "val-customer"),
    (UPH, "obj-trust", "val-trust"),
    (SUP, "g-onboard", "obj-activation"),
    (UPH, "g-onboard", "val-simple"),
    (SUP, "g-templates", "obj-activation"),
    (UPH, "g-templates", "val-open"),
    (SUP, "g-badges", "obj-trust"),
    (UPH, "g-badges", "val-trust"),
    (SUP, "g-admin", "obj-enterprise"),
    (SUP, "g-analytics", "g-events"),
    (SUP, "g-events", "g-analytics"),
    (SUP, "g-events", "obj-trust"),
    (SUP, "g-perf", "obj-platform"),
    (SUP, "g-lineage", "obj-trust"),
    (UPH, "g-lineage", "val-trust"),
    (SUP, "g-sso", "obj-enterprise"),
    (SUP, "g-onprem", "obj-enterprise"),
    (SUP, "g-campaign", "obj-enterprise"),
    (SUP, "g-webinars", "g-onboard"),
    (SUP, "g-webinars", "g-campaign"),
    (SUP, "g-cases", "obj-enterprise"),
    (UPH, "g-cases", "val-customer"),
    (SUP, "g-brand", "vision"),
    (SUP, "g-pipeline", "obj-enterprise"),
    (SUP, "g-bundles", "kr-nrr"),
    (SUP, "g-qbr", "obj-retention"),
    (UPH, "g-qbr", "val-customer"),
    (SUP, "g-health", "obj-retention"),
    (SUP, "g-playbook", "g-health"),
    (SUP, "g-invoicing", "obj-margin"),
    (SUP, "g-cloud", "obj-margin"),
    (SUP, "g-advisory", "obj-retention"),
    (SUP, "g-success-webinars", "kr-nrr"),
    (MEA, "kr-ttfi", "obj-activation"),
    (MEA, "kr-nrr", "obj-retention"),
    (MEA, "kr-badges", "obj-trust"),
    (MEA, "kr-enterprise", "obj-enterprise"),
    (MEA, "kr-p95", "obj-platform"),
    (MEA, "kr-margin", "obj-margin"),
    (DEP, "g-pipeline", "g-sso"),
    (DEP, "g-pipeline", "g-onprem"),
    (DEP, "g-sso", "g-admin"),
    (DEP, "g-admin", "g-sso"),
    (DEP, "g-health", "g-lineage"),
    (DEP, "g-qbr", "g-health"),
]


def build() -> Workshop:
    """The example workshop, laid out."""
    nodes = [VISION]
    nodes += [Node(i, NodeKind.VALUE, t, d) for i, t, d in VALUES]
    nodes += [
        Node(i, NodeKind.OBJECTIVE, t, priority=p, impact=n, metric=m, status=Status.AGREED)
        for i, t, p, n, m in OBJECTIVES
    ]
    nodes += KEY_RESULTS
    nodes += GOALS
    links = [Link(f"l-{i + 1:02d}", kind, s, t) for i, (kind, s, t) in enumerate(LINKS)]
    links.append(
        Link(
            "l-conflict-launch",
            CON,
            "g-campaign",
            "g-onboard",
            note="Both want the January launch slot and the same onboarding screens; "
            "the campaign promises AI features onboarding does not have.",
        )
    )
    links.append(
        Link(
            "l-conflict-templates",
            CON,
            "g-templates",
            "g-perf",
            note="Templates run heavy queries that undo the speed work.",
            resolved=True,
            resolution="Templates read from pre-aggregated tables; agreed by Product "
            "and Engineering on 20 November.",
        )
    )
    meta = Meta(
        title="Brightpath 2027 alignment workshop",
        date=dt.date(2026, 11, 24),
        period=Period(dt.date(2027, 1, 1), dt.date(2027, 12, 31), "2027"),
        facilitator="Helen Brooks",
        participants=(
            "Priya Natarajan",
            "Marek Nowak",
            "Jules Martin",
            "Dan Walsh",
            "Omar Haddad",
            "Ruth Adler",
            "Ana Silva",
            "Grace Kim",
        ),
        notes="Brightpath sells self-service analytics to mid-size companies. Sales has been "
        "promising custom work to close deals, Marketing is planning an AI campaign the "
        "roadmap does not support, and Finance works on its own. Goal of the day: every "
        "team goal traces to an objective, and we agree what we will not do.",
    )
    workshop = Workshop.from_records(meta, TEAMS, nodes, links)
    for node_id, pos in auto_layout(workshop).items():
        workshop.move_node(node_id, pos)
    return workshop


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    save(build(), target)
    print(f"Wrote {target}")
