"""The main window's states: the welcome screen offers no map controls, quitting while
presenting keeps the normal layout."""

from __future__ import annotations

from alignment_workshop.gui.support.settings import restore_window_layout
from alignment_workshop.gui.window.main_window import MainWindow
from alignment_workshop.paths import example_workshop


def _window(qtbot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_welcome()
    window.show()
    return window


def test_welcome_screen_has_no_map_to_edit(qtbot) -> None:
    window = _window(qtbot)
    assert not window.inspector.widget().isEnabled()
    assert not window.palette_dock.isEnabled()
    assert not window.why.action.isEnabled()
    assert not window.presentation.action.isEnabled()
    assert not window.arrange.auto_layout_action.isEnabled()
    assert not window.action("teams").isEnabled()  # it would edit a hidden empty workshop
    assert window.open_path(example_workshop())
    assert window.inspector.widget().isEnabled() and window.palette_dock.isEnabled()
    assert window.presentation.action.isEnabled()
    assert window.action("teams").isEnabled()


def test_quitting_while_presenting_saves_the_normal_layout(qtbot) -> None:
    window = _window(qtbot)
    assert window.open_path(example_workshop())
    window.presentation.enter()
    assert window.presentation.is_active() and not window.inspector.isVisible()
    assert window.close()
    assert not window.presentation.is_active()
    again = _window(qtbot)
    assert restore_window_layout(again)
    assert not again.isFullScreen()
    assert not again.inspector.isHidden()
