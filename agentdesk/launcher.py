"""The ``agentdesk`` entry point: a command runs headless, no command starts the app.

It sits above both the CLI and the UI so that neither imports the other, and so that a
headless command never pays for importing Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from agentdesk import cli


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.command is not None:
        return cli.run(args)
    from agentdesk.ui.app import run_app

    return run_app(args)
