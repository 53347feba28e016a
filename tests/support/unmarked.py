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
from html.parser import HTMLParser
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
    add show_error show_warning show_message message_box ask confirm notify refused_target
    CommandError WorkshopFileError WorkshopSaveError InterchangeError Problem RoomServerError
    """.split()
)
#: Keyword arguments whose value a person reads (argparse's help among them).
TEXT_KEYWORDS = frozenset("text title tip label message help description epilog caption".split())
#: Text that is not words: shortcuts, object names, file patterns, markup-free symbols.
_NOT_WORDS = re.compile(r"[\w.\-/*:+#%@\[\]]*|[A-Z][A-Za-z]*\+[\w+]+")


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


#: The names a module's logger goes by: what it logs is for us (the log file), not shown.
_LOGGERS = frozenset({"_log", "log", "logger", "_logger", "LOG", "logging"})


def _arguments(call: ast.Call) -> Iterator[ast.expr]:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if isinstance(func, ast.Attribute) and getattr(func.value, "id", None) in _LOGGERS:
        return
    if name in SHOWS_TEXT:
        yield from call.args
    yield from (k.value for k in call.keywords if k.arg in TEXT_KEYWORDS)


#: Exceptions that report a programming error, not a person's input: their text is for us.
_PROGRAMMING_ERRORS = frozenset(
    """ValueError TypeError KeyError AssertionError RuntimeError NotImplementedError
    AttributeError""".split()
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


def _error_messages(tree: ast.AST) -> set[int]:
    """The ids of the `super().__init__(…)` calls inside our own exception classes (a
    class whose base is named …Error or …Exception): their arguments are the message,
    the `strerror` of an OSError among them."""
    found = set()
    for cls in ast.walk(tree):
        if not isinstance(cls, ast.ClassDef):
            continue
        bases = [getattr(base, "id", getattr(base, "attr", "")) for base in cls.bases]
        if not any(name.endswith(("Error", "Exception")) for name in bases):
            continue
        for call in ast.walk(cls):
            if (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and call.func.attr == "__init__"
                and isinstance(call.func.value, ast.Call)
                and getattr(call.func.value.func, "id", None) == "super"
            ):
                found.add(id(call))
    return found


def _concatenated(tree: ast.AST, path: Path) -> list[str]:
    """Words glued to other text with `+` or `+=` ("Owner: " + names, subject += f" for
    {team}"): the sentence is built outside the catalogue, in English word order. Markup
    tags (the PDF's <font>) are not words."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            parts = [node.left, node.right]
        elif isinstance(node, ast.AugAssign) and isinstance(node.op, ast.Add):
            parts = [node.value]
        else:
            continue
        for part in parts:
            text = _literal_text(part)
            if text is None:
                continue
            bare = re.sub(r"<[^>]*>|\{[^}]*\}", "", text)
            # one word glued on with a space (" for {team}") is a piece of a sentence too
            if reads_as_words(bare) or re.search(r"(?:^|\s)[A-Za-z]{2,}\s|\s[A-Za-z]{2,}$", bare):
                found.append(f"{path.name}:{part.lineno}: {text!r}")
    return found


def unmarked(path: Path, raises: bool = True) -> list[str]:
    """`path:line: text` for each unmarked visible literal at a call site in `path`, and,
    with `raises`, in the arguments of every `raise SomeError("…")` and of the message an
    exception class of ours passes to `super().__init__`."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    raised = _raised(tree) | _error_messages(tree) if raises else set()
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
    return found + _concatenated(tree, path)


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


class _PageText(HTMLParser):
    """The words of an HTML page that no script replaces: text outside the elements
    marked `data-t` (and outside <script>/<style>), and the attributes a person reads."""

    SHOWN_ATTRIBUTES = frozenset({"placeholder", "title", "alt", "aria-label", "value"})

    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[str, bool]] = []
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        self.found += [
            f"<{tag} {name}>: {value!r}"
            for name, value in attrs
            if name in self.SHOWN_ATTRIBUTES and value and reads_as_words(value)
        ]
        if tag not in {"meta", "link", "input", "br", "img"}:
            self.open.append((tag, "data-t" in names or tag in {"script", "style", "title"}))

    def handle_endtag(self, tag: str) -> None:
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if not any(replaced for _tag, replaced in self.open) and reads_as_words(data.strip()):
            self.found.append(repr(data.strip()))


def unmarked_in_page(path: Path) -> list[str]:
    """Words in an HTML page that stay as written, whatever the language: every text must
    sit in an element marked `data-t="key"` (the page fills it from its string table)."""
    parser = _PageText()
    parser.feed(path.read_text(encoding="utf-8"))
    return [f"{path.name}: {hit}" for hit in parser.found]


#: A string literal in a script, and the words in one that read as a sentence or a label:
#: a capitalised word followed by another ("Voting is closed", "Send it").
_SCRIPT_STRING = re.compile(r"""(["'`])((?:\\.|(?!\1).)*)\1""")
_SCRIPT_WORDS = re.compile(r"[A-Z][a-z]+\s+[a-z]{2,}")


def unmarked_in_script(path: Path) -> list[str]:
    """String literals in a page's script that read as words: the script must take every
    word from its string table (`t("key")`), never write one itself."""
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        code = line.split("//", 1)[0] if not line.lstrip().startswith("//") else ""
        found += [
            f"{path.name}:{number}: {m.group(0)}"
            for m in _SCRIPT_STRING.finditer(code)
            if _SCRIPT_WORDS.search(m.group(2))
        ]
    return found
