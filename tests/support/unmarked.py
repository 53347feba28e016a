"""Find user-visible text that is not marked for translation: an AST scan of call sites.

A literal (or an f-string) passed straight to a Qt call that shows text (setText,
setWindowTitle, QAction, QMessageBox.warning, showMessage, …), to one of our own helpers
that does (the menus' `add`, `show_error`), to the CLI's `CommandError` or the file and
import errors, or raised as an exception's message (`raise SomeError("…")`, other than a
programming error such as ValueError), must be wrapped in `_()` / `ngettext()`; an f-string
cannot be, since its text is made before the lookup.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

#: Calls whose string arguments a person reads.
SHOWS_TEXT = frozenset(
    """
    setText setWindowTitle setToolTip setStatusTip setWhatsThis setPlaceholderText
    showMessage addAction addMenu addTab setTabText addRow addButton addItem addItems setTitle
    setLabelText setInformativeText setDetailedText setSuffix setPrefix setSpecialValueText
    setDescription setAccessibleName setAccessibleDescription setHeaderLabels setHtml
    setPlainText setCancelButtonText setOkButtonText setNameFilter setNameFilters
    information warning critical question about getText getItem getInt getDouble
    getSaveFileName getOpenFileName getExistingDirectory
    QAction QLabel QPushButton QCheckBox QRadioButton QGroupBox QMenu QToolBar QToolButton
    QDockWidget QMessageBox QCommandLinkButton QProgressDialog QWizardPage
    add show_error show_warning ask confirm notify refused_target CommandError
    WorkshopFileError WorkshopSaveError InterchangeError Problem
    """.split()
)
#: Keyword arguments whose value a person reads (argparse's help among them).
TEXT_KEYWORDS = frozenset("text title tip label message help description epilog caption".split())
#: Text that is not words: shortcuts, object names, file patterns, markup-free symbols.
_NOT_WORDS = re.compile(r"[\w.\-/*:+#%@]*|[A-Z][A-Za-z]*\+[\w+]+")


def reads_as_words(text: str) -> bool:
    """Whether `text` holds something a translator would translate."""
    text = re.sub(r"\{[^}]*\}", "", text).strip()
    if not re.search(r"[A-Za-z]{2}", text):
        return False
    return not _NOT_WORDS.fullmatch(text) or bool(re.fullmatch(r"[A-Z][a-z]+[.…:]?", text))


def _literal_text(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            part.value if isinstance(part, ast.Constant) else "{}" for part in node.values
        )
    return None


def _arguments(call: ast.Call) -> Iterator[ast.expr]:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if name in SHOWS_TEXT:
        yield from call.args
    yield from (k.value for k in call.keywords if k.arg in TEXT_KEYWORDS)


#: Exceptions that report a programming error, not a person's input: their text is for us.
_PROGRAMMING_ERRORS = frozenset(
    "ValueError TypeError KeyError AssertionError RuntimeError NotImplementedError".split()
)


def _raised(tree: ast.AST) -> set[int]:
    """The ids of the calls that build a raised exception, `raise SomeError("…")`, other
    than the programming errors."""
    return {
        id(node.exc)
        for node in ast.walk(tree)
        if isinstance(node, ast.Raise)
        and isinstance(node.exc, ast.Call)
        and getattr(node.exc.func, "id", None) not in _PROGRAMMING_ERRORS
    }


def unmarked(path: Path, raises: bool = True) -> list[str]:
    """`path:line: text` for each unmarked visible literal at a call site in `path`, and,
    with `raises`, in the arguments of every `raise SomeError("…")` (in the layers whose
    raised messages reach a person as they are)."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    raised = _raised(tree) if raises else set()
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call):
            continue
        arguments = list(_arguments(call))
        if id(call) in raised and not arguments:
            arguments = list(call.args)
        for argument in arguments:
            branches = (
                [argument.body, argument.orelse] if isinstance(argument, ast.IfExp) else [argument]
            )
            for node in branches:
                text = _literal_text(node)
                if text is not None and reads_as_words(text):
                    found.append(f"{path.name}:{node.lineno}: {text!r}")
    return found


def shadows_marker(path: Path) -> list[str]:
    """`path:line` where a module that imports `_` rebinds it as a throwaway name
    (`name, _ = …`), which would make `_("…")` in that function fail."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imports_marker = any(
        isinstance(node, ast.ImportFrom) and any(alias.name == "_" for alias in node.names)
        for node in tree.body
    )
    if not imports_marker:
        return []
    scoped = (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
    inner = {
        id(node)
        for scope in ast.walk(tree)
        if isinstance(scope, scoped)
        for node in ast.walk(scope)
    }
    return [
        f"{path.name}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store)
        and id(node) not in inner
    ]  # fmt: skip


def hidden_from_extraction(path: Path) -> list[str]:
    """`path:line` where `_("…")` sits inside an f-string: Babel's extractor does not look
    there, so the message would never reach the catalogue and stay English."""
    found = []
    for fstring in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(fstring, ast.JoinedStr):
            continue
        for call in ast.walk(fstring):
            if (
                isinstance(call, ast.Call)
                and getattr(call.func, "id", None) in ("_", "ngettext", "pgettext")
                and any(isinstance(arg, ast.Constant) for arg in call.args)
            ):
                found.append(f"{path.name}:{call.lineno}")
    return found
