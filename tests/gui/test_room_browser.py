"""A real browser in the room: Debian's chromium, headless, as two phones, and the editor.

Two browser contexts (two phones, each with its own cookies) at a phone's size open the
room's address, join, vote by tapping, and one proposes a goal; the facilitator (the
real editor window) reveals the votes and accepts the proposal, and both phones see the
results. Chromium comes from the system (`.ci/system-packages.txt`); playwright drives
it and never downloads a browser. Every page loads from 127.0.0.1 only, and any console
error (a Content-Security-Policy violation would be one) fails the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from alignment_workshop import paths
from alignment_workshop.gui.window.main_window import MainWindow
from tests.support.prompts import discarding_prompts

CHROMIUM = Path("/usr/bin/chromium")
#: No first-run work, no network but the room's, no GPU; playwright adds --headless and
#: gives each launch a fresh, temporary profile (its own --user-data-dir).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2,
         "is_mobile": True, "has_touch": True}  # fmt: skip
CHOSEN = {"g-onboard", "g-sso", "l-conflict-launch"}


@pytest.fixture
def browser() -> Iterator[Browser]:
    assert CHROMIUM.exists(), "install Debian's chromium: make system-deps"
    with sync_playwright() as driver:
        launched = driver.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True, timeout=60_000
        )
        yield launched
        launched.close()


@pytest.fixture
def window(qtbot) -> Iterator[MainWindow]:
    window = MainWindow(prompts=discarding_prompts(), autosave=False)
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(paths.example_workshop())
    yield window
    window.room.close_room()
    window.files.may_close()


def phone(browser: Browser, url: str, errors: list[str]) -> Page:
    page = browser.new_context(**PHONE).new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.wait_for_selector("#options li >> nth=2")
    return page


def tap_plus(page: Page, label: str, times: int = 1) -> None:
    row = page.locator("#options li", has_text=label)
    for _ in range(times):
        row.locator("button", has_text="+").tap()


def test_two_phones_vote_and_propose_and_the_facilitator_reveals(
    window: MainWindow, browser: Browser, qtbot
) -> None:
    hostile = "<img src=x onerror=window.pwned=1> Add SAML single sign-on"
    assert window.document.update_node("g-sso", title=hostile)
    controller = window.room
    url = controller.open_room("127.0.0.1", 0)
    assert url is not None and controller.room is not None
    room = controller.room
    controller.setup.chosen, controller.setup.votes = set(CHOSEN), 3
    controller.start_action.trigger()
    errors: list[str] = []
    alice, bob = phone(browser, url, errors), phone(browser, url, errors)
    assert alice.locator("#vote-status").inner_text() == "Round 1: you have 3 votes to place."
    assert hostile in alice.locator("#options li", has_text="SAML").inner_text()  # as text
    assert alice.locator("#options img").count() == 0
    tap_plus(alice, "first dashboard (Product)", 2)
    tap_plus(alice, "AI insights everywhere")
    assert alice.locator("#votes-left").inner_text() == "0 of 3 left"
    assert (
        alice.locator("#options li", has_text="SAML").locator("button", has_text="+").is_disabled()
    )
    tap_plus(bob, "SAML")
    tap_plus(bob, "first dashboard (Product)")
    qtbot.waitUntil(lambda: room.status().ballots == 2, timeout=10_000)
    qtbot.waitUntil(lambda: "2 phones joined · 2 ballots" in window.room_overlay.counts.text())
    for page in (alice, bob):
        assert page.locator(".results").count() == 0 and page.locator(".total").count() == 0

    bob.locator("#tab-propose").tap()
    bob.fill("#goal", "Publish a public status page")
    bob.fill("#why", "Enterprise buyers ask for it")
    bob.select_option("#team", label="Engineering")
    bob.locator("#propose-form button[type=submit]").tap()
    bob.wait_for_selector("#my-proposals li", timeout=10_000)
    qtbot.waitUntil(lambda: window.room_dock.proposals_tab.list.count() == 1)
    window.room_dock.proposals_tab.list.setCurrentRow(0)
    node_id = window.room_dock.proposals_tab.accept_current()
    assert node_id and window.document.workshop.node(node_id).team == "engineering"

    controller.reveal_action.trigger()
    for page in (alice, bob):
        page.locator("#tab-vote").tap()
        page.wait_for_selector("text=Results of round 1", timeout=10_000)
        totals = page.locator("#options li .total").all_inner_texts()
        labels = page.locator("#options li .label").all_inner_texts()
        assert totals == ["3", "1", "1"]
        assert "dashboard (Product)" in labels[0] and "SAML" in labels[1]
        # Measured in one go: the list is redrawn whenever the room's state arrives.
        track, *bars = page.evaluate(
            "() => [document.querySelector('.bar-track'),"
            " ...document.querySelectorAll('.bar-fill')]"
            ".map((e) => e.getBoundingClientRect().width)"
        )
        assert len(bars) == 3 and bars[0] == track > 0
        assert abs(bars[1] - track / 3) < 2  # 1 vote of the top 3
    assert alice.locator("#options li .mine-votes").first.inner_text() == "your votes: 2"
    bob.locator("#tab-propose").tap()
    bob.wait_for_selector("#my-proposals li:has-text('on the map')", timeout=10_000)

    assert errors == [] and alice.evaluate("window.pwned") is None
    controller.close_room()  # the server is gone: the phones can only lose it
    alice.wait_for_selector("text=Connection lost. Trying again…", timeout=10_000)
    # A poll in flight as the room closes meets a dead token (404) before the socket goes.
    assert all(e.endswith(("_REFUSED", "404 (Not Found)")) for e in errors), errors
