"""The command line: the editor, `check`, `upgrade`, `import` and `export`.

`check`, `upgrade`, `import` and the PDF and spreadsheet `export` never import PySide6,
and `check` never imports the spreadsheet libraries: each command imports only
what it needs, inside its own function, so they start fast and run on servers with no
display libraries. Every failure a user can cause ends in one line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import stat
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from alignment_workshop.i18n import N_, _, ngettext

from . import __version__, i18n, logs
from .terminal import visible

if TYPE_CHECKING:
    from .model import Workshop

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
EXIT_INTERNAL = 2  # a bug, not the user's input: traceback in the log file
COMMANDS = ("check", "upgrade", "import", "export")
EXPORT_TYPES = (".pdf", ".png", ".svg", ".xlsx", ".csv")
SPREADSHEET_TYPES = (".xlsx", ".csv")


#: A BCP 47 language tag as a PDF's /Lang wants it: "en", "de-CH", "zh-Hant-TW".
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}")


class CommandError(Exception):
    """A failure to report as `error: <where>: <message>` with exit 2."""

    def __init__(self, where: str | Path, message: str) -> None:
        super().__init__(f"{where}: {message}")


def _parser(command: str | None) -> argparse.ArgumentParser:
    prog = "alignment-workshop"
    parser = argparse.ArgumentParser(
        prog=prog if command is None else f"{prog} {command}",
        description=_(_DESCRIPTIONS[command]),
        epilog=None if command else _(_EPILOG),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{prog} {__version__}")
    # Read by main() before the parser runs (so that this help is translated too).
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help=_(
            "the language of the messages, the editor and the PDF's fixed texts: {languages} "
            "(default: the system's)"
        ).format(languages=", ".join(i18n.available_languages())),
    )
    if command is None:
        parser.add_argument("file", nargs="?", type=Path, help=_("a .alignment workshop to open"))
        _room_arguments(parser)
        return parser
    if command == "import":
        parser.add_argument("file", type=Path, help=_("a .xlsx, .csv or .md file to import"))
        parser.add_argument(
            "-o", "--output", type=Path, required=True, help=_("the .alignment workshop to write")
        )
        parser.add_argument(
            "--objectives-section",
            metavar="NAME",
            help=_(
                "Markdown: the ## section that holds the objectives (default: Company, "
                "Company-wide, Organisation, Organization or Objectives)"
            ),
        )
        return parser
    parser.add_argument("file", type=Path, help=_("the .alignment workshop"))
    if command == "check":
        parser.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    elif command == "upgrade":
        parser.add_argument("-o", "--output", type=Path, help=_("write here instead of FILE"))
    else:
        parser.add_argument(
            "-o",
            "--output",
            type=Path,
            required=True,
            help=_("plan.pdf, map.png or map.svg, or cards.xlsx or cards.csv"),
        )
        parser.add_argument("--team", metavar="TEAM_ID", help=_("a plan for one team (PDF only)"))
        parser.add_argument(
            "--paper",
            choices=("a4", "letter"),
            help=_("the PDF's paper (default: your locale's, Letter in the US and Canada)"),
        )
        parser.add_argument(
            "--slides",
            action="store_true",
            help=_("the presentation's steps as 16:9 slides instead of the plan (PDF only)"),
        )
    return parser


def _room_arguments(parser: argparse.ArgumentParser) -> None:
    room = parser.add_argument_group(_("room (phones join, vote and propose goals)"))
    room.add_argument("--room", action="store_true", help=_("open FILE with its room open"))
    room.add_argument("--room-address", metavar="ADDRESS", help=_("listen here (default: LAN)"))
    room.add_argument("--room-port", metavar="PORT", type=_port, help=_("first port to try"))
    room.add_argument("--room-named", action="store_true", help=_("phones give their names"))


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(
            _("not a port number: {text!r} (use 1 to 65535)").format(text=text)
        )
    return port


_DESCRIPTIONS = {
    None: N_("Build, check and present a company's alignment map."),
    "check": N_(
        "Run the alignment checks. Exit 0: no errors; 1: errors found; 2: unreadable file."
    ),
    "upgrade": N_("Rewrite FILE in the current format (atomic; keeps FILE.bak)."),
    "import": N_("Make a workshop from a spreadsheet (.xlsx, .csv) or a Markdown outline (.md)."),
    "export": N_(
        "Write the PDF action plan or slides, the map as PNG or SVG, or the workshop as"
        " XLSX or CSV."
    ),
}
_EPILOG = N_("""commands:
  alignment-workshop [FILE]                         open the editor
  alignment-workshop FILE --room                    ... with its room open for phones
  alignment-workshop check FILE [--json]            run the alignment checks
  alignment-workshop upgrade FILE [-o OUT]          rewrite FILE in the current format
  alignment-workshop import SOURCE -o OUT.alignment  a workshop from .xlsx, .csv or .md
  alignment-workshop export FILE -o OUT [--team ID] [--paper a4|letter]
                                                    PDF plan, map PNG/SVG, XLSX/CSV
  alignment-workshop export FILE -o OUT.pdf --slides the presentation's steps as slides
""")


def _load(path: Path) -> Workshop:
    from .fileio import WorkshopFileError, load

    try:
        return load(path)
    except WorkshopFileError as error:
        raise CommandError(path, str(error)) from None


def cmd_check(args: argparse.Namespace) -> int:
    """Print the score, team scores and findings; exit 1 when any finding is an error."""
    from .analysis import analyze
    from .analysis.findings import Severity
    from .check_output import active_goals, format_report, report_to_json

    workshop = _load(args.file)
    report = analyze(workshop)
    if args.json:
        out = json.dumps(report_to_json(report), ensure_ascii=False, indent=2)
    else:
        out = visible(format_report(report, active_goals(workshop)))
    print(out)
    has_errors = any(f.severity is Severity.ERROR for f in report.findings)
    return EXIT_FINDINGS if has_errors else EXIT_OK


def cmd_upgrade(args: argparse.Namespace) -> int:
    """Load FILE (migrating it if old) and save it in the current format."""
    from .fileio import FORMAT_VERSION, WorkshopFileError, save

    target = args.output or args.file
    _check_output(target)
    workshop = _load(args.file)
    try:
        save(workshop, target)
    except WorkshopFileError as error:
        raise CommandError(target, str(error)) from None
    print(
        visible(
            _("Wrote {target} in format version {FORMAT_VERSION}.").format(
                target=target, FORMAT_VERSION=FORMAT_VERSION
            )
        )
    )
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """Write the PDF action plan (no Qt) or the map image (Qt, offscreen).

    The export is atomic: it is made whole, then replaces the output file; any failure
    leaves the previous file as it was and ends in one line with exit status 2. It never
    writes onto the workshop it reads.
    """
    out: Path = args.output
    suffix = out.suffix.lower()
    if suffix not in EXPORT_TYPES:
        raise CommandError(out, _("unsupported export type; use .pdf, .png, .svg, .xlsx or .csv"))
    for option, value in (("--team", args.team), ("--paper", args.paper)):
        if value is not None and suffix != ".pdf":
            raise CommandError(
                out, _("{option} applies to the PDF action plan only").format(option=option)
            )
    if args.slides and (suffix != ".pdf" or args.team is not None):
        raise CommandError(
            out, _("--slides writes a PDF of the whole workshop; use .pdf, no --team")
        )
    if args.slides and args.paper is not None:
        raise CommandError(out, _("--paper applies to the action plan, not to --slides"))
    _check_output(out, source=args.file)
    workshop = _load(args.file)
    note = None
    try:
        if suffix in SPREADSHEET_TYPES:
            _export_spreadsheet(workshop, out)
        elif args.slides:
            _export_slides(workshop, out)
        elif suffix == ".pdf":
            _export_pdf(workshop, out, args)
        else:
            note = _export_image(workshop, out)
    except OSError as error:
        raise CommandError(
            out, _("cannot write the file ({value})").format(value=error.strerror or error)
        ) from None
    print(visible(_("Wrote {out}.").format(out=out)))
    if note:
        print(note)
    return EXIT_OK


def _export_pdf(workshop: Workshop, out: Path, args: argparse.Namespace) -> None:
    from .report import UnknownTeamError, export_pdf
    from .report.paper import default_paper

    paper = args.paper or default_paper()
    try:
        # /Lang: the language asked for (the workshop's, even without a catalogue for it),
        # else the one the PDF's fixed texts are written in.
        lang = args.lang or i18n.language_tag()
        export_pdf(workshop, out, team_id=args.team, paper=paper, lang=lang)
    except UnknownTeamError as error:
        raise CommandError(out, str(error)) from None


def _export_slides(workshop: Workshop, out: Path) -> None:
    from .report.slides import export_slides

    export_slides(workshop, out)


def _export_spreadsheet(workshop: Workshop, out: Path) -> None:
    from .interchange import InterchangeError, export_file

    try:
        export_file(workshop, out)
    except InterchangeError as error:
        raise CommandError(out, str(error)) from None


def cmd_import(args: argparse.Namespace) -> int:
    """Read a spreadsheet or outline and write it as a new workshop; all or nothing."""
    from .fileio import WorkshopFileError, save
    from .interchange import InterchangeError, import_file

    out: Path = args.output
    if out.suffix.lower() != ".alignment":
        raise CommandError(out, _("the workshop to write must be a .alignment file"))
    _check_output(out, source=args.file)
    try:
        imported = import_file(args.file, objectives_section=args.objectives_section)
    except InterchangeError as error:
        raise CommandError(args.file, str(error)) from None
    try:
        save(imported.workshop, out)
    except WorkshopFileError as error:
        raise CommandError(out, str(error)) from None
    for note in imported.notes:
        print(visible(_("note: {file}: {note}").format(file=args.file, note=note)), file=sys.stderr)
    print(
        visible(
            _("Wrote {out}: {imported_summary}.").format(
                out=out, imported_summary=imported_summary(imported.workshop)
            )
        )
    )
    return EXIT_OK


def imported_summary(workshop: Workshop) -> str:
    """ "3 objectives, 12 team goals, 30 key results, 4 teams": what an import made."""
    from collections import Counter

    from .model import NodeKind

    counts = Counter(node.kind for node in workshop.iter_nodes())
    parts = [kind.counted(counts[kind]) for kind in NodeKind if counts[kind]]
    teams = len(workshop.teams)
    parts.append(ngettext("{count} team", "{count} teams", teams).format(count=teams))
    return ", ".join(parts)


def _export_image(workshop: Workshop, out: Path) -> str | None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .gui.canvas.image_export import export_image
    from .gui.support.qt_messages import qt_messages_to_log

    with qt_messages_to_log():  # one line for a failure, never Qt's own notices first
        return export_image(workshop, out)


def cmd_editor(args: argparse.Namespace, argv: Sequence[str]) -> int:
    """Open the editor, on FILE if given (with its room open if asked)."""
    from .gui.app import run

    room = None
    if args.room or args.room_address or args.room_port or args.room_named:
        if args.file is None:
            raise CommandError("--room", _("needs a workshop FILE to open the room on"))
        from .gui.features.room.startup import RoomRequest
        from .room.server import DEFAULT_PORT

        port = args.room_port or DEFAULT_PORT
        room = RoomRequest(args.room_address, port, named=args.room_named)
    return run(args.file, list(argv), room, lang=args.lang)


def _check_input(path: Path) -> None:
    """Refuse, in one line, an input that is missing, unreachable or not a regular file."""
    from .safe_files import describe_mode

    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise CommandError(path, _("no such file")) from None
    except OSError as error:
        reason = (error.strerror or type(error).__name__).lower()
        raise CommandError(path, _("cannot be read ({reason})").format(reason=reason)) from None
    except ValueError:
        raise CommandError(path, _("is not a usable file path")) from None
    if stat.S_ISDIR(info.st_mode):
        raise CommandError(path, _("is a folder, not a workshop file"))
    if not stat.S_ISREG(info.st_mode):
        raise CommandError(
            path,
            _("is {describe_mode}, not a workshop file").format(
                describe_mode=describe_mode(info.st_mode)
            ),
        )


def _check_output(path: Path, source: Path | None = None) -> None:
    """Refuse, before any work, an output that is not a regular file or is write-protected.

    The command line cannot ask "save over a write-protected file?", so it refuses. An
    export (`source` given) never writes onto the workshop it is made from.
    """
    from .export_file import check_export_target
    from .safe_files import is_write_protected

    try:
        check_export_target(path, source)
    except OSError as error:
        raise CommandError(path, error.strerror or type(error).__name__) from None
    except ValueError:
        raise CommandError(path, _("is not a usable file path")) from None
    if is_write_protected(path):
        raise CommandError(
            path, _("is write-protected; make it writable first, or write elsewhere")
        )


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": cmd_check,
    "upgrade": cmd_upgrade,
    "import": cmd_import,
    "export": cmd_export,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    requested = i18n.requested_language(argv)
    i18n.set_language(requested)
    if requested is not None and not _LANGUAGE_TAG.fullmatch(requested):
        message = _("--lang {tag!r} is not a language tag such as en or de-CH").format(
            tag=requested
        )
        print(visible(_("error: {message}").format(message=message)), file=sys.stderr)
        return EXIT_BAD_INPUT
    command = argv[0] if argv and argv[0] in COMMANDS else None
    args = _parser(command).parse_args(argv[1:] if command else argv)
    logs.start_log_file()
    try:
        if command is None:
            if args.file is not None:
                _check_input(args.file)
            return cmd_editor(args, argv)
        _check_input(args.file)
        return _COMMANDS[command](args)
    except CommandError as error:
        print(visible(_("error: {message}").format(message=error)), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `check | head` closed our output early: not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:  # a bug: one line here, the traceback in the log file
        log = logs.where(logs.log_unexpected((type(error), error, error.__traceback__)))
        line = _("error: internal error: {one_line} (details in {log})").format(
            one_line=logs.one_line(error), log=log
        )
        print(visible(line), file=sys.stderr)
        return EXIT_INTERNAL
