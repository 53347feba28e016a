"""Test set-up shared by every test: headless Qt, a private home, Hypothesis profiles.

QT_QPA_PLATFORM is set here, before any QApplication can exist. Each test gets its own
HOME and XDG folders, so appdirs (and so settings, autosaves and logs) never touch the
real home directory; subprocesses inherit the same environment. The run ends by naming
the seed of its random test order, which `make test -q` would otherwise hide.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ["QT_QPA_PLATFORM"] = "offscreen"
# The tests read English messages unless they choose a language: the CLI's subprocesses
# and the editor follow these variables, whatever the machine's own locale is.
for _variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_variable, None)
os.environ["LANG"] = "C.UTF-8"


def _compile_catalogues() -> None:
    """Compile the .po files whose .mo is stale (`make test` does this too), so that a
    bare `pytest` after editing a translation tests the new one."""
    from tests.support.scripts import load_script

    load_script(Path(__file__).resolve().parents[1] / "packaging" / "catalogues.py").compile_stale()


_compile_catalogues()

# "dev" keeps `make test` quick; CI (CI=true, or ALIGNMENT_TEST_PROFILE=ci) runs the
# example counts the acceptance criteria ask for.
settings.register_profile(
    "dev", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
PROFILE = os.environ.get("ALIGNMENT_TEST_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
settings.load_profile(PROFILE)


def examples(ci: int, dev: int) -> int:
    """How many Hypothesis examples a heavy test runs under the active profile."""
    return ci if PROFILE == "ci" else dev


@pytest.fixture(autouse=True)
def private_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point HOME and the XDG folders that appdirs reads at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var, sub in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    yield home


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Every test starts in English and leaves the language as it found it."""
    from alignment_workshop import i18n

    i18n.set_language("en")
    yield
    i18n.set_language("en")


def pytest_report_header(config: pytest.Config) -> str | None:
    """The seed at the start as well: a crash (a segfault) never reaches the summary."""
    seed = getattr(config.option, "randomly_seed", None)
    return f"Random test order seed: {seed}" if isinstance(seed, int) else None


def pytest_sessionstart(session: pytest.Session) -> None:
    """Under -q the header is not shown, so say the seed on stderr before any test runs."""
    seed = getattr(session.config.option, "randomly_seed", None)
    if isinstance(seed, int):
        sys.stderr.write(f"Random test order seed: {seed}\n")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Name the random order's seed, so a failure that depends on order can be replayed."""
    seed = getattr(terminalreporter.config.option, "randomly_seed", None)
    if isinstance(seed, int):
        terminalreporter.write_line(
            f"Random test order: replay it with --randomly-seed={seed} "
            f"(make test PYTEST_ARGS=--randomly-seed={seed})"
        )
