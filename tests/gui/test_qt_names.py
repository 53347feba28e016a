"""No class of the editor hides a name of its Qt base classes.

An attribute or method named like one of Qt's hides it: with `self.palette = PaletteDock()`
on a window, `window.palette()` is no longer the QPalette that Qt's own code and styles
expect, and a widget's `def actions()` answers Qt's callers with something else than its
QActions. A class may reuse a Qt name only to override one of Qt's virtual methods: the
event handlers (`…Event`) and the few others listed in `VIRTUALS`.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import textwrap
from types import FunctionType

from PySide6.QtWidgets import QWidget

from alignment_workshop import gui

#: Qt virtual methods, other than the event handlers, that our classes may override.
VIRTUALS = frozenset(
    {"paint", "boundingRect", "shape", "itemChange", "sceneEvent", "event", "eventFilter",
     "redo", "undo", "done", "reject", "accept", "validate"}
)  # fmt: skip
#: Names PySide6 itself puts on every subclass.
BINDING_NAMES = frozenset({"staticMetaObject"})


def qt_classes() -> list[type]:
    """Every class defined in the gui package that derives from a Qt class."""
    found = []
    for info in pkgutil.walk_packages(gui.__path__, f"{gui.__name__}."):
        module = importlib.import_module(info.name)
        for cls in vars(module).values():
            if inspect.isclass(cls) and cls.__module__ == info.name and _qt_bases(cls):
                found.append(cls)
    return found


def _qt_bases(cls: type) -> list[type]:
    return [base for base in cls.__mro__ if base.__module__.startswith("PySide6")]


def _instance_attributes(cls: type) -> set[str]:
    """The names a class's methods assign on `self` (`self.x = …`, `self.x: T = …`)."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    names = set()
    for node in ast.walk(tree):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign | ast.AugAssign):
            targets = [node.target]
        for target in targets:
            for part in target.elts if isinstance(target, ast.Tuple) else [target]:
                if (
                    isinstance(part, ast.Attribute)
                    and isinstance(part.value, ast.Name)
                    and part.value.id == "self"
                ):
                    names.add(part.attr)
    return names


def hidden_qt_names(cls: type) -> set[str]:
    """The names `cls` defines that hide a name of its Qt bases without overriding a virtual."""
    qt_names = set().union(*(dir(base) for base in _qt_bases(cls))) - BINDING_NAMES
    overrides = {
        name
        for name, value in vars(cls).items()
        if isinstance(value, FunctionType) and (name.endswith("Event") or name in VIRTUALS)
    }
    own = {name for name in vars(cls) if not name.startswith("__")} - overrides
    return (own | _instance_attributes(cls)) & qt_names


def test_no_editor_class_hides_a_qt_name() -> None:
    classes = qt_classes()
    assert len(classes) > 40  # the whole gui package was read
    hidden = {f"{cls.__module__}.{cls.__qualname__}": hidden_qt_names(cls) for cls in classes}
    assert {name: names for name, names in hidden.items() if names} == {}


def test_the_check_catches_an_attribute_and_a_method() -> None:
    class Hiding(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.palette = None  # hides QWidget.palette()

        def actions(self) -> tuple[str, ...]:  # hides QWidget.actions()
            return ()

        def paintEvent(self, event: object) -> None:  # an override: allowed
            pass

    assert hidden_qt_names(Hiding) == {"palette", "actions"}
