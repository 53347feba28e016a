"""An error while painting a card is logged and told once, and never reaches Qt."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from pytestqt.qtbot import QtBot

from alignment_workshop import logs
from alignment_workshop.gui.canvas.items.node_item import NodeItem
from alignment_workshop.gui.support import logs as gui_logs
from alignment_workshop.gui.support import paint_guard
from alignment_workshop.gui.window.main_window import MainWindow

SECRET = "-".join(["quarterly", "pricing"])  # workshop content: never in the log


def _fail(*_args: object) -> None:
    raise KeyError(SECRET)


def _draw(window: MainWindow, device: QImage | QSvgGenerator) -> None:
    painter = QPainter(device)
    window.scene.render(painter)
    painter.end()


def test_a_card_that_fails_to_paint_is_logged_and_told_once(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(gui_logs, "show_message", lambda _p, _t, text, _i: told.append(text))
    monkeypatch.setattr(NodeItem, "_paint_card", _fail)  # near by
    monkeypatch.setattr(NodeItem, "_paint_far", _fail)  # and from far away
    _draw(window, QImage(800, 600, QImage.Format.Format_RGB32))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    svg = QSvgGenerator()
    svg.setOutputDevice(buffer)
    _draw(window, svg)  # the SVG engine is where an escaped error crashed the process
    gc.collect()  # nothing of the failed calls is left for the collector to free twice
    qtbot.waitUntil(lambda: len(told) == 1)
    assert told == [
        f"Something went wrong: KeyError: '{SECRET}'. Details are in {logs.log_file()}."
    ]
    assert paint_guard.errors() == [f"NodeItem.paint: KeyError: '{SECRET}'"]
    text = logs.log_file().read_text(encoding="utf-8")
    assert "painting failed" in text and "in _fail" in text  # the frames, as text
    assert SECRET not in text
    paint_guard.forget()  # expected here: the autouse check must not fail the test
