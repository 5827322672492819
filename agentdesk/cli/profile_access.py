"""Opening the profile for a headless command, with store errors turned into one-line messages."""

from __future__ import annotations

import argparse

from agentdesk.store import StoreError, StoreUnreadable
from agentdesk.store.profile import resolve_data_dir
from agentdesk.sync.workspace import RealSourcesForbidden, Workspace, open_workspace

from . import CliError


def open_profile(args: argparse.Namespace) -> Workspace:
    try:
        return open_workspace(resolve_data_dir(args.data_dir), sandbox_mode=bool(getattr(args, "sandbox", False)))
    except StoreUnreadable as exc:
        raise CliError(f"{exc} Start the app to move it aside, or move {exc.path} away yourself.", 3) from exc
    except (StoreError, RealSourcesForbidden) as exc:
        raise CliError(str(exc), 3) from exc
