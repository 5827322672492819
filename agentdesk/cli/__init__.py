"""The headless interface (see DESIGN.md): same core as the GUI, never imports the UI.

Each command lives in its own module with ``register(subparsers)``; the module sets
``func(args) -> int`` on its parser. Errors go to stderr with a non-zero exit.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import import_module

from agentdesk import __version__

#: Command modules, in the order ``--help`` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "agentdesk.cli.export_cmd",
    "agentdesk.cli.sync_cmd",
    "agentdesk.cli.send_cmd",
    "agentdesk.cli.sla_cmd",
    "agentdesk.cli.templates_cmd",
    "agentdesk.cli.check_cmd",
    "agentdesk.cli.account_cmd",
    "agentdesk.cli.triage_cmd",
    "agentdesk.cli.train_cmd",
    "agentdesk.cli.monitor_cmd",
    "agentdesk.cli.settings_cmd",
)


class CliError(Exception):
    """An expected failure: printed as one line to stderr, exit code attached."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="agentdesk",
        description="AgentDesk: customer service on social media. Without a command, starts the app.",
    )
    parser.add_argument("--version", action="version", version=f"AgentDesk {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="where the local store lives (default: user data dir)")
    parser.add_argument("--sandbox", action="store_true", help="start in sandbox (trainee) mode")
    parser.add_argument("--screenshot", metavar="OUT.png", help="render the main window, save it, exit")
    parser.add_argument("--lang", choices=["en", "de"], help="UI language (default: the system's)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        import_module(name).register(sub)
    return parser


def run(args: argparse.Namespace) -> int:
    """Run a parsed command; expected errors become one line on stderr."""
    try:
        return int(args.func(args))
    except CliError as exc:
        print(f"agentdesk: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("agentdesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): not an error. Python's documented way to exit quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        print("agentdesk: no command given (the app starts through the 'agentdesk' launcher)", file=sys.stderr)
        return 2
    return run(args)
